#pragma once
// What a log line may not hold: the one redaction rule, used by foh-backend's
// JSON log and the terminal's log alike (pure: strings in, string out).
#include <string>
#include <string_view>

namespace foh {

// True when a field named `key` holds a secret (pin, token, salt, hash, key...).
bool secret_key(std::string_view key);

// "Bearer <x>", JWT-shaped tokens (eyJ...x.y.z) and the values of
// pin/token/secret/password/key-like fields become "[redacted]".
std::string redact(std::string_view text);

}  // namespace foh
