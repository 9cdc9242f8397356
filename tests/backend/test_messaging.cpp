// Guest texts, the database's rules (migrations 019-022, SYNC.md "Guest
// texts"): what is queued, refused or held; the columns only the database
// writes; get_sms_quota and who reads the records.
#include <doctest/doctest.h>

#include "client.hpp"
#include "messaging_util.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

std::vector<SqlRow> queued(const std::string& subject) {
  return sql(
      "select kind, to_phone, body, not_before > now() + interval '30 minutes' "
      "from foh_private.outgoing_texts where subject_id = $1 order by created_at",
      {subject});
}

json events(const std::string& r, const std::string& filter = "") {
  Resp got =
      get("/rest/v1/communication_events?restaurant_id=eq." + r + filter + "&order=created_at",
          staff(r));
  REQUIRE(got.status == 200);
  return got.body;
}

int notify(const std::string& r, const std::string& id, const std::string& status = "notified") {
  int st = patch("/rest/v1/waitlist_entries?id=eq." + id, {{"status", status}}, staff(r)).status;
  return st == 204 ? 200 : st;  // no return=representation: 204 as PostgREST
}

}  // namespace

TEST_CASE("messaging: a kiosk join with the SMS box queues one text with the database's link") {
  std::string r = sms_restaurant("Msg join", json::object());
  std::string id = kiosk_join(r, "Ana", "06 12 34 56 78", true);
  json row = entry_row(id);
  std::string token = row["notification_token"];
  CHECK(token.size() == 64);  // made by the database, not the kiosk's
  CHECK(row["client_token"] != token);
  CHECK(row["last_text_type"] == "waitlist_joined");
  CHECK(row["last_text_status"] == "queued");
  auto q = queued(id);
  REQUIRE(q.size() == 1);
  CHECK(*q[0][0] == "waitlist_joined");
  CHECK(*q[0][1] == "+33612345678");
  CHECK(q[0][2]->find("{public_url}/w/" + token) != std::string::npos);
  CHECK(q[0][2]->find("n°1") != std::string::npos);
  // Without the box: nothing queued, nothing to report.
  std::string silent = kiosk_join(r, "Bob", "06 11 11 11 11", false);
  CHECK(queued(silent).empty());
  CHECK(events(r, "&waitlist_entry_id=eq." + silent).empty());
  // The kiosk still finds its place with the token it made.
  Resp pos = post("/rest/v1/rpc/waitlist_position", {{"p_token", row["client_token"]}}, anon());
  CHECK(pos.body["position"] == 1);
}

TEST_CASE("messaging: Notify texts 'table ready' once, however many presses and terminals") {
  std::string r = sms_restaurant("Msg notify", json::object());
  std::string id = kiosk_join(r, "Chloé", "+33 6 22 22 22 22", true);
  CHECK(notify(r, id) == 200);
  CHECK(notify(r, id) == 200);             // a second terminal, same press
  CHECK(notify(r, id, "waiting") == 200);  // undone
  CHECK(notify(r, id) == 200);             // and pressed again
  auto q = queued(id);
  REQUIRE(q.size() == 2);
  CHECK(*q[1][0] == "table_ready");
  CHECK(events(r, "&type=eq.table_ready").size() == 1);
  CHECK(entry_row(id)["last_text_type"] == "table_ready");
}

TEST_CASE("messaging: a Notify that cannot text says why (consent, phone, quota)") {
  std::string r = sms_restaurant("Msg refusals", json::object());
  std::string no_box = kiosk_join(r, "Dan", "0633333333", false);
  CHECK(notify(r, no_box) == 200);  // the status changes; the text is refused
  json row = entry_row(no_box);
  CHECK(row["status"] == "notified");
  CHECK(row["last_text_status"] == "refused");
  CHECK(row["last_text_reason"] == "no_consent");
  json phoneless = {{"id", uuid()},    {"restaurant_id", r},  {"date", "2026-12-11"},
                    {"party_size", 2}, {"guest_name", "Eve"}, {"consent", true}};
  REQUIRE(post("/rest/v1/waitlist_entries", phoneless, staff(r)).status == 201);
  CHECK(notify(r, phoneless["id"]) == 200);
  CHECK(entry_row(phoneless["id"])["last_text_reason"] == "no_phone");

  std::string broke = sms_restaurant("Msg quota", {{"included_per_month", 0}});
  std::string guest = kiosk_join(broke, "Fay", "0644444444", true);
  CHECK(queued(guest).empty());
  CHECK(notify(broke, guest) == 200);
  CHECK(notify(broke, guest, "waiting") == 200);
  CHECK(notify(broke, guest) == 200);  // pressed twice: one refusal on record
  row = entry_row(guest);
  CHECK(row["last_text_status"] == "refused");
  CHECK(row["last_text_reason"] == "quota");
  json refused = events(broke, "&type=eq.table_ready");
  REQUIRE(refused.size() == 1);
  CHECK(refused[0]["status"] == "refused");
  CHECK(refused[0]["reason"] == "quota");
  Resp quota = post("/rest/v1/rpc/get_sms_quota", {{"restaurant_id", broke}}, staff(broke));
  REQUIRE(quota.status == 200);
  CHECK(quota.body["remaining"] == 0);
  CHECK(post("/rest/v1/rpc/get_sms_quota", {{"restaurant_id", broke}}, staff(r)).status == 403);
  CHECK(post("/rest/v1/rpc/get_sms_quota", {{"restaurant_id", broke}}, anon()).status == 401);
  sql("insert into public.sms_usage (restaurant_id, month, sms_credits) values ($1, "
      "to_char(now(), 'YYYY-MM'), 5)",
      {broke});  // credits bought: texts go again
  CHECK(
      post("/rest/v1/rpc/get_sms_quota", {{"restaurant_id", broke}, {"included", 10}}, staff(broke))
          .body["remaining"] == 15);
}

TEST_CASE("messaging: records are read by the restaurant's staff and written by nobody else") {
  std::string r = sms_restaurant("Msg rls", json::object());
  std::string other = sms_restaurant("Msg rls other", json::object());
  kiosk_join(r, "Gus", "0655555555", true);
  CHECK(events(r).size() == 1);
  CHECK(get("/rest/v1/communication_events?restaurant_id=eq." + r, staff(other)).body.empty());
  CHECK(get("/rest/v1/communication_events", anon()).status == 401);
  json forged = {{"restaurant_id", r}, {"type", "table_ready"}, {"status", "delivered"}};
  CHECK(post("/rest/v1/communication_events", forged, staff(r)).status == 403);
  CHECK(patch("/rest/v1/communication_events?restaurant_id=eq." + r, {{"status", "delivered"}},
              staff(r))
            .status == 403);
  CHECK(post("/rest/v1/sms_usage", {{"restaurant_id", r}, {"month", "2026-12"}}, staff(r)).status ==
        403);
}

TEST_CASE("messaging: the database's columns and tokens are not the API's to write") {
  std::string r = sms_restaurant("Msg guard", json::object());
  std::string id = kiosk_join(r, "Hal", "0666666666", true);
  json before = entry_row(id);
  json forged = {{"last_text_status", "delivered"},
                 {"guest_reply", "forged"},
                 {"notification_token", "guessable"}};
  CHECK(patch("/rest/v1/waitlist_entries?id=eq." + id, forged, staff(r)).status == 204);
  json after = entry_row(id);
  CHECK(after["last_text_status"] == "queued");
  CHECK(after["guest_reply"].is_null());
  CHECK(after["notification_token"] == before["notification_token"]);
  // Closing the entry kills its link: the old token finds nothing.
  CHECK(notify(r, id, "cancelled") == 200);
  CHECK(entry_row(id)["notification_token"] != before["notification_token"]);
  CHECK(post("/rest/v1/rpc/waitlist_position", {{"p_token", before["notification_token"]}}, anon())
            .body.is_null());
}

TEST_CASE("messaging: quiet hours hold every text but 'table ready'") {
  json quiet = {{"quiet_hours", {{"start", paris_time(-60)}, {"end", paris_time(60)}}}};
  std::string r = sms_restaurant("Msg quiet", quiet);
  std::string id = kiosk_join(r, "Ivy", "0677777777", true);
  CHECK(notify(r, id) == 200);
  auto q = queued(id);
  REQUIRE(q.size() == 2);
  CHECK(*q[0][0] == "waitlist_joined");
  CHECK(*q[0][3] == "t");  // held until the quiet hours end (~1 h)
  CHECK(*q[1][0] == "table_ready");
  CHECK(*q[1][3] == "f");  // goes now
  CHECK(sql_value("select foh_private.in_quiet_hours(foh_private.sms_settings($1), now())", {r}) ==
        "t");
}

TEST_CASE("messaging: a booking confirmed with consent is texted; reminders come by the clock") {
  std::string r =
      sms_restaurant("Msg booking", {{"reminder_hours", 48}, {"reconfirmation_hours", 48}});
  json b = reservation(r, "1", sql_value("select (current_date + 1)::text"), "20:00");
  b["guest_phone"] = "06 88 88 88 88";
  b["sms_consent"] = true;
  b["guest_language"] = "en";
  REQUIRE(post("/rest/v1/reservations", b, staff(r)).status == 201);
  json without = reservation(r, "2", sql_value("select (current_date + 1)::text"), "20:00");
  without["guest_phone"] = "06 99 99 99 99";
  REQUIRE(post("/rest/v1/reservations", without, staff(r)).status == 201);
  auto q = queued(b["id"]);
  REQUIRE(q.size() == 1);
  CHECK(*q[0][0] == "confirmation");
  CHECK(q[0][2]->find("confirmed") != std::string::npos);  // in English, the guest's choice
  CHECK(queued(without["id"]).empty());
  sql("set role service_role; select foh_sms.enqueue_due(); select foh_sms.enqueue_due(); reset "
      "role");
  q = queued(b["id"]);
  REQUIRE(q.size() == 3);  // confirmation, reconfirmation, reminder: once each
  std::string token =
      sql_value("select reconfirmation_token from public.reservations where id = $1", {b["id"]});
  CHECK(token.size() == 64);
  CHECK(q[1][2]->find(token) != std::string::npos);
  CHECK(sql_value("select reconfirmation_status from public.reservations where id = $1",
                  {b["id"]}) == "pending");
}
