#pragma once
// POST /functions/v1/pin-login {restaurant_id, team_member_id, pin}: checks the
// PIN against the member's PBKDF2 hash and answers a short-lived staff JWT.
// Server-side lockout per member, kept in foh_private.pin_attempts (migration
// 009) so that it survives a restart: 5 failures lock the member for 30 s,
// doubling on each further failure. Neither the PIN nor a token is ever logged.
#include <string>

#include "auth.hpp"
#include "pg_pool.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace foh::backend {

class PinLogin {
 public:
  PinLogin(PgPool& pool, AuthConfig auth, int token_ttl_seconds)
      : pool_(pool), auth_(std::move(auth)), ttl_(token_ttl_seconds) {}
  void mount(httplib::Server& server);
  void handle(const httplib::Request& req, httplib::Response& res);

 private:
  // The member (its row less pin and pin_salt) and a staff JWT for it.
  void answer_session(httplib::Response& res, nlohmann::json member, const std::string& restaurant,
                      const std::string& member_id);
  // The active member's row (null when there is none).
  foh::backend::Outcome<nlohmann::json> find_member(const std::string& restaurant,
                                                    const std::string& member);

  PgPool& pool_;
  AuthConfig auth_;
  int ttl_;
};

}  // namespace foh::backend
