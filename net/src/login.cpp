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
#include "foh/net/rest.hpp"

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
  if (auto v = cache_.kv_get(kCountKeyPrefix + id)) {
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
  auto id = cache_.kv_get(kLastMemberKey);
  if (!id) return 0;
  auto v = cache_.kv_get(kCountKeyPrefix + *id);
  return v ? std::atoi(v->c_str()) : 0;
}

int PinLogin::locked_seconds(TimePoint now) {
  auto id = cache_.kv_get(kLastMemberKey);
  return id ? locked_seconds(*id, now) : 0;
}

// 5th wrong PIN: 30 s; each further one doubles it (60, 120, ...), up to the cap.
void PinLogin::record_failure(const Uuid& id, TimePoint now) {
  Count c = count(id, now);
  c.failures += 1;
  c.last_failure = unix_seconds(now);
  if (c.failures >= config_.failures_before_lock) {
    int doublings = std::min(c.failures - config_.failures_before_lock, kMaxDoublings);
    int64_t lock = std::min<int64_t>(static_cast<int64_t>(config_.lock_seconds) << doublings,
                                     config_.max_lock_seconds);
    c.locked_until = c.last_failure + lock;
  }
  cache_.kv_set(kLastMemberKey, id);
  cache_.kv_set(kCountKeyPrefix + id, std::to_string(c.failures) + " " +
                                          std::to_string(c.locked_until) + " " +
                                          std::to_string(c.last_failure));
}

void PinLogin::record_success(const Uuid& id) {
  cache_.kv_set(kLastMemberKey, id);
  cache_.kv_set(kCountKeyPrefix + id, "0 0 0");
}

bool PinLogin::expired(const Session& s, TimePoint now) const {
  return now - s.last_activity >= std::chrono::seconds(config_.idle_timeout_seconds);
}

Result<Session> PinLogin::verify_offline(const Uuid& id, std::string_view pin, TimePoint now) {
  auto j = cache_.get_row("team_members", id);
  auto m = j ? decode_team_member(*j, "cache: team_members " + id) : Result<TeamMember>(Error{});
  // Unknown, inactive and wrong PIN read the same to whoever types.
  if (!m || !m->is_active || !verify_pin(pin, *m)) {
    record_failure(id, now);
    return Error{"login", "wrong PIN"};
  }
  record_success(id);
  Session s{std::move(m).value(), "", false, now, now};
  return s;
}

Result<Session> PinLogin::login(const Uuid& id, std::string_view pin, TimePoint now) {
  if (int left = locked_seconds(id, now); left > 0)
    return Error{"login", "locked: try again in " + std::to_string(left) + " s"};
  if (!is_valid_pin_format(pin)) {
    record_failure(id, now);
    return Error{"login", "a PIN is 4 to 6 digits"};
  }
  // pin-login takes only a registered terminal's token: without one, the cache decides.
  if (!online_ || online_->config().bearer.empty()) return verify_offline(id, pin, now);
  Json body = {
      {"restaurant_id", restaurant_id_}, {"team_member_id", id}, {"pin", std::string(pin)}};
  auto r = online_->post("/functions/v1/pin-login", body);
  if (r.error.kind == RestErrorKind::Transport ||
      (r.error.kind == RestErrorKind::Http && r.error.status >= 500))
    return verify_offline(id, pin, now);  // the backend is out of reach
  if (r.error.kind == RestErrorKind::Http && r.error.code == kDeviceRefused)
    return Error{"login",
                 "the backend does not accept this terminal (revoked or not registered): " +
                     r.error.message};
  if (r.error.kind == RestErrorKind::Http && (r.error.status == 401 || r.error.status == 429)) {
    record_failure(id, now);
    return Error{"login", r.error.status == 429 ? "locked by the server: " + r.error.details
                                                : std::string("wrong PIN")};
  }
  if (!r.ok()) return Error{"login", r.error.text()};
  if (!r.body.is_object() || !r.body.contains("member") || !r.body.contains("access_token"))
    return Error{"login", "pin-login answer lacks member or access_token"};
  Json member = r.body["member"];
  // Keep the cached hash (the answer has none) so offline login keeps working.
  if (auto cached = cache_.get_row("team_members", id)) {
    member["pin"] = cached->value("pin", "");
    member["pin_salt"] = cached->value("pin_salt", "");
  } else {
    member["pin"] = "";
    member["pin_salt"] = "";
  }
  auto m = decode_team_member(member, "pin-login: member");
  if (!m) return m.error();
  record_success(id);
  Session s{std::move(m).value(), r.body.value("access_token", ""), true, now, now};
  return s;
}

}  // namespace foh::net
