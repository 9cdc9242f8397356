#pragma once
// PIN login. Online: POST /functions/v1/pin-login {restaurant_id,
// team_member_id, pin} with the terminal's own device token as the bearer (the
// backend takes no other, tools/backend/SYNC.md) -> member + short-lived
// token. Offline, or with no backend or no device token: the cached PBKDF2
// hash (engine verify_pin). Wrong PINs count per member, so one member's
// guesses never lock the others out of this terminal: 5 lock that member for
// 30 s, doubling on each further failure up to 5 minutes; a success resets the
// count and 15 quiet minutes forget it. The counters live in the cache
// (survive a restart). `now` is always passed in. The PIN is never stored or
// logged; it leaves the process only inside the pin-login request.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/rest.hpp"

namespace foh::net {

class Cache;
class RestClient;

using TimePoint = std::chrono::system_clock::time_point;

struct LoginConfig {
  int failures_before_lock = 5;
  int lock_seconds = 30;           // first lock; doubles on each further failure
  int idle_timeout_seconds = 300;  // session ends after this much inactivity
  int max_lock_seconds = 300;      // a lock is minutes, never days
  int quiet_seconds = 15 * 60;     // no failure this long: the member's count restarts
  // pin-login gets one short try: a backend that does not answer in time
  // leaves the cached hash to decide, so a hung server costs seconds, not 40.
  long online_connect_timeout_ms = 1500;
  long online_timeout_ms = 3000;
};

// A login in three steps, so that its slow part (pin-login over the network,
// PBKDF2) runs off the UI thread: begin() and finish() read and write the
// cache on the caller's thread; check() touches no cache and may run on any.
struct LoginTry {
  Uuid member_id;
  std::string pin;                   // never logged; dropped with the try
  std::optional<TeamMember> cached;  // the cached row (its hash), for the offline check
  std::optional<RestConfig> online;  // pin-login's client config, when it is asked first
  Uuid restaurant_id;
};
struct LoginAnswer {
  std::optional<RestResponse> online;  // pin-login's answer, when asked
  bool offline_checked = false;        // the cached hash was tried (offline, or out of reach)
  bool offline_ok = false;
  bool cancelled = false;  // the caller stopped waiting: finish() counts nothing
};

struct Session {
  TeamMember member;
  std::string token;  // backend token; "" when logged in offline
  bool online = false;
  TimePoint started{}, last_activity{};
  // Tab names as in team_members.allowed_tabs ("floor", "reservations", ...),
  // decided by the engine's permissions (role defaults or allowed_tabs).
  bool may(std::string_view tab) const;
};

class PinLogin {
 public:
  // `online` may be null (standalone or offline terminal); without a bearer
  // (the device token) it is not used either: pin-login refuses the anon key.
  PinLogin(Cache& cache, LoginConfig config, RestClient* online = nullptr, Uuid restaurant_id = {});

  // Refused while the member is locked (message says how long); a wrong PIN
  // counts against that member. Online first when a client with a device token
  // is set; a transport failure falls back to the cached hash; an online "wrong
  // PIN" answer counts as a failure; the backend refusing the terminal itself
  // (FOH_DEVICE_REQUIRED: revoked, unregistered) is an error and counts nothing.
  Result<Session> login(const Uuid& team_member_id, std::string_view pin, TimePoint now);

  // login() in its three steps. begin(): refused while locked or for a
  // malformed PIN (counted); check(): blocking, `cancelled` aborts the request
  // (then it answers cancelled, not a failure); finish(): the verdict, counted.
  Result<LoginTry> begin(const Uuid& team_member_id, std::string_view pin, TimePoint now);
  static LoginAnswer check(const LoginTry& t, const std::function<bool()>& cancelled = {});
  Result<Session> finish(const LoginTry& t, const LoginAnswer& a, TimePoint now);

  // Seconds left of the member's lockout (0 = not locked).
  int locked_seconds(const Uuid& team_member_id, TimePoint now);
  int failures(const Uuid& team_member_id, TimePoint now);  // consecutive wrong PINs (persisted)
  // The same for the member who tried last on this terminal (the login
  // screen's lockout line, before anyone is chosen).
  int locked_seconds(TimePoint now);
  int failures();

  // Idle timeout: touch() on every user input; expired() ends the session.
  void touch(Session& s, TimePoint now) const { s.last_activity = now; }
  bool expired(const Session& s, TimePoint now) const;
  const LoginConfig& config() const { return config_; }

 private:
  Result<Session> finish_offline(const LoginTry& t, const LoginAnswer& a, TimePoint now);
  struct Count {
    int failures = 0;
    int64_t locked_until = 0, last_failure = 0;  // unix seconds
  };
  Count count(const Uuid& team_member_id, TimePoint now);  // quiet period applied
  // A wrong PIN the cache could not count is refused with the cache's error:
  // an uncounted attempt would let guesses past the lock.
  Status record_failure(const Uuid& team_member_id, TimePoint now);
  Status record_success(const Uuid& team_member_id);
  Cache& cache_;
  LoginConfig config_;
  RestClient* online_;
  Uuid restaurant_id_;
};

}  // namespace foh::net
