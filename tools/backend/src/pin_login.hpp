#pragma once
// POST /functions/v1/pin-login {restaurant_id, team_member_id, pin}: checks the
// PIN against the member's PBKDF2 hash and answers a short-lived member JWT.
// Only a registered terminal may ask: the bearer must be a device token
// (migration 012: role authenticated, restaurant_id, device_id of an unrevoked
// terminal_devices row of that restaurant, no sub); anything else is 401 and
// counts as no attempt. Failures count per member per terminal with bounded,
// decaying locks (pin_lockout.hpp). PBKDF2 runs with no pool connection held.
// Neither the PIN, a hash nor a token is ever logged.
#include <string>

#include "auth.hpp"
#include "pg_pool.hpp"
#include "pin_lockout.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace foh::backend {

class PinLogin {
 public:
  PinLogin(PgPool& pool, AuthConfig auth, int token_ttl_seconds,
           PinPolicy policy = PinPolicy::from_env())
      : pool_(pool), auth_(std::move(auth)), ttl_(token_ttl_seconds), policy_(policy) {}
  void mount(httplib::Server& server);
  void handle(const httplib::Request& req, httplib::Response& res);

  // What one short transaction learns before the PIN is hashed.
  struct Prepared {
    nlohmann::json member;  // the active member's row; null when there is none
    int dummy_iterations = 0;
    Reservation reservation;
  };

 private:
  // The member (its row less pin and pin_salt) and a member JWT for it.
  void answer_session(httplib::Response& res, nlohmann::json member, const std::string& restaurant,
                      const std::string& member_id, const std::string& device);
  // Checks the terminal is registered, reads the member and counts the attempt
  // (one transaction, committed and its connection returned before hashing).
  Result<Prepared, ApiError> prepare(const std::string& device, const std::string& restaurant,
                                     const std::string& member);
  ApiStatus clear(const std::string& member, const std::string& device);

  PgPool& pool_;
  AuthConfig auth_;
  int ttl_;
  PinPolicy policy_;
};

}  // namespace foh::backend
