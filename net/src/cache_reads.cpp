// What the screens read from the cache: the venue, one day, customers, a
// reservation's events; and the standalone first-run seed.
#include <sqlite3.h>

#include <algorithm>
#include <cctype>

#include "foh/engine/codec.hpp"
#include "foh/engine/search.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/entities.hpp"
#include "foh/net/local_settings.hpp"
#include "foh/net/rows.hpp"
#include "set_aside.hpp"
#include "sqlite_stmt.hpp"

namespace foh::net {

namespace {

// foh_guest_matches(name, phone, query): engine guest_matches, false for a
// query with no letter or digit (the LIKE finds those). Registered on the
// connection each time (cheap; replaces itself).
void register_guest_match(sqlite3* db) {
  auto fn = [](sqlite3_context* ctx, int, sqlite3_value** v) {
    auto text = [&](int i) {
      const unsigned char* t = sqlite3_value_text(v[i]);
      return std::string_view(t ? reinterpret_cast<const char*>(t) : "");
    };
    const bool hit = !name_key(text(2)).empty() && guest_matches(text(0), text(1), text(2));
    sqlite3_result_int(ctx, hit ? 1 : 0);
  };
  sqlite3_create_function_v2(db, "foh_guest_matches", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                             nullptr, fn, nullptr, nullptr, nullptr);
}

}  // namespace

bool Cache::has_venue() { return Rows<Restaurant>(*this).count() > 0; }

Result<Venue> Cache::load_venue(SetAsideRows* report) {
  constexpr std::string_view kRestaurants = Rows<Restaurant>::table;
  auto restaurants = rows(kRestaurants, report);
  if (restaurants.empty()) return Error{path_, "no restaurant in the cache"};
  // A terminal serves one restaurant: the configured one, else the only one.
  const Json* chosen = &restaurants.front();
  if (auto want = LocalSettings(*this).get("restaurant_id"))
    for (const auto& r : restaurants)
      if (r.value("id", "") == *want) chosen = &r;
  const std::string id = chosen->value("id", "?");
  const std::string where = "cache: " + std::string(kRestaurants) + " " + id;
  auto rest = Entity<Restaurant>::decode(*chosen, where);
  if (!rest) {  // set aside like any row; the terminal waits for a readable one
    set_aside(*this, kRestaurants, id, chosen->dump(), set_aside_reason(rest.error(), where),
              report);
    return rest.error();
  }
  Venue v;
  v.restaurant = std::move(rest).value();
  v.floor_plans = Rows<FloorPlan>(*this).all(report);
  v.zones = Rows<Zone>(*this).all(report);
  v.tables = Rows<Table>(*this).all(report);
  v.services = Rows<Service>(*this).all(report);
  v.team_members = Rows<TeamMember>(*this).all(report);
  std::sort(v.floor_plans.begin(), v.floor_plans.end(),
            [](const FloorPlan& a, const FloorPlan& b) { return a.sort_order < b.sort_order; });
  return v;
}

Result<DayBook> Cache::load_day(Date date, bool live_only, SetAsideRows* report) {
  DayBook d;
  d.date = date;
  std::vector<Json> reservations;
  if (live_only) {
    Stmt s(*this,
           "SELECT json, id FROM reservations WHERE date = ? AND status IN"
           " ('Pending','Confirmed','Arrived','Seated') ORDER BY rowid");
    s.bind(1, date.str());
    reservations = collect(s, Rows<Reservation>::table, report);
  } else {
    reservations = rows_of_date(Rows<Reservation>::table, date, report);
  }
  Rows<Reservation>(*this).decode(reservations, d.reservations, report);
  d.waitlist = Rows<WaitlistEntry>(*this).of_date(date, report);
  d.table_overrides = Rows<DailyTableOverride>(*this).of_date(date, report);
  d.extra_tables = Rows<DailyExtraTable>(*this).of_date(date, report);
  d.floor_notes = Rows<DailyFloorNote>(*this).of_date(date, report);
  d.server_sections = Rows<ServerSection>(*this).of_date(date, report);
  if (!live_only) {
    // The customers the day's bookings name: their cards and tags on the floor.
    Stmt c(*this,
           "SELECT json, id FROM customers WHERE id IN (SELECT json_extract(json, '$.customer_id')"
           " FROM reservations WHERE date = ?) ORDER BY rowid");
    c.bind(1, date.str());
    Rows<Customer>(*this).decode(collect(c, Rows<Customer>::table, report), d.customers, report);
  }
  std::sort(d.reservations.begin(), d.reservations.end(),
            [](const Reservation& a, const Reservation& b) { return a.time < b.time; });
  return d;
}

std::vector<Customer> Cache::search_customers(std::string_view query, int limit,
                                              SetAsideRows* report) {
  std::string q(query);
  std::transform(q.begin(), q.end(), q.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // LIKE wildcards in the query are matched literally.
  std::string pattern = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += "%";
  // The text as typed (an e-mail), or the guest the way a host types it
  // (engine search.hpp: accents, case and spacing ignored, phone digits
  // however formatted).
  register_guest_match(db());
  Stmt s(*this,
         "SELECT json, id FROM customers WHERE search LIKE ? ESCAPE '\\' OR foh_guest_matches("
         "json_extract(json, '$.name'), json_extract(json, '$.phone'), ?) ORDER BY search LIMIT ?");
  s.bind(1, pattern).bind(2, query).bind(3, limit);
  std::vector<Customer> out;
  Rows<Customer>(*this).decode(collect(s, Rows<Customer>::table, report), out, report);
  return out;
}

std::vector<ReservationEvent> Cache::events_of(const Uuid& reservation_id, SetAsideRows* report) {
  Stmt s(*this,
         "SELECT json, id FROM reservation_events WHERE ref_id = ? ORDER BY updated_at, rowid");
  s.bind(1, reservation_id);
  std::vector<ReservationEvent> out;
  Rows<ReservationEvent>(*this).decode(collect(s, Rows<ReservationEvent>::table, report), out,
                                       report);
  return out;
}

Result<Reservation> Cache::reservation(const Uuid& id) {
  using Reservations = Rows<Reservation>;
  return Reservations(*this).get(
      id, Error{Reservations::where(id), "no such reservation in the cache", "reservation_gone"});
}

Status Cache::seed(const Venue& venue, const DayBook* day) {
  Transaction tx(*this);
  if (!tx.begun()) return tx.begun();
  if (has_venue()) return Error{path_, "the cache already holds a restaurant; not seeding"};
  Status st = Rows<Restaurant>(*this).put(venue.restaurant);
  auto put_all = [&](const auto& rows) {
    using T = typename std::decay_t<decltype(rows)>::value_type;
    for (const auto& r : rows)
      if (st) st = Rows<T>(*this).put(r);
  };
  put_all(venue.floor_plans);
  put_all(venue.zones);
  put_all(venue.tables);
  put_all(venue.services);
  put_all(venue.team_members);
  if (day) {
    put_all(day->reservations);
    put_all(day->waitlist);
    put_all(day->table_overrides);
    put_all(day->extra_tables);
    put_all(day->floor_notes);
    put_all(day->server_sections);
    put_all(day->customers);
  }
  if (st) st = LocalSettings(*this).set("restaurant_id", venue.restaurant.id);
  if (!st) return st;
  return tx.commit();
}

}  // namespace foh::net
