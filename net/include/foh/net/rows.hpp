#pragma once
// One synced entity's rows in the cache, typed: Rows<Reservation>(cache).get(id)
// is a Reservation, put(r) writes the engine's encoding of it. The table name
// and decoder come from Entity<T> (entities.hpp), written once. A row the
// engine cannot read is never silently dropped: reads set it aside in the
// quarantine and name it in the SetAsideRows they are given.
//
// Writes here are plain row writes, without outbox entries: a Store command
// writes through write_rows (one transaction with the outbox); these are for
// the cache's own reads, the pull and the first-run seed.
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/entities.hpp"
#include "foh/net/rows.hpp"

namespace foh::net {

template <class T>
class Rows {
 public:
  static constexpr std::string_view table = Entity<T>::table;

  explicit Rows(Cache& cache) : cache_(cache) {}

  // The row `id` decoded; `gone` when the cache has no such row, the
  // decoder's error when the engine cannot read it (the row stays: the
  // day's read sets it aside).
  Result<T> get(const Uuid& id, Error gone);
  // The row as cached (the seed's columns), for an edit's before and after,
  // and the rows so, for a command that reads one column of each.
  std::optional<Json> json(const Uuid& id) { return cache_.get_row(table, id); }
  std::vector<Json> json_all() { return cache_.rows(table); }
  std::vector<Json> json_of_date(Date date) { return cache_.rows_of_date(table, date); }
  bool has(const Uuid& id) { return cache_.has_row(table, id); }
  int64_t count() { return cache_.row_count(table); }

  Status put(const T& row);  // insert or replace, the engine's encoding
  Status put_json(const Json& row) { return cache_.put_row(table, row); }  // as it is
  Status remove(const Uuid& id) { return cache_.delete_row(table, id); }

  // Every row, and the rows of `date` (tables with a date column); rows the
  // engine cannot read are left out, set aside and named in `report`.
  std::vector<T> all(SetAsideRows* report = nullptr);
  std::vector<T> of_date(Date date, SetAsideRows* report = nullptr);
  std::vector<T> about(const Uuid& ref_id, SetAsideRows* report = nullptr);  // Cache::rows_about
  // Decodes `rows` (this table's JSON, as a query returned them) into `out`,
  // setting aside the ones the engine cannot read.
  void decode(const std::vector<Json>& rows, std::vector<T>& out, SetAsideRows* report);

  // "reservations <id>": where an error about the row points.
  static std::string where(const Uuid& id) { return std::string(table) + " " + id; }

 private:
  Cache& cache_;
};

// Defined in rows.cpp, once for every entity.
extern template class Rows<Restaurant>;
extern template class Rows<FloorPlan>;
extern template class Rows<Zone>;
extern template class Rows<Table>;
extern template class Rows<Service>;
extern template class Rows<TeamMember>;
extern template class Rows<Customer>;
extern template class Rows<Reservation>;
extern template class Rows<ReservationEvent>;
extern template class Rows<WaitlistEntry>;
extern template class Rows<DailyTableOverride>;
extern template class Rows<DailyExtraTable>;
extern template class Rows<DailyFloorNote>;
extern template class Rows<ServerSection>;
extern template class Rows<CommunicationEvent>;

}  // namespace foh::net
