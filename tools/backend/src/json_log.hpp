#pragma once
// foh-backend's log: one JSON object per line ({"ts","level","msg",...fields}),
// to stderr or to the file FOH_LOG_FILE / --log-file names. spdlog stays in
// json_log.cpp. Secrets never reach a line: every string goes through redact().
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "foh/engine/redact.hpp"

namespace foh::backend {

using foh::redact;  // the one redaction rule (engine/redact.hpp)

// The line as written (no newline): ts (UTC, ISO 8601 with ms), level, msg, then fields,
// each string field redacted.
std::string json_log_line(std::string_view level, std::string_view msg,
                          const nlohmann::json& fields);

// Empty path: stderr. Returns false when the file cannot be opened (then stderr).
bool init_json_log(const std::string& path);
void log_json(std::string_view level, std::string_view msg, const nlohmann::json& fields = {});

}  // namespace foh::backend
