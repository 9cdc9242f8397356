// foh-sender against a fake provider (tools/backend/bench/sms_harness.hpp): a
// text goes once through slow answers, 429s and 5xx; a 4xx is recorded; two
// senders share the queue; a kill -9 repeats only calls never answered; and
// the whole way from a kiosk join to a reply "9".
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "client.hpp"
#include "messaging_util.hpp"
#include "sms_harness.hpp"

using namespace fohtest;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kWait = std::chrono::seconds(30);
constexpr const char* kPublicUrl = "https://foh.example";

std::string sender_bin() {
  if (const char* b = std::getenv("FOH_SENDER_BIN")) return b;
  if (const char* b = std::getenv("FOH_BACKEND_BIN"))
    return (std::filesystem::path(b).parent_path() / "foh-sender").string();
  return "build/bin/foh-sender";
}

// Staff-added entries with consent, phones +3367<tag><nn>: their ids.
std::vector<std::string> waiting_guests(const std::string& r, const std::string& tag, int n) {
  json rows = json::array();
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    ids.push_back(uuid());
    char phone[32];
    std::snprintf(phone, sizeof phone, "+3367%s%04d", tag.c_str(), i);
    rows.push_back({{"id", ids.back()},
                    {"restaurant_id", r},
                    {"date", "2026-12-11"},
                    {"party_size", 2},
                    {"guest_name", "G" + tag + std::to_string(i)},
                    {"guest_phone", phone},
                    {"consent", true}});
  }
  REQUIRE(post("/rest/v1/waitlist_entries", rows, staff(r)).status == 201);
  return ids;
}

// Bodies the provider took for this batch (names "G<tag>n"), with their counts.
std::map<std::string, int> taken(fohsms::FakeProvider& p, const std::string& tag) {
  std::map<std::string, int> out;
  for (const auto& [body, n] : p.accepted_per_body())
    if (body.find(" G" + tag) != std::string::npos) out[body] = n;
  return out;
}

bool wait_for(const std::function<bool()>& done) {
  auto until = Clock::now() + kWait;
  while (!done() && Clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return done();
}

int sent_rows(const std::string& r) {
  return std::stoi(
      sql_value("select count(*) from foh_private.outgoing_texts where "
                "restaurant_id = $1 and status = 'sent'",
                {r}));
}

}  // namespace

TEST_CASE("sender: each text goes once through slow answers, 429 and 5xx") {
  fohsms::FakeProvider provider;
  provider.delay_ms = 100;
  provider.answer_429 = 3;
  provider.answer_503 = 3;
  std::string r = sms_restaurant("Send retries", json::object());
  auto ids = waiting_guests(r, "11", 20);
  fohsms::SenderProcess s(
      fohsms::start_sender(sender_bin(), backend().db, provider.base_url(), kPublicUrl, 4));
  CHECK(wait_for([&] { return sent_rows(r) == 20; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // a late duplicate would show
  s.stop();
  auto bodies = taken(provider, "11");
  CHECK(bodies.size() == 20);
  for (const auto& [body, n] : bodies) CHECK_MESSAGE(n == 1, body);
  size_t refused = 0;  // whichever texts met them (older queued ones go first)
  for (const auto& q : provider.received()) refused += q.answer == 429 || q.answer == 503;
  CHECK(refused == 6);
  for (const auto& [body, n] : provider.accepted_per_body()) CHECK_MESSAGE(n == 1, body);
  auto any = provider.received().front();
  CHECK(any.status_callback == std::string(kPublicUrl) + "/sms/status");
  CHECK(any.from == "+33100000000");
  CHECK(sql_value("select sms_sent from public.sms_usage where restaurant_id = $1", {r}) == "20");
  CHECK(sql_value("select count(*) from public.communication_events where restaurant_id = $1 "
                  "and status = 'sent' and provider_sid like 'SM%'",
                  {r}) == "20");
  CHECK(entry_row(ids[0])["last_text_status"] == "sent");
}

TEST_CASE("sender: a permanent refusal is recorded with its reason, once") {
  fohsms::FakeProvider provider;
  provider.refuse_to_suffix = 99;
  std::string r = sms_restaurant("Send refused", json::object());
  std::string id = kiosk_join(r, "Nina", "+33 6 12 12 12 99", true);
  fohsms::SenderProcess s(
      fohsms::start_sender(sender_bin(), backend().db, provider.base_url(), kPublicUrl, 2));
  CHECK(wait_for([&] { return entry_row(id)["last_text_status"] == "failed"; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  s.stop();
  size_t tries = 0;
  for (const auto& q : provider.received()) tries += q.to == "+33612121299";
  CHECK(tries == 1);
  CHECK(entry_row(id)["last_text_reason"].get<std::string>().find("21211") == 0);
  CHECK(
      sql_value("select coalesce(sum(sms_sent), 0) from public.sms_usage where restaurant_id = $1",
                {r}) == "0");
}

TEST_CASE("sender: two senders share the queue and send nothing twice") {
  fohsms::FakeProvider provider;
  provider.delay_ms = 50;
  std::string r = sms_restaurant("Send two", json::object());
  waiting_guests(r, "22", 80);
  std::string dir = backend().dir;
  fohsms::SenderProcess a(fohsms::start_sender(sender_bin(), backend().db, provider.base_url(),
                                               kPublicUrl, 4, 200, dir + "/sender-a.log"));
  fohsms::SenderProcess b(fohsms::start_sender(sender_bin(), backend().db, provider.base_url(),
                                               kPublicUrl, 4, 200, dir + "/sender-b.log"));
  CHECK(wait_for([&] { return sent_rows(r) == 80; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  a.stop();
  b.stop();
  auto bodies = taken(provider, "22");
  CHECK(bodies.size() == 80);
  for (const auto& [body, n] : bodies) CHECK_MESSAGE(n == 1, body);
  auto sends_in = [](const std::string& log) {
    std::ifstream in(log);
    int n = 0;
    for (std::string line; std::getline(in, line);) n += line.rfind("foh-sender: sent ", 0) == 0;
    return n;
  };
  CHECK(sends_in(dir + "/sender-a.log") > 0);  // both took a share
  CHECK(sends_in(dir + "/sender-b.log") > 0);
}

TEST_CASE("sender: a kill -9 mid-send loses nothing and repeats only calls never answered") {
  fohsms::FakeProvider provider;
  provider.delay_ms = 1500;
  std::string r = sms_restaurant("Send crash", json::object());
  waiting_guests(r, "33", 30);
  fohsms::SenderProcess s(
      fohsms::start_sender(sender_bin(), backend().db, provider.base_url(), kPublicUrl, 6));
  // Let some calls be answered and committed, and 6 more be in flight.
  CHECK(wait_for([&] { return sent_rows(r) >= 6 && provider.received().size() >= 6; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto killed_at = Clock::now();
  s.stop(SIGKILL);
  provider.delay_ms = 10;
  fohsms::SenderProcess again(
      fohsms::start_sender(sender_bin(), backend().db, provider.base_url(), kPublicUrl, 6));
  CHECK(wait_for([&] { return sent_rows(r) == 30; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  again.stop();
  auto bodies = taken(provider, "33");
  CHECK(bodies.size() == 30);  // nothing lost
  std::set<std::string> answered_before_kill;
  for (const auto& q : provider.received())
    if (q.answer == 201 && q.answered_at + std::chrono::milliseconds(200) < killed_at)
      answered_before_kill.insert(q.body);
  CHECK(!answered_before_kill.empty());
  size_t repeated = 0;
  for (const auto& [body, n] : bodies) {
    if (answered_before_kill.count(body)) CHECK_MESSAGE(n == 1, body);  // committed: never again
    repeated += n > 1;
  }
  CHECK(repeated <= 6);  // at most the calls in flight at the kill
  CHECK(sql_value("select sms_sent from public.sms_usage where restaurant_id = $1", {r}) == "30");
}

TEST_CASE("messaging end to end: a kiosk join is texted, Notify texts 'table ready', '9' leaves") {
  fohsms::FakeProvider provider;
  std::string r = sms_restaurant("Send e2e", json::object());
  fohsms::SenderProcess s(
      fohsms::start_sender(sender_bin(), backend().db, provider.base_url(), kPublicUrl, 2));
  std::string id = kiosk_join(r, "Oscar", "06 77 00 00 01", true);
  std::string link =
      std::string(kPublicUrl) + "/w/" + entry_row(id)["notification_token"].get<std::string>();
  auto texted = [&](const std::string& words) {
    for (const auto& q : provider.received())
      if (q.to == "+33677000001" && q.body.find(words) != std::string::npos) return true;
    return false;
  };
  CHECK(wait_for([&] { return texted(link); }));
  CHECK(patch("/rest/v1/waitlist_entries?id=eq." + id, {{"status", "notified"}}, staff(r)).status ==
        204);
  CHECK(wait_for([&] { return texted("votre table est prête"); }));
  CHECK(wait_for([&] { return entry_row(id)["last_text_status"] == "sent"; }));
  s.stop();
  std::string sid = sql_value(
      "select provider_sid from public.communication_events where "
      "waitlist_entry_id = $1 and type = 'table_ready'",
      {id});
  CHECK(post_webhook("/sms/status", {{"MessageSid", sid}, {"MessageStatus", "delivered"}}).status ==
        200);
  CHECK(entry_row(id)["last_text_status"] == "delivered");
  CHECK(post_webhook("/sms/inbound",
                     {{"MessageSid", new_message_sid()}, {"From", "+33677000001"}, {"Body", "9"}})
            .status == 200);
  // What every terminal pulls: the entry left the queue.
  Resp pulled = get("/rest/v1/waitlist_entries?select=status&id=eq." + id, staff(r));
  CHECK(pulled.body[0]["status"] == "cancelled");
}
