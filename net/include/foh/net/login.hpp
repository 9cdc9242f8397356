#pragma once
// PIN login. Online: POST /functions/v1/pin-login {restaurant_id,
// team_member_id, pin} -> member + short-lived token. Offline (or no backend):
// the cached PBKDF2 hash (engine verify_pin). 5 wrong PINs lock the terminal
// for 30 s, doubling on each further failure; the counter lives in the cache
// (survives a restart). `now` is always passed in. The PIN is never stored or
// logged; it leaves the process only inside the pin-login request.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh::net {

class Cache;
class RestClient;

using TimePoint = std::chrono::system_clock::time_point;

struct LoginConfig {
  int failures_before_lock = 5;
  int lock_seconds = 30;          // first lock; doubles on each further failure
  int idle_timeout_seconds = 300; // session ends after this much inactivity
};

struct Session {
  TeamMember member;
  std::string token;      // backend token; "" when logged in offline
  bool online = false;
  TimePoint started{}, last_activity{};
  // Tab names as in team_members.allowed_tabs ("floor", "reservations", ...),
  // decided by the engine's permissions (role defaults or allowed_tabs).
  bool may(std::string_view tab) const;
};

class PinLogin {
 public:
  // `online` may be null (standalone or offline terminal).
  PinLogin(Cache& cache, LoginConfig config, RestClient* online = nullptr,
           Uuid restaurant_id = {});

  // Refused while locked (message says how long); a wrong PIN counts.
  // Online first when a client is set; a transport failure falls back to the
  // cached hash; an online "wrong PIN" answer counts as a failure.
  Result<Session> login(const Uuid& team_member_id, std::string_view pin, TimePoint now);

  // Seconds left of the lockout (0 = not locked).
  int locked_seconds(TimePoint now);
  int failures();  // consecutive wrong PINs (persisted)

  // Idle timeout: touch() on every user input; expired() ends the session.
  void touch(Session& s, TimePoint now) const { s.last_activity = now; }
  bool expired(const Session& s, TimePoint now) const;
  const LoginConfig& config() const { return config_; }

 private:
  Result<Session> verify_offline(const Uuid& team_member_id, std::string_view pin, TimePoint now);
  void record_failure(TimePoint now);
  void record_success();
  Cache& cache_;
  LoginConfig config_;
  RestClient* online_;
  Uuid restaurant_id_;
};

}  // namespace foh::net
