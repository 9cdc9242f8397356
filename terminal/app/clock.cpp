#include "app/clock.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "foh/net/local_time.hpp"

namespace foh::app {

LocalInstant AppClock::now() const {
  if (fixed_) return LocalInstant{fixed_->seconds + offset_ms_ / 1000};
  return net::local_instant(std::time(nullptr));
}

std::chrono::system_clock::time_point AppClock::system_now() const {
  if (!fixed_) return std::chrono::system_clock::now();
  return std::chrono::system_clock::from_time_t(net::utc_of(*fixed_)) +
         std::chrono::milliseconds{offset_ms_};
}

int AppClock::utc_offset_s(Date day) const { return net::utc_offset_s(day); }

Status use_restaurant_timezone(const std::string& zone) {
  if (zone.empty()) return ok();  // the process's zone stays
  std::error_code ec;
  const bool known = zone.find("..") == std::string::npos && zone.front() != '/' &&
                     std::filesystem::is_regular_file("/usr/share/zoneinfo/" + zone, ec);
  if (!known)
    return Error{"settings.timezone", "unknown time zone \"" + zone +
                                          "\" (install tzdata); times use the system's zone"};
  const char* current = std::getenv("TZ");
  if (current != nullptr && zone == current) return ok();
  setenv("TZ", zone.c_str(), 1);
  tzset();
  return ok();
}

}  // namespace foh::app
