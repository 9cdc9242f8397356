// PIN login: online through pin-login, offline against the cached PBKDF2
// hash; a lockout whose counter lives in the cache file.
#include "foh/net/login.hpp"

#include <algorithm>
#include <sstream>
#include <string>

#include "foh/engine/codec.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/engine/pin.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/local_settings.hpp"
#include "foh/net/rest.hpp"
#include "foh/net/rows.hpp"

namespace foh::net {

namespace {
// Per member: "login.count.<member id>" = "<failures> <locked_until> <last_failure>"
// (unix seconds); "login.last_member" names who tried last.
constexpr const char* kCountKeyPrefix = "login.count.";
constexpr const char* kLastMemberKey = "login.last_member";
constexpr int kMaxDoublings = 20;  // keeps the shift in range; max_lock_seconds caps far below
// pin-login's answer when the bearer is not a registered terminal's token.
constexpr const char* kDeviceRefused = "FOH_DEVICE_REQUIRED";

int64_t unix_seconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}
}  // namespace

bool Session::may(std::string_view tab) const { return foh::may(member, tab); }

PinLogin::PinLogin(Cache& cache, LoginConfig config, RestClient* online, Uuid restaurant_id)
    : cache_(cache), config_(config), online_(online), restaurant_id_(std::move(restaurant_id)) {}

PinLogin::Count PinLogin::count(const Uuid& id, TimePoint now) {
  Count c;
  if (auto v = LocalSettings(cache_).get(kCountKeyPrefix + id)) {
    std::istringstream in(*v);
    in >> c.failures >> c.locked_until >> c.last_failure;
    if (!in) c = Count{};
  }
  // Quiet long enough (and not locked): the earlier failures are forgotten.
  int64_t t = unix_seconds(now);
  if (c.locked_until <= t && t - c.last_failure >= config_.quiet_seconds) c = Count{};
  return c;
}

int PinLogin::failures(const Uuid& id, TimePoint now) { return count(id, now).failures; }

int PinLogin::locked_seconds(const Uuid& id, TimePoint now) {
  int64_t left = count(id, now).locked_until - unix_seconds(now);
  return left > 0 ? static_cast<int>(left) : 0;
}

int PinLogin::failures() {
  auto id = LocalSettings(cache_).get(kLastMemberKey);
  if (!id) return 0;
  auto v = LocalSettings(cache_).get(kCountKeyPrefix + *id);
  return v ? std::atoi(v->c_str()) : 0;
}

int PinLogin::locked_seconds(TimePoint now) {
  auto id = LocalSettings(cache_).get(kLastMemberKey);
  return id ? locked_seconds(*id, now) : 0;
}

// 5th wrong PIN: 30 s; each further one doubles it (60, 120, ...), up to the cap.
Status PinLogin::record_failure(const Uuid& id, TimePoint now) {
  Count c = count(id, now);
  c.failures += 1;
  c.last_failure = unix_seconds(now);
  if (c.failures >= config_.failures_before_lock) {
    int doublings = std::min(c.failures - config_.failures_before_lock, kMaxDoublings);
    int64_t lock = std::min<int64_t>(static_cast<int64_t>(config_.lock_seconds) << doublings,
                                     config_.max_lock_seconds);
    c.locked_until = c.last_failure + lock;
  }
  if (auto last = LocalSettings(cache_).set(kLastMemberKey, id); !last) return last;
  return LocalSettings(cache_).set(kCountKeyPrefix + id, std::to_string(c.failures) + " " +
                                                             std::to_string(c.locked_until) + " " +
                                                             std::to_string(c.last_failure));
}

Status PinLogin::record_success(const Uuid& id) {
  if (auto last = LocalSettings(cache_).set(kLastMemberKey, id); !last) return last;
  return LocalSettings(cache_).set(kCountKeyPrefix + id, "0 0 0");
}

bool PinLogin::expired(const Session& s, TimePoint now) const {
  return now - s.last_activity >= std::chrono::seconds(config_.idle_timeout_seconds);
}

Result<LoginTry> PinLogin::begin(const Uuid& id, std::string_view pin, TimePoint now) {
  if (int left = locked_seconds(id, now); left > 0)
    return Error{"login",
                 "locked: try again in " + std::to_string(left) + " s",
                 "login_locked",
                 {std::to_string(left)}};
  if (!is_valid_pin_format(pin)) {
    if (auto noted = record_failure(id, now); !noted) return noted.error();
    return Error{"login", "a PIN is 4 to 6 digits", "pin_format"};
  }
  LoginTry t{id, std::string(pin), std::nullopt, std::nullopt, restaurant_id_};
  using Members = Rows<TeamMember>;
  if (auto j = Members(cache_).json(id))
    if (auto m = decode_team_member(*j, "cache: " + Members::where(id))) t.cached = std::move(*m);
  // pin-login takes only a registered terminal's token: without one, the cache decides.
  if (online_ && !online_->config().bearer.empty()) {
    RestConfig rc = online_->config();
    rc.connect_timeout_ms = config_.online_connect_timeout_ms;
    rc.total_timeout_ms = config_.online_timeout_ms;
    rc.max_attempts = 1;  // no retries: the cached hash is the fallback
    t.online = std::move(rc);
  }
  return t;
}

LoginAnswer PinLogin::check(const LoginTry& t, const std::function<bool()>& cancelled) {
  LoginAnswer a;
  if (t.online) {
    RestConfig rc = *t.online;
    rc.should_stop = cancelled;
    RestClient client(rc);
    Json body = {
        {"restaurant_id", t.restaurant_id}, {"team_member_id", t.member_id}, {"pin", t.pin}};
    a.online = client.post("/functions/v1/pin-login", body);
    const RestError& e = a.online->error;
    const bool unreachable =
        e.kind == RestErrorKind::Transport || (e.kind == RestErrorKind::Http && e.status >= 500);
    if (!unreachable) return a;
  }
  if (cancelled && cancelled()) {
    a.cancelled = true;
    return a;
  }
  // Offline, or the backend out of reach: the cached hash (PBKDF2, the slow part).
  a.offline_checked = true;
  a.offline_ok = t.cached && t.cached->is_active && verify_pin(t.pin, *t.cached);
  return a;
}

Result<Session> PinLogin::finish_offline(const LoginTry& t, const LoginAnswer& a, TimePoint now) {
  // Unknown, inactive and wrong PIN read the same to whoever types.
  if (!a.offline_ok) {
    if (auto noted = record_failure(t.member_id, now); !noted) return noted.error();
    return Error{"login", "wrong PIN", "wrong_pin"};
  }
  // A count left uncleared only locks sooner; refusing a right PIN for it
  // would keep the host off the floor.
  (void)record_success(t.member_id);
  Session s{*t.cached, "", false, now, now};
  return s;
}

Result<Session> PinLogin::login(const Uuid& id, std::string_view pin, TimePoint now) {
  auto t = begin(id, pin, now);
  if (!t) return t.error();
  return finish(*t, check(*t), now);
}

Result<Session> PinLogin::finish(const LoginTry& t, const LoginAnswer& a, TimePoint now) {
  const Uuid& id = t.member_id;
  if (a.cancelled)
    return Error{"login", "cancelled", "login_cancelled"};  // nobody's PIN was judged
  if (a.offline_checked || !a.online) return finish_offline(t, a, now);
  const RestResponse& r = *a.online;
  if (r.error.kind == RestErrorKind::Http && r.error.code == kDeviceRefused)
    return Error{
        "login",
        "the backend does not accept this terminal (revoked or not registered): " + r.error.message,
        "terminal_refused"};
  if (r.error.kind == RestErrorKind::Http && (r.error.status == 401 || r.error.status == 429)) {
    if (auto noted = record_failure(id, now); !noted) return noted.error();
    if (r.error.status == 429)
      return Error{"login", "locked by the server: " + r.error.details, "server_locked"};
    return Error{"login", "wrong PIN", "wrong_pin"};
  }
  if (!r.ok()) return Error{"login", r.error.text(), "login_failed"};
  if (!r.body.is_object() || !r.body.contains("member") || !r.body.contains("access_token"))
    return Error{"login", "pin-login answer lacks member or access_token", "login_failed"};
  Json member = r.body["member"];
  // Keep the cached hash (the answer has none) so offline login keeps working.
  if (auto cached = Rows<TeamMember>(cache_).json(id)) {
    member["pin"] = cached->value("pin", "");
    member["pin_salt"] = cached->value("pin_salt", "");
  } else {
    member["pin"] = "";
    member["pin_salt"] = "";
  }
  auto m = decode_team_member(member, "pin-login: member");
  if (!m) return m.error();
  (void)record_success(id);  // as in finish_offline: a right PIN is not refused for the count
  Session s{std::move(m).value(), r.body.value("access_token", ""), true, now, now};
  return s;
}

}  // namespace foh::net
