#include "foh/engine/calendar.hpp"

#include <charconv>
#include <cstdio>
#include <string>

namespace foh {
namespace {

bool read_int(std::string_view s, size_t pos, size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (size_t i = pos; i < pos + len; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return r.ec == std::errc{};
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::optional<Date> Date::parse(std::string_view s) {
  Date d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!read_int(s, 0, 4, d.year) || !read_int(s, 5, 2, d.month) || !read_int(s, 8, 2, d.day))
    return std::nullopt;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  return d;
}

std::string Date::str() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t Date::days_since_epoch() const {
  int64_t y = year - (month <= 2);
  int64_t era = floor_div(y, 400);
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(int64_t z) {
  z += 719468;
  int64_t era = floor_div(z, 146097);
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int Date::iso_weekday() const {
  int64_t w = (days_since_epoch() + 3) % 7;  // 1970-01-01 was a Thursday
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

std::optional<TimeOfDay> TimeOfDay::parse(std::string_view s) {
  int h = 0, m = 0, sec = 0;
  if (s.size() != 5 && s.size() != 8) return std::nullopt;
  if (s[2] != ':' || !read_int(s, 0, 2, h) || !read_int(s, 3, 2, m)) return std::nullopt;
  if (s.size() == 8 && (s[5] != ':' || !read_int(s, 6, 2, sec))) return std::nullopt;
  if (h > 23 || m > 59 || sec > 59) return std::nullopt;
  return TimeOfDay{h * 3600 + m * 60 + sec};
}

std::string TimeOfDay::str() const {
  int s = ((seconds % 86400) + 86400) % 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

std::string TimeOfDay::hhmm() const { return str().substr(0, 5); }

Date LocalInstant::date() const { return Date::from_days(floor_div(seconds, 86400)); }

TimeOfDay LocalInstant::time() const {
  return TimeOfDay{static_cast<int>(seconds - floor_div(seconds, 86400) * 86400)};
}

std::optional<LocalInstant> LocalInstant::parse(std::string_view s) {
  if (s.size() < 19 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  auto d = Date::parse(s.substr(0, 10));
  auto t = TimeOfDay::parse(s.substr(11, 8));
  if (!d || !t) return std::nullopt;
  return at(*d, *t);
}

namespace {
// Seconds east of UTC named by a zone suffix; 0 for none, nullopt if malformed.
std::optional<int> zone_offset(std::string_view z) {
  if (z.empty()) return 0;
  if (z == "Z" || z == "z") return 0;
  if (z[0] != '+' && z[0] != '-') return std::nullopt;
  std::string digits;
  for (char c : z.substr(1))
    if (c != ':') digits += c;
  if ((digits.size() != 2 && digits.size() != 4) ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  int h = std::stoi(digits.substr(0, 2)), m = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
  if (h > 23 || m > 59) return std::nullopt;
  return (z[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
}
}  // namespace

std::optional<LocalInstant> LocalInstant::from_timestamp(std::string_view s, int utc_offset_s) {
  auto naive = parse(s);
  if (!naive) return std::nullopt;
  std::string_view rest = s.substr(19);
  if (!rest.empty() && rest[0] == '.') {  // fraction of a second: dropped
    size_t i = 1;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
    if (i == 1) return std::nullopt;
    rest = rest.substr(i);
  }
  if (rest.empty()) return naive;  // no zone: local already
  auto zone = zone_offset(rest);
  if (!zone) return std::nullopt;
  return LocalInstant{naive->seconds - *zone + utc_offset_s};
}

std::string LocalInstant::str() const { return date().str() + "T" + time().str(); }

}  // namespace foh
