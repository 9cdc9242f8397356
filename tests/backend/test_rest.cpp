// The PostgREST dialect through foh-backend: reads, writes, errors, overlap
// trigger and audit events, against a real PostgreSQL.
#include <doctest/doctest.h>

#include <thread>

#include "client.hpp"

using namespace fohtest;
using nlohmann::json;

TEST_CASE("select, filters, order, limit/offset and Range") {
  std::string r = seed_restaurant("Reads");
  json rows = json::array();
  const char* times[] = {"12:00", "12:30", "13:00", "19:00", "20:30"};
  for (int i = 0; i < 5; ++i) {
    json row = reservation(r, std::to_string(i % 4 + 1), "2026-12-01", times[i], i + 1);
    row["notes"] = i == 2 ? json(nullptr) : json("n" + std::to_string(i));
    rows.push_back(row);
  }
  REQUIRE(post("/rest/v1/reservations", rows, service()).status == 201);
  std::string base = "/rest/v1/reservations?restaurant_id=eq." + r;

  Resp all = get(base + "&select=id,time,party_size&order=time.desc", service());
  REQUIRE(all.status == 200);
  REQUIRE(all.body.size() == 5);
  CHECK(all.body[0]["time"] == "20:30:00");
  CHECK(all.body[0].size() == 3);  // only the selected columns
  CHECK(all.header("Content-Range") == "0-4/*");

  CHECK(get(base + "&party_size=gt.3", service()).body.size() == 2);
  CHECK(get(base + "&party_size=gte.3&party_size=lt.5", service()).body.size() == 2);
  CHECK(get(base + "&party_size=neq.1", service()).body.size() == 4);
  CHECK(get(base + "&party_size=lte.2", service()).body.size() == 2);
  CHECK(get(base + "&time=in.(12:00,19:00)", service()).body.size() == 2);
  CHECK(get(base + "&notes=is.null", service()).body.size() == 1);
  CHECK(get(base + "&notes=not.is.null", service()).body.size() == 4);
  CHECK(get(base + "&notes=like.n*", service()).body.size() == 4);
  // Logic trees: (party 1 or party 5) = 2 rows; not.or excludes them; nested and().
  CHECK(get(base + "&or=(party_size.eq.1,party_size.eq.5)", service()).body.size() == 2);
  CHECK(get(base + "&not.or=(party_size.eq.1,party_size.eq.5)", service()).body.size() == 3);
  CHECK(get(base + "&or=(notes.is.null,and(party_size.gte.4,time.gt.20:00))", service())
            .body.size() == 2);
  Resp bad_tree = get(base + "&or=(party_size.eq.1", service());
  CHECK(bad_tree.status == 400);
  CHECK(bad_tree.code() == "PGRST100");

  Resp page = get(base + "&select=time&order=time.asc&limit=2&offset=1", service());
  REQUIRE(page.body.size() == 2);
  CHECK(page.body[0]["time"] == "12:30:00");
  CHECK(page.header("Content-Range") == "1-2/*");

  // count=exact gives the total in Content-Range (Range headers: test_range.cpp).
  Resp counted =
      get(base + "&select=time&order=time.asc&offset=3", with(service(), "Prefer", "count=exact"));
  REQUIRE(counted.body.size() == 2);
  CHECK(counted.body[0]["time"] == "19:00:00");
  CHECK(counted.header("Content-Range") == "3-4/5");
  Resp partial = get(base + "&select=time&limit=2", with(service(), "Prefer", "count=exact"));
  CHECK(partial.status == 206);
  CHECK(partial.header("Content-Range") == "0-1/5");

  Resp one =
      get(base + "&time=eq.13:00", with(service(), "Accept", "application/vnd.pgrst.object+json"));
  REQUIRE(one.status == 200);
  CHECK(one.body.is_object());
  CHECK(get(base, with(service(), "Accept", "application/vnd.pgrst.object+json")).status == 406);
}

TEST_CASE("insert, upsert, patch and delete round trips") {
  std::string r = seed_restaurant("Writes");
  json row = reservation(r, "1", "2026-12-02", "12:00");
  std::string id = row["id"];
  Call rep = with(service(), "Prefer", "return=representation");

  Resp created = post("/rest/v1/reservations", row, rep);
  REQUIRE(created.status == 201);
  REQUIRE(created.body.is_array());
  CHECK(created.body[0]["id"] == id);
  CHECK(created.body[0]["duration"].is_null());
  CHECK(created.body[0]["sync_seq"].get<long long>() > 0);

  // Without a resolution a second insert of the same id is a unique violation.
  Resp dup = post("/rest/v1/reservations", row, service());
  CHECK(dup.status == 409);
  CHECK(dup.code() == "23505");

  // Upsert: merge-duplicates updates the row, no duplicate.
  row["notes"] = "window seat";
  Resp up = post("/rest/v1/reservations?on_conflict=id", row,
                 with(service(), "Prefer", "return=representation,resolution=merge-duplicates"));
  REQUIRE(up.status == 201);
  CHECK(up.body[0]["notes"] == "window seat");
  CHECK(get("/rest/v1/reservations?id=eq." + id, service()).body.size() == 1);

  Resp patched =
      patch("/rest/v1/reservations?id=eq." + id, {{"party_size", 3}, {"tags", {"VIP"}}}, rep);
  REQUIRE(patched.status == 200);
  CHECK(patched.body[0]["party_size"] == 3);
  CHECK(patched.body[0]["tags"] == json::array({"VIP"}));
  CHECK(patched.body[0]["notes"] == "window seat");
  CHECK(patch("/rest/v1/reservations?id=eq." + id, {{"notes", "x"}}, service()).status == 204);

  Resp gone = del("/rest/v1/reservations?id=eq." + id, rep);
  REQUIRE(gone.status == 200);
  CHECK(gone.body.size() == 1);
  CHECK(get("/rest/v1/reservations?id=eq." + id, service()).body.empty());
  Resp tomb = get("/rest/v1/sync_tombstones?row_id=eq." + id, service());
  REQUIRE(tomb.body.size() == 1);
  CHECK(tomb.body[0]["table_name"] == "reservations");

  // Every entity the terminal writes goes in and comes back.
  std::string plan =
      get("/rest/v1/floor_plans?select=id&restaurant_id=eq." + r, service()).body[0]["id"];
  std::string t1 = table_id(r, "1");
  json samples = {
      {"zones",
       {{"id", uuid()},
        {"restaurant_id", r},
        {"floor_plan_id", plan},
        {"name", "Bar"},
        {"color", "#ff0000"}}},
      {"customers", {{"id", uuid()}, {"restaurant_id", r}, {"name", "Ada"}, {"tags", {"VIP"}}}},
      {"waitlist_entries",
       {{"id", uuid()},
        {"restaurant_id", r},
        {"date", "2026-12-02"},
        {"party_size", 2},
        {"guest_name", "Bob"}}},
      {"daily_table_overrides",
       {{"id", uuid()},
        {"restaurant_id", r},
        {"table_id", t1},
        {"date", "2026-12-02"},
        {"is_blocked", true}}},
      {"daily_extra_tables",
       {{"id", uuid()},
        {"restaurant_id", r},
        {"floor_plan_id", plan},
        {"date", "2026-12-02"},
        {"name", "X1"},
        {"shape", "round"}}},
      {"daily_floor_notes",
       {{"id", uuid()},
        {"restaurant_id", r},
        {"date", "2026-12-02"},
        {"note", "Private party at 21:00"}}},
      {"team_members",
       {{"id", uuid()},
        {"restaurant_id", r},
        {"display_name", "Zoe"},
        {"role", "Server"},
        {"allowed_tabs", {"floor"}}}}};
  for (const auto& [table, sample] : samples.items()) {
    CAPTURE(table);
    Resp in = post("/rest/v1/" + table, sample, rep);
    REQUIRE(in.status == 201);
    Resp back = get("/rest/v1/" + table + "?id=eq." + sample["id"].get<std::string>(), service());
    REQUIRE(back.body.size() == 1);
    for (const auto& [k, v] : sample.items()) CHECK(back.body[0][k] == v);
  }
}

TEST_CASE("overlap trigger: 23P01 for a table, alone or in a combination") {
  std::string r = seed_restaurant("Overlap");
  REQUIRE(
      post("/rest/v1/reservations", reservation(r, "4", "2026-12-03", "20:00"), service()).status ==
      201);

  Resp same = post("/rest/v1/reservations", reservation(r, "4", "2026-12-03", "20:30"), service());
  CHECK(same.status == 409);
  CHECK(same.code() == "23P01");
  // 3+4 holds table 4 too.
  Resp combo =
      post("/rest/v1/reservations", reservation(r, "3+4", "2026-12-03", "19:30", 6), service());
  CHECK(combo.code() == "23P01");
  // Party of 2 turns in 60 min: 21:00 is free, and table 3 alone is free.
  CHECK(
      post("/rest/v1/reservations", reservation(r, "4", "2026-12-03", "21:00"), service()).status ==
      201);
  CHECK(
      post("/rest/v1/reservations", reservation(r, "3", "2026-12-03", "20:00"), service()).status ==
      201);

  // Past midnight: 00:30 of a night service (19:00-02:00) is after 23:45 of the same date.
  REQUIRE(
      post("/rest/v1/reservations", reservation(r, "1", "2026-12-03", "23:45"), service()).status ==
      201);
  CHECK(
      post("/rest/v1/reservations", reservation(r, "1", "2026-12-03", "00:30"), service()).code() ==
      "23P01");
  CHECK(
      post("/rest/v1/reservations", reservation(r, "1", "2026-12-03", "01:00"), service()).status ==
      201);

  // Cancelling frees the table; moving a row onto a held table is refused too.
  json late = reservation(r, "2", "2026-12-03", "20:00");
  REQUIRE(post("/rest/v1/reservations", late, service()).status == 201);
  Resp move = patch("/rest/v1/reservations?id=eq." + late["id"].get<std::string>(),
                    {{"table_id", table_id(r, "4")}, {"table_number", "4"}}, service());
  CHECK(move.code() == "23P01");
  json blocker = get("/rest/v1/reservations?select=id&restaurant_id=eq." + r +
                         "&table_number=eq.4&time=eq.20:00",
                     service())
                     .body[0];
  CHECK(patch("/rest/v1/reservations?id=eq." + blocker["id"].get<std::string>(),
              {{"status", "Cancelled"}}, service())
            .status == 204);
  CHECK(patch("/rest/v1/reservations?id=eq." + late["id"].get<std::string>(),
              {{"table_id", table_id(r, "4")}, {"table_number", "4"}}, service())
            .status == 204);
}

TEST_CASE("overlap in one array upsert, through a combination's name, and replays") {
  std::string r = seed_restaurant("Batch overlap");
  Call upsert = with(service(), "Prefer", "resolution=merge-duplicates");
  // A combination 3+4 first; then table 4 alone is held through the name "4".
  json combo = reservation(r, "3+4", "2026-12-05", "20:00", 6);
  REQUIRE(post("/rest/v1/reservations?on_conflict=id", json::array({combo}), upsert).status == 201);
  json a = reservation(r, "1", "2026-12-05", "20:00");
  json b = reservation(r, "2", "2026-12-05", "20:00");
  json c = reservation(r, "4", "2026-12-05", "21:00");
  Resp refused = post("/rest/v1/reservations?on_conflict=id", json::array({a, b, c}), upsert);
  CHECK(refused.status == 409);
  CHECK(refused.code() == "23P01");
  CHECK(get("/rest/v1/reservations?select=id&restaurant_id=eq." + r, service()).body.size() == 1);

  // Two rows of one array that hold the same table refuse each other.
  json a2 = reservation(r, "1", "2026-12-05", "20:30");
  Resp twins = post("/rest/v1/reservations?on_conflict=id", json::array({a, b, a2}), upsert);
  CHECK(twins.code() == "23P01");

  json batch = json::array({a, b});
  REQUIRE(post("/rest/v1/reservations?on_conflict=id", batch, upsert).status == 201);
  std::string events = "/rest/v1/reservation_events?select=id&reservation_id=in.(" +
                       a["id"].get<std::string>() + "," + b["id"].get<std::string>() + ")";
  CHECK(get(events, service()).body.size() == 2);
  // A replay changes nothing and writes no event; a real move is still checked.
  CHECK(post("/rest/v1/reservations?on_conflict=id", batch, upsert).status == 201);
  CHECK(get(events, service()).body.size() == 2);
  batch[1]["table_id"] = table_id(r, "1");
  batch[1]["table_number"] = "1";
  CHECK(post("/rest/v1/reservations?on_conflict=id", batch, upsert).code() == "23P01");
}

TEST_CASE("two terminals racing for one table: exactly one wins") {
  std::string r = seed_restaurant("Race");
  for (int round = 0; round < 5; ++round) {
    std::string time = std::to_string(12 + round) + ":00";
    json a = reservation(r, "2", "2026-12-04", time), b = reservation(r, "3+2", "2026-12-04", time);
    Resp ra, rb;
    std::thread ta([&] { ra = post("/rest/v1/reservations", a, staff(r)); });
    std::thread tb([&] { rb = post("/rest/v1/reservations", b, staff(r)); });
    ta.join();
    tb.join();
    CAPTURE(round);
    CHECK((ra.status == 201) != (rb.status == 201));
    CHECK((ra.code() == "23P01") != (rb.code() == "23P01"));
  }
}

TEST_CASE("a status change writes one event; a replay writes none") {
  std::string r = seed_restaurant("Events");
  std::string member = uuid();
  REQUIRE(post("/rest/v1/team_members",
               {{"id", member}, {"restaurant_id", r}, {"display_name", "Host"}}, service())
              .status == 201);
  json row = reservation(r, "1", "2026-12-05", "19:00");
  std::string id = row["id"];
  Call host = staff(r, 900, member);
  REQUIRE(post("/rest/v1/reservations", row, host).status == 201);
  std::string events =
      "/rest/v1/reservation_events?reservation_id=eq." + id + "&order=created_at.asc";
  Resp created = get(events, host);
  REQUIRE(created.body.size() == 1);
  CHECK(created.body[0]["from_status"].is_null());
  CHECK(created.body[0]["to_status"] == "Confirmed");

  REQUIRE(patch("/rest/v1/reservations?id=eq." + id, {{"status", "Arrived"}, {"arrived_count", 1}},
                host)
              .status == 204);
  REQUIRE(patch("/rest/v1/reservations?id=eq." + id, {{"status", "Arrived"}, {"arrived_count", 1}},
                host)
              .status == 204);
  Resp two = get(events, host);
  REQUIRE(two.body.size() == 2);
  CHECK(two.body[1]["from_status"] == "Confirmed");
  CHECK(two.body[1]["to_status"] == "Arrived");
  CHECK(two.body[1]["changed_by"] == member);
  CHECK(two.body[1]["metadata"]["arrived_count"] == 1);

  // The replay-safe RPC: applied once, then a no-op; a stale from-status is refused.
  json call = {{"p_id", id},
               {"p_to", "Seated"},
               {"p_from", "Arrived"},
               {"p_metadata", {{"reason", "walk-in"}}}};
  Resp seated = post("/rest/v1/rpc/change_reservation_status", call, host);
  REQUIRE(seated.status == 200);
  CHECK(seated.body["status"] == "Seated");
  CHECK(post("/rest/v1/rpc/change_reservation_status", call, host).status == 200);
  Resp three = get(events, host);
  REQUIRE(three.body.size() == 3);
  CHECK(three.body[2]["metadata"]["reason"] == "walk-in");
  Resp stale = post("/rest/v1/rpc/change_reservation_status",
                    {{"p_id", id}, {"p_to", "Cancelled"}, {"p_from", "Confirmed"}}, host);
  CHECK(stale.status == 400);
  CHECK(stale.code() == "P0001");
  CHECK(get(events, host).body.size() == 3);
  // Staff read the log but never write it.
  Resp forged = post("/rest/v1/reservation_events",
                     {{"reservation_id", id}, {"to_status", "Completed"}}, host);
  CHECK(forged.status == 403);
}

TEST_CASE("malformed requests get PostgREST's codes") {
  Call s = service();
  Resp bad_op = get("/rest/v1/reservations?party_size=zz.1", s);
  CHECK(bad_op.status == 400);
  CHECK(bad_op.code() == "PGRST100");
  Resp no_table = get("/rest/v1/nope", s);
  CHECK(no_table.status == 404);
  CHECK(no_table.code() == "42P01");
  Resp no_col = get("/rest/v1/reservations?nope=eq.1", s);
  CHECK(no_col.status == 400);
  CHECK(no_col.code() == "42703");
  Resp bad_json = request("POST", "/rest/v1/reservations", nullptr, with(s, "X-Empty", "1"));
  CHECK(bad_json.status == 400);
  CHECK(bad_json.code() == "PGRST102");
  Resp bad_col = post("/rest/v1/reservations", {{"nope", 1}}, s);
  CHECK(bad_col.code() == "PGRST204");
  Resp mixed = post("/rest/v1/reservations", json::array({{{"a", 1}}, {{"b", 2}}}), s);
  CHECK(mixed.code() == "PGRST102");
  Resp bad_value = get("/rest/v1/reservations?party_size=eq.lots", s);
  CHECK(bad_value.status == 400);
  CHECK(bad_value.code() == "22P02");
  Resp no_fn = post("/rest/v1/rpc/nope", json::object(), s);
  CHECK(no_fn.status == 404);
  CHECK(no_fn.code() == "PGRST202");
  Resp bad_party = post("/rest/v1/reservations",
                        reservation(seed_restaurant("Checks"), "1", "2026-12-06", "12:00", 100), s);
  CHECK(bad_party.status == 400);
  CHECK(bad_party.code() == "23514");
}

TEST_CASE("select= embeds one level through the foreign key, both ways") {
  std::string r = seed_restaurant("Embed");
  std::string customer = uuid();
  REQUIRE(post("/rest/v1/customers", {{"id", customer}, {"restaurant_id", r}, {"name", "Ada"}},
               service())
              .status == 201);
  json row = reservation(r, "1", "2026-12-06", "19:00");
  row["customer_id"] = customer;
  REQUIRE(post("/rest/v1/reservations", row, service()).status == 201);
  std::string id = row["id"];
  REQUIRE(patch("/rest/v1/reservations?id=eq." + id, {{"status", "Seated"}}, service()).status ==
          204);

  Resp many = get("/rest/v1/reservations?id=eq." + id +
                      "&select=id,reservation_events(to_status),guest:customers(name)",
                  service());
  REQUIRE(many.status == 200);
  REQUIRE(many.body.size() == 1);
  CHECK(many.body[0].size() == 3);
  REQUIRE(many.body[0]["reservation_events"].size() == 2);  // created, then seated
  CHECK(many.body[0]["reservation_events"][0].size() == 1);
  CHECK(many.body[0]["guest"] == json{{"name", "Ada"}});

  Resp one = get("/rest/v1/reservation_events?reservation_id=eq." + id +
                     "&select=*,reservations(guest_name,status)&order=created_at.asc",
                 service());
  REQUIRE(one.body.size() == 2);
  CHECK(one.body[1]["to_status"] == "Seated");
  CHECK(one.body[1]["reservations"]["status"] == "Seated");

  // No customer: the to-one embed is null.
  json bare = reservation(r, "2", "2026-12-06", "19:00");
  REQUIRE(post("/rest/v1/reservations", bare, service()).status == 201);
  Resp none = get(
      "/rest/v1/reservations?id=eq." + bare["id"].get<std::string>() + "&select=id,customers(*)",
      service());
  CHECK(none.body[0]["customers"].is_null());

  Resp unrelated = get("/rest/v1/reservations?select=*,zones(*)", service());
  CHECK(unrelated.status == 400);
  CHECK(unrelated.code() == "PGRST200");
  CHECK(get("/rest/v1/reservations?select=*,reservation_events(nope)", service()).code() ==
        "42703");
  CHECK(patch("/rest/v1/reservations?id=eq." + id + "&select=*,customers(*)", {{"notes", "x"}},
              service())
            .status == 400);
}
