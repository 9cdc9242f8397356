#pragma once
// Shared test fixtures: the demo restaurant from assets/demo/, seeded caches,
// temp directories and a settable clock.
#include <chrono>
#include <memory>
#include <string>

#include "foh/engine/model.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/store.hpp"

namespace fixture {

foh::Json read_json(const std::string& path);
const foh::Venue& demo_venue();
const foh::DayBook& demo_day();
// ":memory:" (or a file) seeded with the demo venue (and the demo day if asked).
std::unique_ptr<foh::net::Cache> seeded_cache(const std::string& path = ":memory:",
                                              bool with_day = false);
// A fresh directory under $TMPDIR, removed by the destructor.
struct TempDir {
  TempDir();
  ~TempDir();
  std::string path;
  std::string file(const std::string& name) const { return path + "/" + name; }
};
// A clock the test moves by hand.
struct ManualClock {
  std::chrono::system_clock::time_point now =
      std::chrono::system_clock::time_point{} + std::chrono::seconds(1795000000);
  foh::net::Clock fn() {
    return [this] { return now; };
  }
};
const foh::Table& table_named(const std::string& name);  // in the demo venue
foh::TableChoice pick(const std::string& name);
// A Confirmed booking on a quiet day (2026-12-01, a Tuesday) at `hhmm`.
foh::Reservation booking(const std::string& table, const std::string& hhmm, int party = 2,
                         const std::string& guest = "Guest");
inline constexpr const char* kQuietDay = "2026-12-01";
// A proposal's move of `r` from its table to table `to`.
foh::Move move_to(const foh::Reservation& r, const std::string& to);
// Rows and outbox, to show that a refused command wrote nothing.
struct Snapshot {
  int64_t outbox;
  std::vector<foh::Json> rows;
  bool operator==(const Snapshot&) const = default;
};
Snapshot snapshot(foh::net::Cache& c);

}  // namespace fixture
