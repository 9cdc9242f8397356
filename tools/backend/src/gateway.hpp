#pragma once
// The PostgREST-dialect REST API over the pool: /rest/v1/TABLE (GET, POST,
// PATCH, DELETE) and /rest/v1/rpc/NAME. Each request runs in one transaction
// with the caller's role and claims set first, so row-level security decides.
#include <string>

#include "auth.hpp"
#include "catalog.hpp"
#include "pg_pool.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace foh::backend {

class Gateway {
 public:
  Gateway(PgPool& pool, Catalog catalog, AuthConfig auth)
      : pool_(pool), catalog_(std::move(catalog)), auth_(std::move(auth)) {}
  void mount(httplib::Server& server);

  const AuthConfig& auth() const { return auth_; }

 private:
  void handle_table(const httplib::Request& req, httplib::Response& res);
  void handle_rpc(const httplib::Request& req, httplib::Response& res);

  PgPool& pool_;
  Catalog catalog_;
  AuthConfig auth_;
};

// Sends PostgREST's error JSON with its status.
void send_error(httplib::Response& res, const ApiError& e);

}  // namespace foh::backend
