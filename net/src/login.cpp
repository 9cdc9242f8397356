// PIN login: online through pin-login, offline against the cached PBKDF2
// hash; a lockout whose counter lives in the cache file.
#include "foh/net/login.hpp"

#include <algorithm>
#include <string>

#include "foh/engine/codec.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/engine/pin.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/rest.hpp"

namespace foh::net {

namespace {
constexpr const char* kFailuresKey = "login.failures";
constexpr const char* kLockedUntilKey = "login.locked_until";  // unix seconds

int64_t unix_seconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

int64_t kv_int(Cache& c, const char* key) {
  auto v = c.kv_get(key);
  return v ? std::strtoll(v->c_str(), nullptr, 10) : 0;
}
}  // namespace

bool Session::may(std::string_view tab) const { return foh::may(member, tab); }

PinLogin::PinLogin(Cache& cache, LoginConfig config, RestClient* online, Uuid restaurant_id)
    : cache_(cache), config_(config), online_(online), restaurant_id_(std::move(restaurant_id)) {}

int PinLogin::failures() { return static_cast<int>(kv_int(cache_, kFailuresKey)); }

int PinLogin::locked_seconds(TimePoint now) {
  int64_t left = kv_int(cache_, kLockedUntilKey) - unix_seconds(now);
  return left > 0 ? static_cast<int>(left) : 0;
}

// 5th wrong PIN: 30 s; each further one doubles it (60, 120, ...).
void PinLogin::record_failure(TimePoint now) {
  int n = failures() + 1;
  cache_.kv_set(kFailuresKey, std::to_string(n));
  if (n >= config_.failures_before_lock) {
    int doublings = std::min(n - config_.failures_before_lock, 20);
    int64_t lock = static_cast<int64_t>(config_.lock_seconds) << doublings;
    cache_.kv_set(kLockedUntilKey, std::to_string(unix_seconds(now) + lock));
  }
}

void PinLogin::record_success() {
  cache_.kv_set(kFailuresKey, "0");
  cache_.kv_set(kLockedUntilKey, "0");
}

bool PinLogin::expired(const Session& s, TimePoint now) const {
  return now - s.last_activity >= std::chrono::seconds(config_.idle_timeout_seconds);
}

Result<Session> PinLogin::verify_offline(const Uuid& id, std::string_view pin, TimePoint now) {
  auto j = cache_.get_row("team_members", id);
  auto m = j ? decode_team_member(*j, "cache: team_members " + id) : Result<TeamMember>(Error{});
  // Unknown, inactive and wrong PIN read the same to whoever types.
  if (!m || !m->is_active || !verify_pin(pin, *m)) {
    record_failure(now);
    return Error{"login", "wrong PIN"};
  }
  record_success();
  Session s{std::move(m).value(), "", false, now, now};
  return s;
}

Result<Session> PinLogin::login(const Uuid& id, std::string_view pin, TimePoint now) {
  if (int left = locked_seconds(now); left > 0)
    return Error{"login", "locked: try again in " + std::to_string(left) + " s"};
  if (!is_valid_pin_format(pin)) {
    record_failure(now);
    return Error{"login", "a PIN is 4 to 6 digits"};
  }
  if (!online_) return verify_offline(id, pin, now);
  Json body = {{"restaurant_id", restaurant_id_}, {"team_member_id", id}, {"pin", std::string(pin)}};
  auto r = online_->post("/functions/v1/pin-login", body);
  if (r.error.kind == RestErrorKind::Transport || (r.error.kind == RestErrorKind::Http && r.error.status >= 500))
    return verify_offline(id, pin, now);  // the backend is out of reach
  if (r.error.kind == RestErrorKind::Http && (r.error.status == 401 || r.error.status == 429)) {
    record_failure(now);
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
  record_success();
  Session s{std::move(m).value(), r.body.value("access_token", ""), true, now, now};
  return s;
}

}  // namespace foh::net
