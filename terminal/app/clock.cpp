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

namespace {
// The UTC time of a local instant in the process zone (the restaurant's).
std::time_t utc_of(LocalInstant local) {
  const Date d = local.date();
  const int s = local.time().seconds;
  std::tm tm{};
  tm.tm_year = d.year - 1900;
  tm.tm_mon = d.month - 1;
  tm.tm_mday = d.day;
  tm.tm_hour = s / 3600;
  tm.tm_min = s / 60 % 60;
  tm.tm_sec = s % 60;
  tm.tm_isdst = -1;  // whatever daylight saving says that day
  return std::mktime(&tm);
}
}  // namespace

std::chrono::system_clock::time_point AppClock::system_now() const {
  if (!fixed_) return std::chrono::system_clock::now();
  return std::chrono::system_clock::from_time_t(utc_of(*fixed_)) +
         std::chrono::milliseconds{offset_ms_};
}

int AppClock::utc_offset_s(Date day) const {
  // Midday: clear of the night-time daylight-saving switch.
  const std::time_t t = utc_of(LocalInstant::at(day, TimeOfDay{12 * 3600}));
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
