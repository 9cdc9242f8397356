#pragma once
// Rows the engine cannot read (time "24:00", created_at "-infinity", a BC
// date, a wrong JSON type, text that is not JSON): kept aside in the cache's
// quarantine table with the reason, out of the day, tried again on every pull.
// A Quarantine is made over the cache's connection, like its Rows (rows.hpp).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/cache.hpp"

namespace foh::net {

struct QuarantinedRow {
  std::string table;
  Uuid row_id;
  std::string raw;                    // the row as it came (JSON text, or whatever the cache held)
  std::string reason;                 // the decoder's message, naming the column
  std::string first_seen, last_seen;  // UTC ISO-8601
};

class Quarantine {
 public:
  explicit Quarantine(Cache& cache) : cache_(cache) {}

  // Stores a pulled row: a readable one into its table (leaving quarantine if
  // an older version was there), an unreadable one into quarantine instead
  // (its older copy leaves the day: the backend's row is no longer that).
  Status put_pulled_row(std::string_view table, const Json& row);
  // Sets the row `raw` of `table` aside with `reason` (first_seen kept when
  // it was there already) and removes it from its table.
  Status hold(std::string_view table, const Uuid& id, std::string_view raw,
              std::string_view reason);
  std::vector<QuarantinedRow> rows();
  int64_t count();
  // Decodes every quarantined row again: those that now read go back to
  // their table. Returns how many did.
  Result<int> retry();

 private:
  Cache& cache_;
};

}  // namespace foh::net
