#pragma once
// POST /functions/v1/pin-login {restaurant_id, team_member_id, pin}: checks the
// PIN against the member's PBKDF2 hash and answers a short-lived staff JWT.
// Server-side lockout per member: 5 failures lock it for 30 s, doubling on each
// further failure. Neither the PIN nor a token is ever logged.
#include <map>
#include <mutex>
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
  struct Attempts {
    int failures = 0;
    int64_t locked_until = 0;
    bool in_flight = false;  // one attempt at a time per member, so parallel guesses can't
                             // all pass the lock check before the first failure is counted
  };
  // Starts an attempt: 0 when it may go on, else the seconds to wait.
  int64_t begin_attempt(const std::string& member, int64_t now);
  enum class Outcome { Ok, Wrong, Abandoned };
  void end_attempt(const std::string& member, Outcome outcome, int64_t now);
  // The active member's row (null when there is none).
  foh::backend::Outcome<nlohmann::json> find_member(const std::string& restaurant,
                                                    const std::string& member);

  PgPool& pool_;
  AuthConfig auth_;
  int ttl_;
  std::mutex mu_;
  std::map<std::string, Attempts> attempts_;
};

}  // namespace foh::backend
