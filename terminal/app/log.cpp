#include "app/log.hpp"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "foh/engine/redact.hpp"

namespace foh::app::log {
namespace {

constexpr size_t kFileBytes = 5 * 1024 * 1024;
constexpr size_t kFiles = 3;

struct Log {
  std::shared_ptr<spdlog::logger> logger;
  std::string path;
};

Log& the_log() {
  static Log log;  // one per process, like the file it writes
  return log;
}

void write(spdlog::level::level_enum level, std::string_view name, std::string_view event,
           const Fields& fields) {
  const auto& l = the_log().logger;
  if (!l) return;
  l->log(level, line(name, event, fields));
}

}  // namespace

Status open(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir.empty() ? "." : dir, ec);
  const std::string file = (std::filesystem::path(dir.empty() ? "." : dir) / "foh-terminal.log");
  try {
    auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file, kFileBytes, kFiles);
    auto logger = std::make_shared<spdlog::logger>("foh-terminal", sink);
    logger->set_pattern("%v");              // the line is already JSON with its own ts
    logger->flush_on(spdlog::level::info);  // a crash loses no line
    the_log() = Log{std::move(logger), file};
  } catch (const spdlog::spdlog_ex& e) {
    return Error{"log", "cannot open the log " + file + ": " + e.what()};
  }
  return ok();
}

std::string path() { return the_log().path; }

void info(std::string_view event, const Fields& fields) {
  write(spdlog::level::info, "info", event, fields);
}
void warn(std::string_view event, const Fields& fields) {
  write(spdlog::level::warn, "warn", event, fields);
}

std::string line(std::string_view level, std::string_view event, const Fields& fields) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : fields) j[k] = v;
  return json_log_line(std::chrono::system_clock::now(), level, "event", event, j);
}

}  // namespace foh::app::log
