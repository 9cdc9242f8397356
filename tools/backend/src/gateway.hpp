#pragma once
// The PostgREST-dialect REST API over the pool: /rest/v1/TABLE (GET, HEAD,
// POST, PATCH, DELETE) and /rest/v1/rpc/NAME. Each request runs in one transaction
// with the caller's role and claims set first, so row-level security decides.
#include <string>

#include "auth.hpp"
#include "catalog.hpp"
#include "pg_pool.hpp"
#include "statements.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace foh::backend {

class Gateway {
 public:
  Gateway(PgPool& pool, Catalog catalog, AuthConfig auth,
          std::chrono::milliseconds statement_timeout = kDefaultStatementTimeout)
      : pool_(pool),
        catalog_(std::move(catalog)),
        auth_(std::move(auth)),
        statement_timeout_(statement_timeout) {}
  void mount(httplib::Server& server);

  const AuthConfig& auth() const { return auth_; }

 private:
  // Both kinds of route: authenticate, plan (request_plan.hpp), run.
  void handle(const httplib::Request& req, httplib::Response& res);

  PgPool& pool_;
  Catalog catalog_;
  AuthConfig auth_;
  std::chrono::milliseconds statement_timeout_;
};

// Sends PostgREST's error JSON with its status.
void send_error(httplib::Response& res, const ApiError& e);

}  // namespace foh::backend
