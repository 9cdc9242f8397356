// Each entity's columns as the codec writes them: a full seed row comes back
// unchanged (encode(decode(row)) == row, decode(encode(x)) == x), and a row
// with only its required columns is written with exactly these keys, these
// nulls and these number forms (the backend and the cache compare rows).
#include <doctest/doctest.h>

#include <functional>

#include "foh/engine/codec.hpp"

using namespace foh;

namespace {

struct Case {
  const char* entity;
  std::function<Result<Json>(const Json&)> round_trip;  // encode(decode(row)), checked back
  const char* row;
  const char* written;  // encode(decode(row)).dump(); empty: the row itself (as JSON)
};

template <class Decode>
std::function<Result<Json>(const Json&)> through(Decode decode) {
  return [decode](const Json& j) -> Result<Json> {
    auto x = decode(j, "row");
    if (!x) return x.error();
    Json out = encode(x.value());
    auto back = decode(out, "again");
    if (!back) return back.error();
    if (!(back.value() == x.value())) return Error{"again", "decode(encode(x)) != x"};
    return out;
  };
}

const Case kFullRows[] = {
    {"restaurant", through(decode_restaurant),
     R"({"id":"r1","name":"Le Comptoir","address":"14 rue Montorgueil","phone":"+33 1",
        "email":"a@b.example","is_pro":true,"created_at":"2025-01-01T10:00:00+01:00",
        "updated_at":"2026-11-20T09:30:00+01:00","subscription":{"tier":"pro"},
        "settings":{"default_duration":90,"turn_times":{"2":75,"6":120},"slot_minutes":15,
        "max_covers_per_slot":36,"max_covers_per_service":300,
        "capacity_types":[{"name":"Couple","load_cost":1,"min_party":1,"max_party":2,"id":"ct"}],
        "defaults_calendar":[{"day_of_week":1,"max_daily_load":40,"is_open":false}],
        "calendar_overrides":[{"date":"2026-12-24","override_max_load":null,"is_blocked":true,
        "reason":"Noël"},{"date":"2026-12-31","override_max_load":80,"is_blocked":false,
        "reason":""}],"locale":"fr","timezone":"Europe/Paris","late_after_minutes":20,
        "idle_logout_seconds":120,"theme":"dark"}})",
     ""},
    {"floor_plan", through(decode_floor_plan),
     R"({"id":"f1","restaurant_id":"r1","name":"Salle","sort_order":2,
        "updated_at":"2026-11-20T09:30:00+01:00","background":"plan.png"})",
     ""},
    {"zone", through(decode_zone),
     R"({"id":"z1","restaurant_id":"r1","floor_plan_id":"f1","name":"Salle","color":"#E9D8B4",
        "position_x":20.5,"position_y":20,"width":600,"height":660,"sort_order":1,
        "updated_at":"2026-11-20T09:30:00+01:00"})",
     ""},
    {"table", through(decode_table),
     R"({"id":"t1","restaurant_id":"r1","floor_plan_id":"f1","zone_id":"z1","name":"1",
        "capacity_min":1,"capacity_max":2,"position_x":50,"position_y":50,"width":70,
        "height":70,"rotation":45,"shape":"round","chair_sides":5,
        "capacity_overrides":{"1+2":4,"1+2+3":6},"fill_group":1,
        "updated_at":"2026-11-20T09:30:00+01:00","legacy":null})",
     ""},
    {"service", through(decode_service),
     R"({"id":"s1","restaurant_id":"r1","name":"Midi","start_time":"12:00:00",
        "end_time":"14:30:00","days_of_week":[2,3,4],"is_special":true,
        "specific_date":"2026-12-24","label":"Déjeuner","message":"Formule",
        "updated_at":"2026-11-20T09:30:00+01:00","max_online":40})",
     ""},
    {"reservation", through(decode_reservation),
     R"({"id":"res1","restaurant_id":"r1","customer_id":"c1","service_id":"s1","table_id":"t1",
        "table_number":"3","guest_name":"Ştefan Popescu","guest_phone":"+33 6 89",
        "guest_email":"s@example.com","party_size":2,"date":"2026-11-28","time":"12:00:00",
        "duration":75,"status":"Completed","tags":["Habitué"],"notes":"Avec poussette",
        "source":"Google","created_by":"m1","seated_at":"2026-11-28T12:00:00+01:00",
        "arrived_count":2,"created_at":"2026-11-18T18:05:35+01:00",
        "updated_at":"2026-11-28T13:15:00+01:00","skip_deposit":true})",
     ""},
    {"waitlist_entry", through(decode_waitlist_entry),
     R"({"id":"w1","restaurant_id":"r1","date":"2026-11-28","time":"20:15:00","party_size":2,
        "service_id":"s1","preferred_floor_plan_id":"f1","guest_name":"Gaëlle",
        "guest_email":"g@example.com","guest_phone":"+33 7","notes":"terrasse",
        "status":"notified","notified_at":"2026-11-28T19:40:00+01:00",
        "called_at":"2026-11-28T19:45:00+01:00","notification_token":"d2e0",
        "position_in_queue":1,"created_at":"2026-11-28T19:05:00+01:00",
        "updated_at":"2026-11-28T19:40:00+01:00","consent":true})",
     ""},
    {"team_member", through(decode_team_member),
     R"({"id":"m1","restaurant_id":"r1","user_id":"u1","role":"Manager",
        "display_name":"Camille","email":"c@example.com","pin":"pbkdf2-sha256$600000$ab",
        "pin_salt":"9700","allowed_tabs":["floor","waitlist"],"is_active":false,
        "created_at":"2025-02-03T10:00:00+01:00","updated_at":"2026-11-20T09:30:00+01:00"})",
     ""},
    {"reservation_event", through(decode_reservation_event),
     R"({"id":"e1","reservation_id":"res1","customer_id":"c1","changed_by":"m1",
        "from_status":"Confirmed","to_status":"Arrived","metadata":{"arrived_count":3},
        "created_at":"2026-11-28T19:00:00Z","source_terminal":"host"})",
     ""},
    {"customer", through(decode_customer),
     R"({"id":"c1","restaurant_id":"r1","name":"Jürgen","phone":"+33 6 14","email":"j@x.example",
        "notes":"allergie","tags":["Habitué"],"classification":"Regular","visit_count":9,
        "no_show_count":1,"cancellation_count":2,"last_visit":"2026-11-01T20:15:00+01:00",
        "created_at":"2025-01-01T12:00:00+01:00","updated_at":"2026-11-20T09:30:00+01:00",
        "total_spent":123400})",
     ""},
    {"daily_table_override", through(decode_daily_table_override),
     R"({"id":"o1","restaurant_id":"r1","table_id":"t1","date":"2026-11-28","position_x":3.5,
        "position_y":4,"is_hidden":true,"is_blocked":true,"joined_with":"t2",
        "updated_at":"2026-11-28T10:20:00+01:00"})",
     ""},
    {"daily_extra_table", through(decode_daily_extra_table),
     R"({"id":"x1","restaurant_id":"r1","floor_plan_id":"f1","zone_id":"z1","date":"2026-11-28",
        "name":"40","capacity_min":1,"capacity_max":2,"position_x":800,"position_y":520,
        "width":70,"height":70,"rotation":0,"shape":"rectangular","chair_sides":10,
        "updated_at":"2026-11-28T17:50:00+01:00","note":"banquet"})",
     ""},
    {"daily_floor_note", through(decode_daily_floor_note),
     R"({"id":"n1","restaurant_id":"r1","floor_plan_id":"f1","date":"2026-11-28",
        "note":"Table 24 bloquée","updated_at":"2026-11-28T10:25:00+01:00"})",
     ""},
    {"server_section", through(decode_server_section),
     R"({"id":"ss1","restaurant_id":"r1","date":"2026-11-28","service_id":"s1","table_id":"t1",
        "team_member_id":"m1","updated_at":"2026-11-28T19:00:00Z"})",
     ""},
    {"communication_event", through(decode_communication_event),
     R"({"id":"ce1","restaurant_id":"r1","reservation_id":"res1","customer_id":"c1",
        "waitlist_entry_id":"w1","type":"reminder","channel":"sms","direction":"outbound",
        "recipient":"+33 6","body":"À ce soir","language":"fr","status":"bounced",
        "reason":"late","sent_at":"2026-11-28T19:00:00Z","delivered_at":"2026-11-28T19:00:01Z",
        "bounced_at":"2026-11-28T19:00:02Z","failed_at":"2026-11-28T19:00:03Z",
        "bounce_reason":"unknown number","created_at":"2026-11-28T19:00:00Z",
        "updated_at":"2026-11-28T19:00:03Z"})",
     ""},
};

// Only the required columns: the written row shows which columns are always
// written (with their defaults), which are null and which stay absent (empty
// timestamps and row references, so that the backend's defaults apply).
const Case kSparseRows[] = {
    {"restaurant", through(decode_restaurant), R"({"id":"r","name":"A"})",
     R"({"address":"","email":"","id":"r","is_pro":false,"name":"A",)"
     R"("phone":"","settings":{"calendar_overrides":[],"capacity_types":[],)"
     R"("default_duration":90,"defaults_calendar":[],)"
     R"("idle_logout_seconds":300,"late_after_minutes":15,"locale":"fr",)"
     R"("max_covers_per_service":0,"max_covers_per_slot":0,"slot_minutes":15,)"
     R"("timezone":"Europe/Paris","turn_times":{}}})"},
    {"settings", through(decode_settings),
     R"({"capacity_types":[{"name":"C","load_cost":1}],)"
     R"("defaults_calendar":[{"day_of_week":1}],)"
     R"("calendar_overrides":[{"date":"2026-11-28"}]})",
     R"({"calendar_overrides":[{"date":"2026-11-28","is_blocked":false,)"
     R"("override_max_load":null,"reason":""}],)"
     R"("capacity_types":[{"load_cost":1,"max_party":99,"min_party":1,)"
     R"("name":"C"}],"default_duration":90,)"
     R"("defaults_calendar":[{"day_of_week":1,"is_open":true,)"
     R"("max_daily_load":0}],"idle_logout_seconds":300,)"
     R"("late_after_minutes":15,"locale":"fr","max_covers_per_service":0,)"
     R"("max_covers_per_slot":0,"slot_minutes":15,"timezone":"Europe/Paris",)"
     R"("turn_times":{}})"},
    {"floor_plan", through(decode_floor_plan), R"({"id":"f","name":"A"})",
     R"({"id":"f","name":"A","sort_order":0})"},
    {"zone", through(decode_zone), R"({"id":"z","floor_plan_id":"f","name":"A"})",
     R"({"color":"#888888","floor_plan_id":"f","height":0.0,"id":"z",)"
     R"("name":"A","position_x":0.0,"position_y":0.0,"sort_order":0,)"
     R"("width":0.0})"},
    {"table", through(decode_table),
     R"({"id":"t","floor_plan_id":"f","name":"1","capacity_min":1,)"
     R"("capacity_max":2})",
     R"({"capacity_max":2,"capacity_min":1,"capacity_overrides":{},)"
     R"("chair_sides":15,"fill_group":0,"floor_plan_id":"f","height":null,)"
     R"("id":"t","name":"1","position_x":0.0,"position_y":0.0,"rotation":0.0,)"
     R"("shape":"square","width":null,"zone_id":null})"},
    {"service", through(decode_service), R"({"id":"s","start_time":"12:00","end_time":"14:00"})",
     R"({"days_of_week":[],"end_time":"14:00:00","id":"s","is_special":false,)"
     R"("label":"","message":"","name":"","specific_date":null,)"
     R"("start_time":"12:00:00"})"},
    {"reservation", through(decode_reservation),
     R"({"id":"r","party_size":2,"date":"2026-11-28","time":"12:00",)"
     R"("status":"Confirmed"})",
     R"({"arrived_count":null,"created_by":null,"customer_id":null,)"
     R"("date":"2026-11-28","duration":null,"guest_email":"","guest_name":"",)"
     R"("guest_phone":"","id":"r","notes":"","party_size":2,"seated_at":null,)"
     R"("service_id":null,"source":"","status":"Confirmed","table_id":null,)"
     R"("table_number":"","tags":[],"time":"12:00:00"})"},
    {"waitlist_entry", through(decode_waitlist_entry),
     R"({"id":"w","party_size":2,"date":"2026-11-28","status":"waiting"})",
     R"({"called_at":null,"date":"2026-11-28","guest_email":"",)"
     R"("guest_name":"","guest_phone":"","id":"w","notes":"",)"
     R"("notification_token":"","notified_at":null,"party_size":2,)"
     R"("position_in_queue":null,"preferred_floor_plan_id":null,)"
     R"("service_id":null,"status":"waiting","time":null})"},
    {"team_member", through(decode_team_member), R"({"id":"m","role":"Server","display_name":"A"})",
     R"({"allowed_tabs":[],"display_name":"A","email":"","id":"m",)"
     R"("is_active":true,"pin":"","pin_salt":"","role":"Server",)"
     R"("user_id":null})"},
    {"reservation_event", through(decode_reservation_event),
     R"({"id":"e","reservation_id":"r","to_status":"Seated"})",
     R"({"changed_by":null,"customer_id":null,"from_status":null,"id":"e",)"
     R"("metadata":{},"reservation_id":"r","to_status":"Seated"})"},
    {"customer", through(decode_customer), R"({"id":"c"})",
     R"({"cancellation_count":0,"classification":"","email":"","id":"c",)"
     R"("last_visit":null,"name":"","no_show_count":0,"notes":"","phone":"",)"
     R"("restaurant_id":null,"tags":[],"visit_count":0})"},
    {"daily_table_override", through(decode_daily_table_override),
     R"({"id":"o","table_id":"t","date":"2026-11-28"})",
     R"({"date":"2026-11-28","id":"o","is_blocked":false,"is_hidden":false,)"
     R"("joined_with":null,"position_x":null,"position_y":null,"table_id":"t"})"},
    {"daily_extra_table", through(decode_daily_extra_table),
     R"({"id":"x","floor_plan_id":"f","date":"2026-11-28","name":"1",)"
     R"("capacity_min":1,"capacity_max":2})",
     R"({"capacity_max":2,"capacity_min":1,"chair_sides":15,)"
     R"("date":"2026-11-28","floor_plan_id":"f","height":null,"id":"x",)"
     R"("name":"1","position_x":0.0,"position_y":0.0,"rotation":0.0,)"
     R"("shape":"square","width":null,"zone_id":null})"},
    {"daily_floor_note", through(decode_daily_floor_note), R"({"id":"n","date":"2026-11-28"})",
     R"({"date":"2026-11-28","floor_plan_id":null,"id":"n","note":""})"},
    {"server_section", through(decode_server_section),
     R"({"id":"s","date":"2026-11-28","table_id":"t"})",
     R"({"date":"2026-11-28","id":"s","service_id":null,"table_id":"t",)"
     R"("team_member_id":null})"},
    {"communication_event", through(decode_communication_event),
     R"({"id":"c","restaurant_id":"r","type":"reminder","status":"queued"})",
     R"({"body":"","bounce_reason":"","bounced_at":null,"channel":"",)"
     R"("customer_id":null,"delivered_at":null,"direction":"",)"
     R"("failed_at":null,"id":"c","language":"","reason":"","recipient":"",)"
     R"("reservation_id":null,"restaurant_id":"r","sent_at":null,)"
     R"("status":"queued","type":"reminder","waitlist_entry_id":null})"},
};

}  // namespace

TEST_CASE("codec columns: a full row of every entity is written back as it was read") {
  for (const Case& c : kFullRows) {
    CAPTURE(c.entity);
    Json row = Json::parse(c.row);
    auto out = c.round_trip(row);
    REQUIRE_MESSAGE(out.ok(), (out.ok() ? "" : out.error().text()));
    CHECK(out.value() == row);  // numbers compare by value: 50 == 50.0
  }
}

TEST_CASE("codec columns: a row of required columns is written with the same keys and forms") {
  for (const Case& c : kSparseRows) {
    CAPTURE(c.entity);
    auto out = c.round_trip(Json::parse(c.row));
    REQUIRE_MESSAGE(out.ok(), (out.ok() ? "" : out.error().text()));
    CHECK(out.value().dump() == c.written);
  }
}

TEST_CASE("codec columns: errors keep the column order (the first bad column is named)") {
  Json t = Json::parse(kFullRows[3].row);
  t["capacity_min"] = 5;  // > capacity_max, checked before position_x is read
  t["position_x"] = "left";
  CHECK(decode_table(t, "T").error().text() ==
        "T.capacity_min: capacity_min (5) > capacity_max (2)");
  Json e = Json::parse(kFullRows[8].row);
  e["from_status"] = "Done";  // the statuses are checked after both are read
  e["to_status"] = 3;
  CHECK(decode_reservation_event(e, "E").error().text() ==
        "E.to_status: must be a string, got integer");
  e["to_status"] = "Seated";
  e["metadata"] = 1;
  CHECK(decode_reservation_event(e, "E").error().text() ==
        "E.from_status: unknown status \"Done\"");
  Json r = Json::parse(R"({"id":"r","settings":{"slot_minutes":0},"name":7})");
  CHECK(decode_restaurant(r, "R").error().text() == "R.name: must be a string, got integer");
  r["name"] = "A";
  CHECK(decode_restaurant(r, "R").error().text() ==
        "R.settings.slot_minutes: must be 1..1440, got 0");
}
