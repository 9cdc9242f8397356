// Guest texts end to end through real terminals' net layer (issue 14, item 6):
// a backend of its own started by local.sh WITH foh-sender pointed at a fake
// Twilio on 127.0.0.1 (tools/backend/bench/sms_harness.hpp). A kiosk's join is
// texted, a staff terminal's Notify texts "table ready", and the guest's reply
// "9" through the signed inbound webhook reaches another staff terminal's
// running sync as a cancelled entry within 2 s.
#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

#include "backend_fixture.hpp"
#include "fixtures.hpp"
#include "foh/net/outbox.hpp"
#include "sms_harness.hpp"
#include "terminal_fixture.hpp"

using Steady = std::chrono::steady_clock;
using FormParams = std::vector<std::pair<std::string, std::string>>;

namespace {

constexpr const char* kGuestPhone = "06 11 22 33 55";
constexpr const char* kGuestE164 = "+33611223355";  // the demo restaurant's country: +33

// Twilio's webhook signature as its documentation defines it (written again
// here rather than taken from foh-backend, so that the test checks the
// backend against the spec): base64(HMAC-SHA1(auth token, URL + each POST
// parameter's name and value, sorted by name)).
std::string twilio_signature(const std::string& token, const std::string& url, FormParams form) {
  std::stable_sort(form.begin(), form.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string data = url;
  for (const auto& [k, v] : form) data += k + v;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha1(), token.data(), static_cast<int>(token.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &len);
  std::string out(4 * ((len + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), mac, static_cast<int>(len));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string form_encode(const FormParams& form) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const auto& [k, v] : form) {
    if (!out.empty()) out += '&';
    for (const std::string* s : {&k, &v}) {
      for (unsigned char c : *s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          out += static_cast<char>(c);
        } else {
          out += '%';
          out += kHex[c >> 4];
          out += kHex[c & 15];
        }
      }
      if (s == &k) out += '=';
    }
  }
  return out;
}

// The backend with its sender; stops both (local.sh stop) and makes sure the
// sender is gone, whatever REQUIRE failed on the way.
struct SmsBackend {
  fixture::Backend b;
  ~SmsBackend() {
    std::string pid_text = fixture::run_command("cat " + b.dir + "/sender.pid 2>/dev/null");
    pid_t pid = static_cast<pid_t>(std::atol(pid_text.c_str()));
    fixture::stop_local(b);
    if (pid <= 0) return;
    for (int i = 0; i < 100 && kill(pid, 0) == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (kill(pid, 0) == 0) kill(pid, SIGKILL);
  }
};

// Polls `done` every 10 ms until it holds or `limit` passed.
template <class F>
bool wait_for(F done, std::chrono::milliseconds limit) {
  auto until = Steady::now() + limit;
  while (!done() && Steady::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return done();
}

// The entry as a terminal's cache has it (what its waitlist screen reads).
std::optional<WaitlistStatus> cached_status(Cache& cache, Date d, const Uuid& id) {
  auto day = cache.load_day(d);
  if (!day) return std::nullopt;
  for (const WaitlistEntry& w : day->waitlist)
    if (w.id == id) return w.status;
  return std::nullopt;
}

// Requests the fake provider answered 201 for the guest's number.
std::vector<fohsms::Received> texts_to_guest(fohsms::FakeProvider& p) {
  std::vector<fohsms::Received> out;
  for (const auto& r : p.received())
    if (r.answer == 201 && r.to == kGuestE164) out.push_back(r);
  return out;
}

}  // namespace

TEST_CASE(
    "texts end to end: a kiosk join is texted, Notify texts 'table ready', a reply '9' leaves "
    "every terminal within 2 s") {
  if (!std::filesystem::exists(FOH_SOURCE_DIR "/tools/backend/local.sh")) {
    MESSAGE("skipped: tools/backend/local.sh does not exist");
    return;
  }
  REQUIRE_MESSAGE(std::filesystem::exists(fixture::sender_bin()),
                  "foh-sender not found at " << fixture::sender_bin());
  fohsms::FakeProvider provider;
  // local.sh starts foh-sender when FOH_SMS_BASE_URL is set; foh-backend checks
  // the webhooks with the same FOH_TWILIO_AUTH_TOKEN (Twilio's auth token signs
  // both ways). No FOH_PUBLIC_URL: the webhooks' URL is the one they are called on.
  SmsBackend sms{fixture::start_local(
      std::string("env -u FOH_PUBLIC_URL FOH_SMS_BASE_URL=") + provider.base_url() +
      " FOH_TWILIO_ACCOUNT_SID=" + fohsms::kAccountSid +
      " FOH_TWILIO_AUTH_TOKEN=" + fohsms::kProviderToken +
      " FOH_SMS_FROM=+33100000000 FOH_SMS_WORKERS=2 FOH_SMS_POLL_MS=50 FOH_SMS_BACKOFF_MS=200")};
  const fixture::Backend& be = sms.b;
  REQUIRE_MESSAGE(be.up(), be.error);
  REQUIRE_MESSAGE(fixture::run_command("cat " + be.dir + "/sender.pid 2>/dev/null") != "",
                  "local.sh did not start foh-sender");
  fixture::TempDir dir;
  const std::string token = be.staff_token(be.restaurant_id, manager_member().id);

  // 1. The entrance kiosk (anon key, pushes only) joins a guest who ticked the box.
  auto kiosk_cache = std::move(Cache::open(dir.file("kiosk.db"))).value();
  Store kiosk_store(*kiosk_cache);
  MainQueue kiosk_queue;
  SyncConfig kc = be.sync_config(dir.file("kiosk.db"), "");
  kc.kiosk = true;
  Sync kiosk_sync(kc, kiosk_queue);
  WaitlistEntry e;
  e.id = new_uuid();
  e.restaurant_id = be.restaurant_id;
  e.guest_name = "Texto";
  e.guest_phone = kGuestPhone;
  e.party_size = 2;
  e.date = day_ahead(5);
  e.extra["consent"] = true;
  REQUIRE(kiosk_store.kiosk_join(e).ok());
  auto pushed = kiosk_sync.run_once();
  REQUIRE_MESSAGE(pushed.ok(), pushed.error().text());
  REQUIRE(Outbox(*kiosk_cache).count() == 0);
  REQUIRE_MESSAGE(
      wait_for([&] { return !texts_to_guest(provider).empty(); }, std::chrono::seconds(10)),
      "no 'joined' text reached the provider; sender.log: "
          << fixture::run_command("tail -n 20 " + be.dir + "/sender.log"));
  auto joined = texts_to_guest(provider);
  REQUIRE(joined.size() == 1);
  CHECK(joined[0].body.find("liste d'attente") != std::string::npos);
  CHECK(joined[0].body.find(be.url + "/w/") != std::string::npos);  // the tracking link
  CHECK(joined[0].status_callback == be.url + "/sms/status");

  // 2. A staff terminal pulls the join, accepts it and presses Notify.
  Terminal host(dir.file("host.db"), be.sync_config(dir.file("host.db"), token));
  REQUIRE(host.round().ok());
  REQUIRE(cached_status(*host.cache, e.date, e.id) == WaitlistStatus::Waiting);
  REQUIRE(host.store.waitlist_accept(e.id, manager()).ok());
  REQUIRE(host.store.waitlist_notify(e.id, manager()).ok());
  REQUIRE(host.round().ok());
  REQUIRE(Outbox(*host.cache).count() == 0);
  REQUIRE(wait_for([&] { return texts_to_guest(provider).size() >= 2; }, std::chrono::seconds(10)));
  auto texts = texts_to_guest(provider);
  REQUIRE(texts.size() == 2);
  CHECK(texts[1].body.find("votre table est prête") != std::string::npos);

  // Another staff terminal with its sync thread running, as on the floor; it
  // has the notified entry before the guest answers.
  Terminal floor(dir.file("floor.db"), be.sync_config(dir.file("floor.db"), token));
  REQUIRE(floor.sync.start().ok());
  REQUIRE(wait_for(
      [&] { return cached_status(*floor.cache, e.date, e.id) == WaitlistStatus::Notified; },
      std::chrono::seconds(5)));

  // 3. The guest answers "9": Twilio's inbound webhook, signed with the auth token.
  const std::string host_port = be.url.substr(std::string("http://").size());
  FormParams form{{"MessageSid", "SM0123456789abcdef0123456789abcdef"},
                  {"AccountSid", fohsms::kAccountSid},
                  {"From", kGuestE164},
                  {"To", "+33100000000"},
                  {"Body", "9"},
                  {"NumMedia", "0"}};
  httplib::Client webhook("127.0.0.1", std::stoi(host_port.substr(host_port.find(':') + 1)));
  webhook.set_connection_timeout(5);
  webhook.set_read_timeout(5);
  httplib::Headers headers{
      {"X-Twilio-Signature",
       twilio_signature(fohsms::kProviderToken, "http://" + host_port + "/sms/inbound", form)},
      {"Host", host_port}};
  auto answer =
      webhook.Post("/sms/inbound", headers, form_encode(form), "application/x-www-form-urlencoded");
  const auto answered = Steady::now();
  REQUIRE(answer);
  REQUIRE_MESSAGE(answer->status == 200, answer->body);
  bool cancelled = wait_for(
      [&] { return cached_status(*floor.cache, e.date, e.id) == WaitlistStatus::Cancelled; },
      std::chrono::seconds(5));
  const auto delay =
      std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - answered).count();
  floor.sync.stop();
  REQUIRE_MESSAGE(cancelled, "the floor terminal never saw the entry cancelled");
  MESSAGE("reply '9' -> cancelled on the floor terminal's cache in " << delay << " ms");
  CHECK(delay < 2000);

  // Every terminal: the host's next pull has it too; no text went for the reply.
  REQUIRE(host.round().ok());
  CHECK(cached_status(*host.cache, e.date, e.id) == WaitlistStatus::Cancelled);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(texts_to_guest(provider).size() == 2);
}
