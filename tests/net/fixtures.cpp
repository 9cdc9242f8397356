#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "foh/engine/codec.hpp"
#include "foh/net/outbox.hpp"

namespace fixture {

foh::Json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return foh::Json::parse(in);
}

const foh::Venue& demo_venue() {
  static const foh::Venue v = [] {
    auto r = foh::decode_venue(read_json(FOH_SOURCE_DIR "/assets/demo/restaurant.json"),
                               "restaurant.json");
    if (!r) throw std::runtime_error(r.error().text());
    return r.value();
  }();
  return v;
}

const foh::DayBook& demo_day() {
  static const foh::DayBook d = [] {
    auto r = foh::decode_day(read_json(FOH_SOURCE_DIR "/assets/demo/day.json"), "day.json");
    if (!r) throw std::runtime_error(r.error().text());
    return r.value();
  }();
  return d;
}

std::unique_ptr<foh::net::Cache> seeded_cache(const std::string& path, bool with_day) {
  auto c = foh::net::Cache::open(path);
  REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().text()));
  auto st = c.value()->seed(demo_venue(), with_day ? &demo_day() : nullptr);
  REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().text()));
  return std::move(c).value();
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "foh-net-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

const foh::Table& table_named(const std::string& name) {
  for (const auto& t : demo_venue().tables)
    if (t.name == name) return t;
  throw std::runtime_error("no demo table " + name);
}

foh::TableChoice pick(const std::string& name) { return {{table_named(name).id}, name, ""}; }

foh::Reservation booking(const std::string& table, const std::string& hhmm, int party,
                         const std::string& guest) {
  foh::Reservation r;
  r.party_size = party;
  r.date = *foh::Date::parse(kQuietDay);
  r.time = *foh::TimeOfDay::parse(hhmm);
  r.duration = 90;
  r.guest_name = guest;
  r.status = foh::ReservationStatus::Confirmed;
  r.source = "Téléphone";
  r.table_id = table_named(table).id;
  r.table_number = table;
  return r;
}

foh::Move move_to(const foh::Reservation& r, const std::string& to) {
  return foh::Move{r.id, {*r.table_id}, {table_named(to).id}, r.table_number, to};
}

Snapshot snapshot(foh::net::Cache& c) {
  return {foh::net::Outbox(c).count(), c.rows("reservations")};
}

}  // namespace fixture
