#pragma once
// Restaurant-local calendar values: dates, times of day and instants.
// The engine never reads a clock; callers pass "now" in.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace foh {

struct Date {
  int year = 1970, month = 1, day = 1;

  auto operator<=>(const Date&) const = default;
  static std::optional<Date> parse(std::string_view iso);  // "YYYY-MM-DD"
  std::string str() const;
  int64_t days_since_epoch() const;
  static Date from_days(int64_t days);
  Date plus_days(int n) const { return from_days(days_since_epoch() + n); }
  int iso_weekday() const;  // 1 = Monday .. 7 = Sunday (services.days_of_week)
};

// Seconds since local midnight. Values of 24h and more are the small hours of
// the next calendar day, still belonging to the service day that started them.
struct TimeOfDay {
  int seconds = 0;

  auto operator<=>(const TimeOfDay&) const = default;
  static std::optional<TimeOfDay> parse(std::string_view hms);  // "HH:MM" or "HH:MM:SS"
  std::string str() const;                                      // "HH:MM:SS", wrapped to 0..23h
  std::string hhmm() const;                                     // "HH:MM", wrapped
  int minutes() const { return seconds / 60; }
  static TimeOfDay from_minutes(int m) { return TimeOfDay{m * 60}; }
};

// A local instant, seconds since 1970-01-01T00:00 local time (no zone).
struct LocalInstant {
  int64_t seconds = 0;
  auto operator<=>(const LocalInstant&) const = default;
  static LocalInstant at(Date d, TimeOfDay t) { return {d.days_since_epoch() * 86400 + t.seconds}; }
  Date date() const;
  TimeOfDay time() const;
  // "YYYY-MM-DDTHH:MM:SS", already local (--now, files); anything after the
  // seconds is ignored. A timestamptz column goes through from_timestamp.
  static std::optional<LocalInstant> parse(std::string_view iso);
  // A timestamptz ("…Z", "…+01:00", "…-0330", "…+01", optional fraction) in
  // restaurant-local time: the UTC instant plus `utc_offset_s`, the restaurant's
  // offset that day. Text without a zone is taken as local already.
  static std::optional<LocalInstant> from_timestamp(std::string_view iso, int utc_offset_s);
  std::string str() const;  // "YYYY-MM-DDTHH:MM:SS"
};

}  // namespace foh
