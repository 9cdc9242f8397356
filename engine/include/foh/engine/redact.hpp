#pragma once
// What a log line may not hold: the one redaction rule, used by foh-backend's
// JSON log and the terminal's log alike (pure: strings in, string out).
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace foh {

// True when a field named `key` holds a secret (pin, token, salt, hash, key...).
bool secret_key(std::string_view key);

// "Bearer <x>", JWT-shaped tokens (eyJ...x.y.z) and the values of
// pin/token/secret/password/key-like fields become "[redacted]".
std::string redact(std::string_view text);

// One JSON log line (no newline), the shape both foh-backend's and the
// terminal's logs write: {"ts" (UTC, ms), "level", `what_key`: what, fields...},
// every string redacted and every secret-named field "[redacted]". `at` is
// given, not read: the engine reads no clock.
std::string json_log_line(std::chrono::system_clock::time_point at, std::string_view level,
                          std::string_view what_key, std::string_view what,
                          const nlohmann::json& fields);

}  // namespace foh
