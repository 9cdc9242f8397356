#pragma once
// The terminal's own log: JSON lines ({"ts","level","event",...fields}) in a
// rotating file beside the cache (foh-terminal.log, 5 MiB x 3), so a manager
// can send what happened on Saturday night. spdlog stays in log.cpp. Every
// field goes through the one redaction rule (engine/redact.hpp): no PIN, hash,
// salt or token ever reaches the file.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "foh/engine/result.hpp"

namespace foh::app::log {

using Fields = std::vector<std::pair<std::string, std::string>>;

// Opens (creating) `dir`/foh-terminal.log. Until it is called, or when it
// fails, the log writes nothing: the terminal runs on without a file log.
Status open(const std::string& dir);
// Where the log writes, or "" when it is closed.
std::string path();

void info(std::string_view event, const Fields& fields = {});
void warn(std::string_view event, const Fields& fields = {});

// The line as written (no newline), for tests of its shape and redaction.
std::string line(std::string_view level, std::string_view event, const Fields& fields);

}  // namespace foh::app::log
