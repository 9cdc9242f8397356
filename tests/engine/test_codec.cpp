#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"

using namespace foh;
using namespace foh::test;

namespace {

// decode(encode(x)) == x, and encode is stable.
template <class T, class Decode>
void round_trip(const T& x, Decode decode) {
  Json j = encode(x);
  auto back = decode(j, "row");
  REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error().text()));
  CHECK(back.value() == x);
  CHECK(encode(back.value()) == j);
}

Json reservation_row() {
  return Json::parse(R"({
    "id": "11111111-1111-4111-8111-111111111111", "restaurant_id": "rest-1",
    "customer_id": null, "service_id": "soir", "table_id": "t7", "table_number": "7+8",
    "guest_name": "Élodie Martin", "guest_phone": "+33 6 12 34 56 78", "guest_email": null,
    "party_size": 6, "date": "2026-11-27", "time": "20:30:00", "duration": null,
    "status": "No-show", "tags": ["VIP", "Allergie"], "notes": "fenêtre",
    "source": "Téléphone", "created_by": null, "seated_at": "2026-11-27T20:41:00+01:00",
    "arrived_count": 4, "skip_deposit": true, "payment_status": "card_saved",
    "reminders_sent": [{"at": "2026-11-26T10:00:00Z"}],
    "created_at": "2026-11-20T09:00:00.123+00:00", "updated_at": "2026-11-21T09:00:00+00:00"})");
}

std::string decode_error(const Json& j) {
  auto r = decode_reservation(j, "D.json: reservations[12]");
  return r.ok() ? "(accepted)" : r.error().text();
}

}  // namespace

TEST_CASE("codec: a reservation row with the seed's columns, unknown columns kept") {
  auto r = decode_reservation(reservation_row(), "D.json: reservations[0]");
  REQUIRE(r.ok());
  CHECK(r->party_size == 6);
  CHECK(r->status == ReservationStatus::NoShow);
  CHECK(r->time == *TimeOfDay::parse("20:30"));
  CHECK(r->date == kFriday);
  CHECK_FALSE(r->duration.has_value());
  CHECK_FALSE(r->customer_id.has_value());
  CHECK(r->guest_email.empty());
  CHECK(r->tags == std::vector<std::string>{"VIP", "Allergie"});
  CHECK(r->seated_at == "2026-11-27T20:41:00+01:00");  // timestamptz kept as text
  CHECK(r->arrived_count == 4);
  CHECK(r->extra.size() == 3);
  CHECK(r->extra["payment_status"] == "card_saved");
  Json out = encode(r.value());
  CHECK(out["skip_deposit"] == true);
  CHECK(out["reminders_sent"][0]["at"] == "2026-11-26T10:00:00Z");
  CHECK(out["status"] == "No-show");
  CHECK(out["time"] == "20:30:00");
  CHECK(out["created_at"] == "2026-11-20T09:00:00.123+00:00");
  round_trip(r.value(), decode_reservation);
}

TEST_CASE("codec: bad reservation rows name the row and the field") {
  Json j = reservation_row();
  j["party_size"] = 0;
  CHECK(decode_error(j) == "D.json: reservations[12].party_size: must be 1..99, got 0");
  j["party_size"] = 100;
  CHECK(decode_error(j) == "D.json: reservations[12].party_size: must be 1..99, got 100");
  j["party_size"] = "4";
  CHECK(decode_error(j) == "D.json: reservations[12].party_size: must be an integer, got string");
  j["party_size"] = 2.5;
  CHECK(decode_error(j) == "D.json: reservations[12].party_size: must be an integer, got 2.5");
  j["party_size"] = 4.0;  // an integral float is an integer
  CHECK(decode_error(j) == "(accepted)");
  j.erase("party_size");
  CHECK(decode_error(j) == "D.json: reservations[12].party_size: missing (required)");
  j = reservation_row();
  j["party_size"] = nullptr;
  CHECK(decode_error(j) == "D.json: reservations[12].party_size: must not be null");
  j = reservation_row();
  j["status"] = "Done";
  CHECK(decode_error(j) == "D.json: reservations[12].status: unknown status \"Done\"");
  j["status"] = "no-show";  // spellings are exact
  CHECK(decode_error(j) == "D.json: reservations[12].status: unknown status \"no-show\"");
  j.erase("status");
  CHECK(decode_error(j) == "D.json: reservations[12].status: missing (required)");
  j = reservation_row();
  j["time"] = "25:61";
  CHECK(decode_error(j) == "D.json: reservations[12].time: malformed time \"25:61\"");
  j["time"] = "19:30:00.000";  // Postgres may add a fraction
  CHECK(decode_error(j) == "(accepted)");
  j["time"] = "19h30";
  CHECK(decode_error(j) == "D.json: reservations[12].time: malformed time \"19h30\"");
  j = reservation_row();
  j["date"] = "2026-02-30";
  CHECK(decode_error(j) == "D.json: reservations[12].date: malformed date \"2026-02-30\"");
  j = reservation_row();
  j.erase("id");
  CHECK(decode_error(j) == "D.json: reservations[12].id: missing (required)");
  j["id"] = "";
  CHECK(decode_error(j) == "D.json: reservations[12].id: must not be empty");
  j = reservation_row();
  j["duration"] = 0;
  CHECK(decode_error(j) == "D.json: reservations[12].duration: must be 1..1440, got 0");
  j = reservation_row();
  j["tags"] = {"VIP", 3};
  CHECK(decode_error(j) == "D.json: reservations[12].tags[1]: must be a string, got integer");
  j = reservation_row();
  j["table_id"] = 7;
  CHECK(decode_error(j) == "D.json: reservations[12].table_id: must be a string, got integer");
  CHECK(decode_error(Json::array()) == "D.json: reservations[12]: must be an object, got array");
  CHECK(decode_error(Json("x")) == "D.json: reservations[12]: must be an object, got string");
}

TEST_CASE("codec: any JSON value in any column is an error or a row, never a crash") {
  const std::vector<Json> values = {nullptr,
                                    true,
                                    0,
                                    -1,
                                    1e300,
                                    3.5,
                                    "",
                                    "x",
                                    "12:00",
                                    "2026-11-27",
                                    Json::array(),
                                    Json::array({1, "a"}),
                                    Json::object(),
                                    Json{{"7+8", 6}},
                                    4294967296LL,
                                    18446744073709551615ULL};
  Json rows[] = {reservation_row(), encode(venue().tables[6]), encode(venue().services[1]),
                 encode(venue().restaurant)};
  int decoded = 0;
  for (const Json& base : rows) {
    for (auto it = base.begin(); it != base.end(); ++it) {
      for (const Json& v : values) {
        Json j = base;
        j[it.key()] = v;
        decoded += decode_reservation(j, "r").ok() + decode_table(j, "t").ok() +
                   decode_service(j, "s").ok() + decode_restaurant(j, "x").ok() +
                   decode_waitlist_entry(j, "w").ok() + decode_team_member(j, "m").ok() +
                   decode_customer(j, "c").ok() + decode_reservation_event(j, "e").ok() +
                   decode_settings(j, "s").ok() + decode_venue(j, "v").ok() +
                   decode_day(j, "d").ok();
      }
    }
  }
  CHECK(decoded > 0);
  for (const Json& v : values) {
    CHECK_FALSE(decode_venue(v, "R.json").ok());
    CHECK_FALSE(decode_day(v, "D.json").ok());
    CHECK(decode_settings(v, "s").ok() == v.is_object());
  }
}

TEST_CASE("codec: tables, capacities and combinations") {
  Json t = encode(venue().tables[6]);
  CHECK(t["capacity_overrides"] == Json{{"7+8", 6}});
  CHECK(t["shape"] == "square");
  CHECK(t["zone_id"].is_null());
  t["shape"] = "round";
  t["chair_sides"] = 5;
  t["width"] = 80.5;
  t["color_hint"] = "blue";
  auto d = decode_table(t, "R.json: tables[6]");
  REQUIRE(d.ok());
  CHECK(d->shape == TableShape::Round);
  CHECK(d->width == 80.5);
  CHECK(d->extra == Json{{"color_hint", "blue"}});
  round_trip(d.value(), decode_table);
  t["capacity_min"] = 6;
  CHECK(decode_table(t, "R.json: tables[3]").error().text() ==
        "R.json: tables[3].capacity_min: capacity_min (6) > capacity_max (4)");
  t["capacity_min"] = 2;
  t["shape"] = "oval";
  CHECK(decode_table(t, "R.json: tables[3]").error().text() ==
        "R.json: tables[3].shape: unknown shape \"oval\"");
  t["shape"] = "rectangular";
  t["capacity_overrides"] = {{"7+8", "six"}};
  CHECK(decode_table(t, "R.json: tables[3]").error().text() ==
        "R.json: tables[3].capacity_overrides: combination \"7+8\" must have an integer seat "
        "count, got \"six\"");
  t["capacity_overrides"] = {{"7+8", 0}};
  CHECK(decode_table(t, "R.json: tables[3]").error().text() ==
        "R.json: tables[3].capacity_overrides: combination \"7+8\" must seat 1..99, got 0");
  t["capacity_overrides"] = Json::object();
  t["capacity_min"] = 1;  // the edges are valid
  t["capacity_max"] = 99;
  CHECK(decode_table(t, "R.json: tables[3]").ok());
  t["capacity_max"] = 100;
  CHECK(decode_table(t, "R.json: tables[3]").error().text() ==
        "R.json: tables[3].capacity_max: must be 1..99, got 100");
  t["capacity_max"] = 4;
  t["capacity_min"] = 4;  // min == max
  CHECK(decode_table(t, "R.json: tables[3]").ok());
  t["capacity_min"] = 0;
  CHECK(decode_table(t, "R.json: tables[3]").error().text() ==
        "R.json: tables[3].capacity_min: must be 1..99, got 0");
  t["capacity_min"] = 2;
  t["chair_sides"] = 16;
  CHECK(decode_table(t, "R.json: tables[3]").error().text() ==
        "R.json: tables[3].chair_sides: must be 0..15, got 16");
  t["chair_sides"] = 15;
  t.erase("capacity_max");
  CHECK(decode_table(t, "R.json: tables[3]").error().text() ==
        "R.json: tables[3].capacity_max: missing (required)");
}

TEST_CASE("codec: settings with turn times and the load-unit model; unknown keys kept") {
  Json s = Json::parse(R"({
    "default_duration": 100, "turn_times": {"2": 75, "4": 90, "6": 120},
    "slot_minutes": 15, "max_covers_per_slot": 24, "max_covers_per_service": 140,
    "capacity_types": [{"name": "Couple", "load_cost": 1, "min_party": 1, "max_party": 2,
                        "color_code": "#f00"},
                       {"name": "Groupe", "load_cost": 6, "min_party": 7, "max_party": 99}],
    "defaults_calendar": [{"day_of_week": 0, "max_daily_load": 0, "is_open": false},
                          {"day_of_week": 5, "max_daily_load": 80, "is_open": true}],
    "calendar_overrides": [{"date": "2026-12-24", "override_max_load": null,
                            "is_blocked": true, "reason": "Fermeture"},
                           {"date": "2026-12-31", "override_max_load": 120, "is_blocked": false,
                            "reason": "Réveillon"}],
    "locale": "en", "timezone": "Europe/Paris", "late_after_minutes": 20,
    "idle_logout_seconds": 120, "payment_modes": ["card"], "deposit": {"amount": 10}})");
  auto d = decode_settings(s, "R.json: restaurant.settings");
  REQUIRE(d.ok());
  CHECK(d->default_duration == 100);
  CHECK(d->turn_times.at(4) == 90);
  CHECK(d->capacity_types.size() == 2);
  CHECK(d->capacity_types[0].extra == Json{{"color_code", "#f00"}});
  CHECK(d->defaults_calendar[1].max_daily_load == 80);
  CHECK(d->calendar_overrides[0].is_blocked);
  CHECK_FALSE(d->calendar_overrides[0].override_max_load.has_value());
  CHECK(d->calendar_overrides[1].override_max_load == 120);
  CHECK(d->locale == "en");
  CHECK(d->extra.size() == 2);
  CHECK(encode(d.value())["deposit"]["amount"] == 10);
  round_trip(d.value(), decode_settings);

  auto err = [&](const char* key, Json v) {
    Json bad = s;
    bad[key] = std::move(v);
    auto r = decode_settings(bad, "R.json: restaurant.settings");
    return r.ok() ? std::string("(accepted)") : r.error().text();
  };
  CHECK(err("turn_times", {{"two", 75}}) ==
        "R.json: restaurant.settings.turn_times: key \"two\" must be a party size 1..99");
  CHECK(err("turn_times", {{"2", 0}}) ==
        "R.json: restaurant.settings.turn_times.2: must be minutes 1..1440, got 0");
  CHECK(err("default_duration", 0) ==
        "R.json: restaurant.settings.default_duration: must be 1..1440, got 0");
  CHECK(err("capacity_types", Json::parse(R"([{"name": "A", "load_cost": "x"}])")) ==
        "R.json: restaurant.settings.capacity_types[0].load_cost: must be an integer, got string");
  CHECK(err("defaults_calendar", Json::parse(R"([{"day_of_week": 7}])")) ==
        "R.json: restaurant.settings.defaults_calendar[0].day_of_week: must be 0..6, got 7");
  CHECK(err("calendar_overrides", Json::parse(R"([{"date": "24/12/2026"}])")) ==
        "R.json: restaurant.settings.calendar_overrides[0].date: malformed date \"24/12/2026\"");
  CHECK(err("capacity_types", Json::parse(R"([{"name": "A", "load_cost": 1, "min_party": 5,
                                              "max_party": 2}])")) ==
        "R.json: restaurant.settings.capacity_types[0].min_party: min_party (5) > max_party (2)");
  CHECK(err("capacity_types", Json::object()) ==
        "R.json: restaurant.settings.capacity_types: must be an array, got object");
  // Absent settings keys take the documented defaults (settings are all optional).
  auto empty = decode_settings(Json::object(), "s");
  REQUIRE(empty.ok());
  CHECK(empty.value() == Settings{});
}

TEST_CASE("codec: every entity round-trips with its extra columns") {
  Venue v = venue();
  v.restaurant.extra = {{"subscription_status", {{"tier", "pro"}}}, {"pro_source", "stripe"}};
  v.restaurant.created_at = "2026-01-01T00:00:00Z";
  v.restaurant.settings.capacity_types = {CapacityType{"Couple", 1, 1, 2, {{"id", "ct1"}}}};
  round_trip(v.restaurant, decode_restaurant);
  v.floor_plans[0].extra = {{"background", "plan.png"}};
  round_trip(v.floor_plans[0], decode_floor_plan);
  Zone z{"z1", "rest-1", "fp-main", "Fenêtre", "#ff8800", 1.5, 2.5, 300, 200, 2, "", {{"k", 1}}};
  round_trip(z, decode_zone);
  Table t = v.tables[0];
  t.zone_id = "z1";
  t.width = 90;
  t.rotation = 45;
  t.shape = TableShape::Rectangular;
  t.chair_sides = kChairTop | kChairBottom;
  t.fill_group = 2;
  t.extra = {{"legacy", nullptr}};
  round_trip(t, decode_table);
  Service s = v.services[1];
  s.is_special = true;
  s.specific_date = kFriday;
  s.label = "Soirée jazz";
  s.extra = {{"max_online", 40}};
  round_trip(s, decode_service);
  Reservation r =
      reservation("r1", "t7", "7+8", kFriday, "20:00", 5, ReservationStatus::Seated, 110);
  r.customer_id = "c1";
  r.created_by = "m1";
  r.seated_at = "2026-11-27T20:05:00Z";
  r.arrived_count = 5;
  r.tags = {"VIP"};
  r.extra = {{"reconfirmation_status", "confirmed"}};
  round_trip(r, decode_reservation);
  WaitlistEntry w;
  w.id = "w1";
  w.date = kFriday;
  w.time = *TimeOfDay::parse("20:15");
  w.party_size = 3;
  w.status = WaitlistStatus::Notified;
  w.notified_at = "2026-11-27T20:20:00Z";
  w.position_in_queue = 2;
  w.extra = {{"consent", true}};
  round_trip(w, decode_waitlist_entry);
  TeamMember m;
  m.id = "m1";
  m.role = Role::Manager;
  m.display_name = "Camille";
  m.pin = "pbkdf2-sha256$600000$abcd";
  m.pin_salt = "00ff";
  m.allowed_tabs = {"floor", "waitlist"};
  m.is_active = false;
  round_trip(m, decode_team_member);
  ReservationEvent e;
  e.id = "e1";
  e.reservation_id = "r1";
  e.changed_by = "m1";
  e.from_status = "Confirmed";
  e.to_status = "Arrived";
  e.metadata = {{"arrived_count", 3}};
  e.extra = {{"source_terminal", "host"}};
  round_trip(e, decode_reservation_event);
  e.from_status = "";  // creation event
  round_trip(e, decode_reservation_event);
  Customer c;
  c.id = "c1";
  c.name = "Zoë";
  c.tags = {"Habitué"};
  c.visit_count = 12;
  c.no_show_count = 1;
  c.last_visit = "2026-11-01T21:00:00Z";  // the backend's (025), a column of the model
  c.extra = {{"total_spent", 123400}};
  round_trip(c, decode_customer);
  round_trip(
      DailyTableOverride{"o1", "rest-1", "t1", kFriday, 3.0, {}, true, false, "", {{"x", 1}}, "t2"},
      decode_daily_table_override);
  DailyExtraTable x;
  x.id = "x1";
  x.floor_plan_id = "fp-main";
  x.date = kFriday;
  x.name = "20";
  x.shape = TableShape::Round;
  x.extra = {{"note", "banquet"}};
  round_trip(x, decode_daily_extra_table);
  round_trip(
      DailyFloorNote{"n1", "rest-1", "fp-main", kFriday, "Groupe 20h", "", {{"pinned", true}}},
      decode_daily_floor_note);
}

TEST_CASE("codec: enum spellings of the seed") {
  TeamMember m;
  m.id = "m";
  m.display_name = "A";
  for (Role role : {Role::Admin, Role::Manager, Role::Server}) {
    m.role = role;
    CHECK(decode_team_member(encode(m), "m")->role == role);
  }
  CHECK(std::string(to_string(Role::Admin)) == "Admin");
  CHECK(std::string(to_string(WaitlistStatus::Waiting)) == "waiting");
  CHECK(std::string(to_string(TableShape::Round)) == "round");
  CHECK(std::string(to_string(ReservationStatus::NoShow)) == "No-show");
  CHECK_FALSE(parse_role("admin").has_value());
  Json j = encode(m);
  j["role"] = "Chef";
  CHECK(decode_team_member(j, "R.json: team_members[1]").error().text() ==
        "R.json: team_members[1].role: unknown role \"Chef\"");
}

TEST_CASE("codec: the R.json venue and the D.json day, validated as a whole") {
  Venue v = venue();
  Json rj = encode(v);
  auto back = decode_venue(rj, "R.json");
  REQUIRE(back.ok());
  CHECK(back.value() == v);
  Json bad = rj;
  bad["tables"][5]["name"] = "3";
  CHECK(decode_venue(bad, "R.json").error().text() ==
        "R.json: tables[5].name: duplicate table name \"3\" in floor plan \"Salle principale\"");
  bad = rj;
  bad["tables"][2]["capacity_overrides"] = {{"7+99", 6}};
  CHECK(decode_venue(bad, "R.json").error().text() ==
        "R.json: tables[2].capacity_overrides: combination \"7+99\" names unknown table \"99\"");
  bad = rj;
  bad["tables"][3]["capacity_min"] = 6;
  CHECK(decode_venue(bad, "R.json").error().text() ==
        "R.json: tables[3].capacity_min: capacity_min (6) > capacity_max (4)");
  bad = rj;
  bad["tables"][1]["floor_plan_id"] = "fp-nowhere";
  CHECK(decode_venue(bad, "R.json").error().text() ==
        "R.json: tables[1].floor_plan_id: unknown floor plan \"fp-nowhere\"");
  bad = rj;
  bad["tables"][1]["id"] = "t1";
  CHECK(decode_venue(bad, "R.json").error().text() == "R.json: tables[1].id: duplicate id \"t1\"");
  bad = rj;
  bad["services"] = Json::object();
  CHECK(decode_venue(bad, "R.json").error().text() ==
        "R.json: services: must be an array, got object");
  bad = rj;
  bad.erase("restaurant");
  CHECK(decode_venue(bad, "R.json").error().text() == "R.json: restaurant: missing (required)");
  bad = rj;
  bad.erase("services");  // no services: open all day
  CHECK(decode_venue(bad, "R.json")->services.empty());

  DayBook d;
  d.date = kFriday;
  d.reservations = {reservation("a", "t1", "1", kFriday, "12:00"),
                    reservation("b", "t7", "7+8", kFriday, "20:00", 6)};
  Json dj = encode(d);
  dj["requests"] = Json::array();  // foh-plan's key: not a day's column, ignored
  auto day = decode_day(dj, "D.json");
  REQUIRE(day.ok());
  CHECK(day.value() == d);
  dj["reservations"][1]["party_size"] = 0;
  CHECK(decode_day(dj, "D.json").error().text() ==
        "D.json: reservations[1].party_size: must be 1..99, got 0");
  dj["reservations"][1]["party_size"] = 2;
  dj["reservations"][1]["date"] = "2026-11-28";
  CHECK(decode_day(dj, "D.json").error().text() ==
        "D.json: reservations[1].date: 2026-11-28 is not the day's date 2026-11-27");
  dj["reservations"][1]["date"] = "2026-11-27";
  dj["reservations"][1]["id"] = "a";
  CHECK(decode_day(dj, "D.json").error().text() ==
        "D.json: reservations[1].id: duplicate id \"a\"");
  dj.erase("date");
  CHECK(decode_day(dj, "D.json").error().text() == "D.json: date: missing (required)");
  dj["date"] = "tomorrow";
  CHECK(decode_day(dj, "D.json").error().text() == "D.json: date: malformed date \"tomorrow\"");
}
