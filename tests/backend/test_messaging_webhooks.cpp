// The provider's webhooks on foh-backend (sms_webhooks.cpp, migration 022):
// X-Twilio-Signature checked (403, nothing changed), malformed callbacks 400,
// delivery callbacks and guest replies applied once per MessageSid.
#include <doctest/doctest.h>

#include "client.hpp"
#include "messaging_util.hpp"
#include "sms_form.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

// Marks the subject's queued text of `kind` sent as the sender would; its sid.
std::string sent(const std::string& subject, const std::string& kind) {
  std::string sid = new_message_sid();
  sql("select foh_sms.record_sent(id, $3, body) from foh_private.outgoing_texts "
      "where subject_id = $1 and kind = $2",
      {subject, kind, sid});
  return sid;
}

json event_of(const std::string& sid) {
  auto rows =
      sql("select status, delivered_at is not null, bounce_reason from "
          "public.communication_events where provider_sid = $1",
          {sid});
  REQUIRE(rows.size() == 1);
  return {{"status", *rows[0][0]},
          {"delivered", *rows[0][1] == "t"},
          {"bounce_reason", rows[0][2] ? json(*rows[0][2]) : json()}};
}

WebhookResp status_cb(const std::string& sid, const std::string& status,
                      const std::string& error = "") {
  std::vector<std::pair<std::string, std::string>> f{{"AccountSid", "AC1"},
                                                     {"MessageSid", sid},
                                                     {"MessageStatus", status},
                                                     {"To", "+33600000000"}};
  if (!error.empty()) f.emplace_back("ErrorCode", error);
  return post_webhook("/sms/status", f);
}

WebhookResp reply(const std::string& from, const std::string& body,
                  const std::string& sid = new_message_sid()) {
  return post_webhook(
      "/sms/inbound",
      {{"MessageSid", sid}, {"From", from}, {"To", "+33100000000"}, {"Body", body}});
}

}  // namespace

TEST_CASE("sms webhooks: a bad or missing signature is 403 and changes nothing") {
  std::string r = sms_restaurant("Hook signature", json::object());
  std::string id = kiosk_join(r, "Jo", "0610101010", true);
  std::string sid = sent(id, "waitlist_joined");
  std::vector<std::pair<std::string, std::string>> f{{"MessageSid", sid},
                                                     {"MessageStatus", "delivered"}};
  CHECK(post_webhook("/sms/status", f, std::string("bm90IGEgc2lnbmF0dXJl")).status == 403);
  CHECK(post_webhook("/sms/status", f, std::string("")).status == 403);
  // Signed for other parameters (a replayed signature on a changed body).
  std::string other = foh::backend::twilio_signature(twilio_token(), "x", f);
  CHECK(post_webhook("/sms/status", f, other).status == 403);
  CHECK(post_webhook("/sms/inbound",
                     {{"MessageSid", new_message_sid()}, {"From", "+33610101010"}, {"Body", "9"}},
                     std::string("forged"))
            .status == 403);
  CHECK(event_of(sid)["status"] == "sent");
  CHECK(entry_row(id)["status"] == "waiting");
}

TEST_CASE("sms webhooks: malformed callbacks are 400") {
  std::string sid = new_message_sid();
  CHECK(post_webhook("/sms/status", {{"MessageSid", sid}}).status == 400);  // no status
  CHECK(post_webhook("/sms/status", {{"MessageSid", "42"}, {"MessageStatus", "sent"}}).status ==
        400);
  CHECK(post_webhook("/sms/status", {{"MessageSid", sid}, {"MessageStatus", "exploded"}}).status ==
        400);
  CHECK(post_webhook("/sms/status",
                     {{"MessageSid", sid}, {"MessageStatus", "failed"}, {"ErrorCode", "x1"}})
            .status == 400);
  CHECK(post_webhook("/sms/status", {}, std::nullopt, "MessageSid=%zz").status == 400);
  CHECK(post_webhook("/sms/inbound", {{"MessageSid", sid}, {"From", "06 12"}, {"Body", "1"}})
            .status == 400);
  CHECK(post_webhook("/sms/inbound", {{"MessageSid", sid}, {"From", "+33612345678"}}).status ==
        400);
}

TEST_CASE("sms webhooks: delivery callbacks are applied once and never go backwards") {
  std::string r = sms_restaurant("Hook status", json::object());
  std::string id = kiosk_join(r, "Kim", "0620202020", true);
  std::string sid = sent(id, "waitlist_joined");
  WebhookResp first = status_cb(sid, "delivered");
  CHECK(first.status == 200);
  CHECK(json::parse(first.body)["result"] == "applied");
  CHECK(json::parse(status_cb(sid, "delivered").body)["result"] == "duplicate");
  CHECK(json::parse(status_cb(sid, "sent").body)["result"] == "ignored");  // crossed on the way
  CHECK(event_of(sid)["status"] == "delivered");
  CHECK(event_of(sid)["delivered"] == true);
  CHECK(entry_row(id)["last_text_status"] == "delivered");
  CHECK(json::parse(status_cb(new_message_sid(), "delivered").body)["result"] == "unknown");

  std::string lost = kiosk_join(r, "Lou", "0630303030", true);
  std::string lost_sid = sent(lost, "waitlist_joined");
  CHECK(status_cb(lost_sid, "undelivered", "30003").status == 200);
  CHECK(event_of(lost_sid)["status"] == "bounced");
  CHECK(event_of(lost_sid)["bounce_reason"] == "30003");
  CHECK(entry_row(lost)["last_text_status"] == "bounced");
}

TEST_CASE("sms webhooks: a waitlist guest's replies: a message, 1, then 9 leaves the list") {
  std::string r = sms_restaurant("Hook replies", json::object());
  std::string id = kiosk_join(r, "Max", "06 40 40 40 40", true);
  sent(id, "waitlist_joined");
  CHECK(reply("+33640404040", "Nous sommes 3 finalement").status == 200);
  CHECK(entry_row(id)["guest_reply"] == "Nous sommes 3 finalement");
  CHECK(reply("+33640404040", " oui ").status == 200);
  CHECK(entry_row(id)["guest_reply"] == "on arrive");
  std::string leave = new_message_sid();
  CHECK(reply("+33640404040", "9", leave).status == 200);
  CHECK(entry_row(id)["status"] == "cancelled");
  // The same reply delivered again changes nothing (the host re-opened it).
  CHECK(patch("/rest/v1/waitlist_entries?id=eq." + id, {{"status", "waiting"}}, staff(r)).status ==
        204);
  CHECK(reply("+33640404040", "9", leave).status == 200);
  CHECK(entry_row(id)["status"] == "waiting");
  CHECK(sql_value("select count(*) from public.communication_events where type = 'reply' and "
                  "waitlist_entry_id = $1",
                  {id}) == "3");
  // A phone we never texted: nothing stored.
  CHECK(reply("+33699999999", "9").status == 200);
}

TEST_CASE("sms webhooks: a booking cancelled by reply goes through the status machine") {
  std::string r = sms_restaurant("Hook booking", {{"reconfirmation_hours", 48}});
  json b = reservation(r, "1", sql_value("select (current_date + 1)::text"), "21:00");
  b["guest_phone"] = "+33 6 50 50 50 50";
  b["sms_consent"] = true;
  REQUIRE(post("/rest/v1/reservations", b, staff(r)).status == 201);
  std::string id = b["id"];
  sent(id, "confirmation");
  sql("set role service_role; select foh_sms.enqueue_due(); reset role");
  sent(id, "reconfirmation");
  CHECK(reply("+33650505050", "YES").status == 200);
  CHECK(sql_value("select reconfirmation_status from public.reservations where id = $1", {id}) ==
        "confirmed");
  CHECK(reply("+33650505050", "ANNULER").status == 200);
  CHECK(sql_value("select status from public.reservations where id = $1", {id}) == "Cancelled");
  auto ev =
      sql("select metadata ->> 'source', changed_by from public.reservation_events "
          "where reservation_id = $1 and to_status = 'Cancelled'",
          {id});
  REQUIRE(ev.size() == 1);
  CHECK(*ev[0][0] == "sms");
  CHECK(!ev[0][1]);  // the service role: no member
}
