// Guest texts on the terminal (issue 14, item 5): a waitlist row's and a
// booking's last text with its delivery state and the guest's reply, why a
// guest cannot be texted, and the manager's quota line; headless frames of
// the waitlist and reservations screens with them.
#include <doctest/doctest.h>
#include <imgui.h>

#include "foh/engine/codec.hpp"
#include "foh/engine/texts.hpp"
#include "screens/reservations.hpp"
#include "screens/waitlist.hpp"
#include "tap.hpp"
#include "widgets/guest_texts.hpp"
#include "widgets/widgets.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

const std::string kColonFr = "\u00a0: ";

CommunicationEvent text(const std::string& id, const std::string& entry, const std::string& type,
                        const std::string& status, const std::string& created_at,
                        const std::string& direction = "outbound") {
  CommunicationEvent e;
  e.id = id, e.restaurant_id = "r1", e.waitlist_entry_id = entry;
  e.type = type, e.channel = "sms", e.direction = direction, e.status = status;
  e.created_at = created_at, e.updated_at = created_at;
  return e;
}

WaitlistEntry& entry(Fixture& fx, const std::string& phone, bool consent) {
  WaitlistEntry& w = fx.day.waitlist.front();
  w.guest_phone = phone;
  w.extra["consent"] = consent;
  return w;
}

}  // namespace

TEST_CASE("guest texts: the latest text, its delivery and the reply, in both languages") {
  Fixture fx;
  fx.day.utc_offset_s = 3600;
  WaitlistEntry& w = entry(fx, "+33 6 12 34 56 78", true);
  fx.rebuild();
  // Joined, then table ready (delivered at 19:42 local), then a reply.
  CommunicationEvent joined =
      text("t1", w.id, "waitlist_joined", "delivered", "2026-11-28T18:05:00Z");
  CommunicationEvent ready = text("t2", w.id, "table_ready", "sent", "2026-11-28T18:40:00Z");
  ready.updated_at = "2026-11-28T18:42:00Z";
  ready.status = "delivered";
  CommunicationEvent reply =
      text("t3", w.id, "reply", "received", "2026-11-28T18:43:00Z", "inbound");
  reply.body = "on arrive";
  // Someone else's text is not this row's.
  CommunicationEvent other =
      text("t4", "elsewhere", "table_ready", "failed", "2026-11-28T18:50:00Z");
  fx.desk.texts = {joined, reply, ready, other};

  CHECK(guest_text_line(Language::Fr, fx.desk, w) == "SMS table prête" + kColonFr +
                                                         "distribué 19:42 · Réponse" + kColonFr +
                                                         "«\u00a0on arrive\u00a0»");
  CHECK(guest_text_line(Language::En, fx.desk, w) ==
        "Text table ready: delivered 19:42 · Reply: “on arrive”");

  // A provider's failure shows its reason; a refusal the backend's, worded.
  fx.desk.texts = {text("t5", w.id, "table_ready", "bounced", "2026-11-28T18:40:00Z")};
  fx.desk.texts[0].bounce_reason = "30003 unreachable";
  CHECK(guest_text_line(Language::En, fx.desk, w) ==
        "Text table ready: failed (30003 unreachable) 19:40");
  fx.desk.texts = {text("t6", w.id, "table_ready", "refused", "2026-11-28T18:40:00Z")};
  fx.desk.texts[0].reason = "quota";
  CHECK(guest_text_line(Language::Fr, fx.desk, w) ==
        "SMS table prête" + kColonFr + "non envoyé (quota épuisé) 19:40");
}

TEST_CASE("guest texts: before the events are pulled, the row's own columns speak") {
  Fixture fx;
  WaitlistEntry& w = entry(fx, "06 12 34 56 78", true);
  w.extra["last_text_type"] = "table_ready";
  w.extra["last_text_status"] = "queued";
  w.extra["guest_reply"] = "5 min";
  fx.rebuild();
  CHECK(guest_text_line(Language::En, fx.desk, w) == "Text table ready: queued · Reply: “5 min”");
}

TEST_CASE("guest texts: a guest without consent or phone is said so, also on Notify") {
  Fixture fx;
  WaitlistEntry& w = entry(fx, "", true);
  fx.rebuild();
  CHECK(why_no_text(w) == NoText::NoPhone);
  w.status = WaitlistStatus::Waiting;  // not notified yet: the queue is not crowded with it
  CHECK(guest_text_line(Language::Fr, fx.desk, w).empty());
  w.status = WaitlistStatus::Notified;
  CHECK(guest_text_line(Language::Fr, fx.desk, w) ==
        "SMS impossible" + kColonFr + "pas de téléphone");
  CHECK(no_text_suffix(Language::En, w) == " — no text: no phone");

  w.guest_phone = "+33 6 12 34 56 78";
  w.extra["consent"] = false;
  CHECK(why_no_text(w) == NoText::NoConsent);
  CHECK(guest_text_line(Language::En, fx.desk, w) == "Cannot text: no consent");
  CHECK(no_text_suffix(Language::Fr, w) == " — pas de SMS" + kColonFr + "pas de consentement");
  w.extra.erase("consent");  // never ticked: no consent either
  CHECK(why_no_text(w) == NoText::NoConsent);

  w.extra["consent"] = true;
  CHECK(why_no_text(w) == NoText::None);
  CHECK(guest_text_line(Language::En, fx.desk, w).empty());
  CHECK(no_text_suffix(Language::En, w).empty());

  // A booking's consent is its sms_consent.
  Reservation r;
  r.id = "b1", r.guest_phone = "+33 6 00 00 00 00";
  CHECK(why_no_text(r) == NoText::NoConsent);
  r.extra["sms_consent"] = true;
  CHECK(why_no_text(r) == NoText::None);
}

TEST_CASE("guest texts: a manager sees the month's quota left, a server does not") {
  Fixture fx;
  auto q = decode_sms_quota(Json::parse(
      R"({"month":"2026-11","included":200,"sms_credits":50,"sms_sent":98,"remaining":152})"));
  REQUIRE(q.ok());
  fx.desk.sms_quota = *q;
  fx.desk.member = &fx.venue.team_members[0];  // Alice, Admin
  CHECK(sms_quota_line(Language::Fr, fx.desk) == "SMS ce mois-ci\u00a0: 152 restants sur 250");
  CHECK(sms_quota_line(Language::En, fx.desk) == "Texts this month: 152 left of 250");
  fx.desk.member = &fx.venue.team_members[1];  // Bob, Server
  CHECK(sms_quota_line(Language::En, fx.desk).empty());
  fx.desk.member = &fx.venue.team_members[0];
  fx.desk.sms_quota.reset();  // never read (offline since start, or no rpc)
  CHECK(sms_quota_line(Language::En, fx.desk).empty());
  CHECK_FALSE(decode_sms_quota(Json::parse(R"({"month":"2026-11","remaining":"x"})")).ok());
}

TEST_CASE("guest texts: the waitlist and reservations screens draw them") {
  Fixture fx;
  fx.day.utc_offset_s = 3600;
  WaitlistEntry& w = entry(fx, "+33 6 12 34 56 78", true);
  fx.rebuild();
  fx.desk.texts = {text("t1", w.id, "table_ready", "failed", "2026-11-28T18:40:00Z")};
  fx.desk.sms_quota = SmsQuota{"2026-11", 200, 0, 200, 0};
  Headless h;
  WaitlistView v;
  auto draw = [&](WaitlistIntents& o) { draw_waitlist(v, fx.desk, o); };
  test::frame<WaitlistIntents>(h, draw);
  WaitlistIntents out;
  h.frame([&] { draw(out); });
  CHECK_FALSE(out.command);  // drawing the line records nothing
  // Seen from a booking as well.
  REQUIRE_FALSE(fx.day.reservations.empty());
  Reservation& b = fx.day.reservations.front();
  b.extra["last_text_type"] = "reminder";
  b.extra["last_text_status"] = "delivered";
  fx.rebuild();
  CHECK(guest_text_line(Language::En, fx.desk, b) == "Text reminder: delivered");
  ReservationsView rv;
  rv.selected = b.id;
  auto draw_r = [&](ReservationsIntents& o) { draw_reservations(rv, fx.desk, o); };
  test::frame<ReservationsIntents>(h, draw_r);
}

TEST_CASE("guest texts: communication_events rows round-trip through the codec") {
  Json row = Json::parse(R"({
    "id": "c1", "restaurant_id": "r1", "reservation_id": null, "customer_id": null,
    "waitlist_entry_id": "w1", "type": "table_ready", "channel": "sms", "direction": "outbound",
    "recipient": "+33612345678", "body": "Votre table est prête", "language": "fr",
    "status": "delivered", "reason": null, "provider_sid": "SM123",
    "sent_at": "2026-11-28T18:40:01+00:00", "delivered_at": "2026-11-28T18:40:05+00:00",
    "bounced_at": null, "bounce_reason": null, "failed_at": null,
    "created_at": "2026-11-28T18:40:00+00:00", "updated_at": "2026-11-28T18:40:05+00:00",
    "sync_xid": 7, "sync_seq": 42})");
  auto e = decode_communication_event(row, "communication_events[0]");
  REQUIRE(e.ok());
  CHECK(e->waitlist_entry_id == std::optional<Uuid>("w1"));
  CHECK(delivery_of(e->status) == Delivery::Delivered);
  CHECK(e->extra["provider_sid"] == "SM123");  // columns the terminal does not know are kept
  auto again = decode_communication_event(encode(*e), "again");
  REQUIRE(again.ok());
  CHECK(*again == *e);
  row.erase("status");
  CHECK_FALSE(decode_communication_event(row, "communication_events[0]").ok());
}

// A portrait tablet's waitlist gives the line a column narrower than its
// usual width: it wraps at the column's edge instead of running past it.
TEST_CASE("guest texts: the line wraps in a column narrower than its width") {
  Fixture fx;
  fx.day.utc_offset_s = 3600;
  WaitlistEntry& w = entry(fx, "+33 6 12 34 56 78", true);
  fx.rebuild();
  fx.desk.texts = {text("t1", w.id, "table_ready", "failed", "2026-11-28T18:40:00Z")};
  REQUIRE_FALSE(guest_text_line(Language::Fr, fx.desk, w).empty());
  Headless h;
  float right = 0, edge = 0, height = 0;
  h.frame([&] {
    ImGui::BeginChild("narrow", ImVec2(em(7), em(20)));
    draw_guest_texts(fx.desk, w);
    right = ImGui::GetItemRectMax().x;
    height = ImGui::GetItemRectSize().y;
    edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::EndChild();
  });
  CHECK(right <= edge + 1);
  CHECK(height > ImGui::GetFontSize() * 1.5f);  // on more than one line
}
