#include "json_log.hpp"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
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
  return foh::json_log_line(std::chrono::system_clock::now(), level, "msg", msg, fields);
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
