#pragma once
// Who is calling: the apikey header must be one of the project's keys, and the
// bearer JWT (or, without one, the apikey itself) must be signed with the JWT
// secret and unexpired. Its `role` claim becomes the PostgreSQL role.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "api_error.hpp"
#include "pg_tx.hpp"

namespace foh::backend {

struct AuthConfig {
  std::string jwt_secret;
  std::string anon_key, service_key;  // the apikeys accepted
};

struct Caller {
  std::string role;  // anon, authenticated or service_role
  nlohmann::json claims;
  bool has_token() const { return role != "anon"; }
};

// headers: lower-case names. An error is PostgREST's 401 (PGRST301) or Supabase's
// "Invalid API key"; its message never contains the token.
Result<Caller, ApiError> authenticate(const AuthConfig& cfg, const std::string& apikey,
                                      const std::string& authorization, int64_t now_seconds);

}  // namespace foh::backend
