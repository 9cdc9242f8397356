#pragma once
// Team members' PINs: PBKDF2-HMAC-SHA256 (OpenSSL's libcrypto), stored as
// "pbkdf2-sha256$<iterations>$<hex>" in team_members.pin with the salt in
// pin_salt (hex). Password = the PIN's ASCII digits, salt = the bytes of
// pin_salt, derived key 32 bytes (verification uses the stored key's length).
// The engine makes no salt (no randomness here): callers pass one.
#include <string>
#include <string_view>

#include "foh/engine/model.hpp"

namespace foh {

inline constexpr int kPinIterations = 600000;         // OWASP's figure for PBKDF2-HMAC-SHA256
inline constexpr int kPinMaxIterations = 10'000'000;  // a stored hash never costs more than this

// 4 to 6 ASCII digits.
bool is_valid_pin_format(std::string_view pin);

// Even-length hex of 8..128 bytes.
bool is_valid_salt(std::string_view salt_hex);

// "pbkdf2-sha256$<iterations>$<64 hex>"; empty when the PIN format, the salt or
// the iteration count (1..kPinMaxIterations) is invalid.
std::string hash_pin(std::string_view pin, std::string_view salt_hex,
                     int iterations = kPinIterations);

// The iteration count kept with a stored hash; 0 when it is malformed.
int pin_hash_iterations(std::string_view stored);

// Recompute with the stored iteration count and compare in constant time.
// False for a malformed hash or salt, or a PIN of the wrong format. (Whether
// the member is active is the login's business, not the hash's.)
bool verify_pin(std::string_view pin, const TeamMember& m);

// Stored with fewer iterations than kPinIterations: rehash at the next login.
bool needs_rehash(const TeamMember& m);

}  // namespace foh
