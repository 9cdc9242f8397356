#include "foh/net/local_time.hpp"

namespace foh::net {

LocalInstant local_instant(std::time_t t) {
  std::tm tm{};
  localtime_r(&t, &tm);
  const Date d{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
  return LocalInstant::at(d, TimeOfDay{tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec});
}

LocalInstant local_instant(std::chrono::system_clock::time_point tp) {
  return local_instant(std::chrono::system_clock::to_time_t(tp));
}

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

int utc_offset_s(Date day) {
  // Midday: clear of the night-time daylight-saving switch.
  const std::time_t t = utc_of(LocalInstant::at(day, TimeOfDay{12 * 3600}));
  std::tm local{};
  localtime_r(&t, &local);
  return static_cast<int>(local.tm_gmtoff);
}

}  // namespace foh::net
