#pragma once
// JSON Web Tokens signed with HS256, as Supabase/PostgREST use them: the anon
// and service keys and the short-lived staff tokens of pin-login are all JWTs.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "foh/engine/result.hpp"

namespace foh::backend {

std::string base64url_encode(const std::string& bytes);
// nullopt-like: an Error when the text is not base64url.
Result<std::string> base64url_decode(const std::string& text);

// header.payload.signature with {"alg":"HS256","typ":"JWT"}.
std::string jwt_sign(const nlohmann::json& claims, const std::string& secret);

// Checks the algorithm, the signature and `exp` (seconds since the epoch,
// compared with now_seconds). Returns the claims, or an Error whose message says
// what is wrong (never the token itself).
Result<nlohmann::json> jwt_verify(const std::string& token, const std::string& secret,
                                  int64_t now_seconds);

int64_t unix_now();

// 32 random bytes as hex, for secrets and ids.
std::string random_hex(int bytes);
std::string random_uuid();

}  // namespace foh::backend
