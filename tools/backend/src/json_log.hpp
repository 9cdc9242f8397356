#pragma once
// foh-backend's log: one JSON object per line ({"ts","level","msg",...fields}),
// to stderr or to the file FOH_LOG_FILE / --log-file names. spdlog stays in
// json_log.cpp. Secrets never reach a line: every string goes through redact().
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace foh::backend {

// "Bearer <x>", JWT-shaped tokens (eyJ...x.y.z) and the values of
// pin/token/secret/password/key-like fields become "[redacted]".
std::string redact(std::string_view text);

// The line as written (no newline): ts (UTC, ISO 8601 with ms), level, msg, then fields,
// each string field redacted.
std::string json_log_line(std::string_view level, std::string_view msg,
                          const nlohmann::json& fields);

// Empty path: stderr. Returns false when the file cannot be opened (then stderr).
bool init_json_log(const std::string& path);
void log_json(std::string_view level, std::string_view msg, const nlohmann::json& fields = {});

}  // namespace foh::backend
