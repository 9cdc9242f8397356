#include "auth.hpp"

#include <algorithm>
#include <cctype>

#include "jwt.hpp"

namespace foh::backend {

Result<Caller, ApiError> authenticate(const AuthConfig& cfg, const std::string& apikey,
                                      const std::string& authorization, int64_t now_seconds) {
  if (apikey.empty())
    return pgrst(401, "PGRST301", "No API key found in request", std::nullopt,
                 "No `apikey` request header or url param was found.");
  bool known_key = (!cfg.anon_key.empty() && apikey == cfg.anon_key) ||
                   (!cfg.service_key.empty() && apikey == cfg.service_key);
  if (!known_key && !(cfg.anon_key.empty() && cfg.service_key.empty()))
    return pgrst(401, "PGRST301", "Invalid API key", std::nullopt,
                 "Double check your Supabase `anon` or `service_role` API key.");
  std::string token = apikey;
  if (!authorization.empty()) {
    const std::string bearer = "Bearer ";
    if (authorization.size() <= bearer.size() ||
        !std::equal(bearer.begin(), bearer.end(), authorization.begin(),
                    [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return pgrst(401, "PGRST301", "Authorization header is not a Bearer token");
    token = authorization.substr(bearer.size());
  }
  auto claims = jwt_verify(token, cfg.jwt_secret, now_seconds);
  if (!claims) return pgrst(401, "PGRST301", claims.error().message);
  Caller c;
  c.claims = *claims;
  auto role = c.claims.find("role");
  c.role = role != c.claims.end() && role->is_string() ? role->get<std::string>() : "anon";
  if (c.role != "anon" && c.role != "authenticated" && c.role != "service_role")
    return pgrst(401, "PGRST301", "JWT role '" + c.role + "' is not allowed");
  return c;
}

}  // namespace foh::backend
