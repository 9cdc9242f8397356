#include "app/clock.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace foh::app {

LocalInstant AppClock::now() const {
  if (fixed_) return LocalInstant{fixed_->seconds + offset_ms_ / 1000};
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  const Date d{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  return LocalInstant::at(d, TimeOfDay{local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec});
}

std::chrono::system_clock::time_point AppClock::system_now() const {
  if (!fixed_) return std::chrono::system_clock::now();
  // Fixed clock (tests): the local instant used as if it were UTC, so stamps
  // read back as the same local time (the process zone is left alone then).
  return std::chrono::system_clock::time_point{std::chrono::seconds{fixed_->seconds} +
                                               std::chrono::milliseconds{offset_ms_}};
}

int AppClock::utc_offset_s(Date day) const {
  if (fixed_) return 0;
  std::tm noon{};  // midday: clear of the night-time daylight-saving switch
  noon.tm_year = day.year - 1900;
  noon.tm_mon = day.month - 1;
  noon.tm_mday = day.day;
  noon.tm_hour = 12;
  noon.tm_isdst = -1;
  const std::time_t t = std::mktime(&noon);
  std::tm local{};
  localtime_r(&t, &local);
  return static_cast<int>(local.tm_gmtoff);
}

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
