#include "json_log.hpp"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <array>
#include <cctype>
#include <chrono>
#include <ctime>
#include <memory>
#include <mutex>

namespace foh::backend {
namespace {

std::shared_ptr<spdlog::logger>& logger() {
  static std::shared_ptr<spdlog::logger> l;
  return l;
}

}  // namespace

std::string json_log_line(std::string_view level, std::string_view msg,
                          const nlohmann::json& fields) {
  auto now = std::chrono::system_clock::now();
  auto secs = std::chrono::system_clock::to_time_t(now);
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char ts[80];
  std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  nlohmann::ordered_json line;
  line["ts"] = ts;
  line["level"] = std::string(level);
  line["msg"] = redact(msg);
  if (fields.is_object())
    for (const auto& [k, v] : fields.items()) {
      if (secret_key(k))
        line[k] = "[redacted]";
      else if (v.is_string())
        line[k] = redact(v.get<std::string>());
      else
        line[k] = v;
    }
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool init_json_log(const std::string& path) {
  bool ok = true;
  std::shared_ptr<spdlog::logger> l;
  if (!path.empty()) {
    try {
      l = spdlog::basic_logger_mt("foh-backend-json", path);
    } catch (const spdlog::spdlog_ex&) {
      ok = false;
    }
  }
  if (!l) l = spdlog::stderr_logger_mt("foh-backend-json-stderr");
  l->set_pattern("%v");
  l->flush_on(spdlog::level::info);
  logger() = l;
  return ok;
}

void log_json(std::string_view level, std::string_view msg, const nlohmann::json& fields) {
  static const std::shared_ptr<spdlog::logger> fallback = [] {
    auto l = spdlog::stderr_logger_mt("foh-backend-json-fallback");
    l->set_pattern("%v");
    return l;
  }();
  const auto& l = logger() ? logger() : fallback;
  l->info(json_log_line(level, msg, fields));
}

}  // namespace foh::backend
