#pragma once
// The restaurant-local clock the shell passes to the engine and the screens
// (the engine never reads clocks). With --now it is fixed, and only a
// script's wait_ms moves it: tests and screenshots are deterministic, and a
// 30 s lockout can be waited out without waiting 30 s.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "foh/engine/calendar.hpp"
#include "foh/engine/result.hpp"

namespace foh::app {

class AppClock {
 public:
  explicit AppClock(std::optional<LocalInstant> fixed = std::nullopt) : fixed_(fixed) {}
  bool fixed() const { return fixed_.has_value(); }
  LocalInstant now() const;  // restaurant-local (process TZ = the restaurant's timezone)
  // For net (lockout, idle timeout, created_at stamps; UTC). A fixed clock's
  // local instant is converted through the restaurant's zone like a real one.
  std::chrono::system_clock::time_point system_now() const;
  // The restaurant's offset from UTC on `day` (seconds east), to read the
  // day's UTC stamps as local time.
  int utc_offset_s(Date day) const;
  void advance_ms(int64_t ms) { offset_ms_ += ms; }  // fixed clock only

 private:
  std::optional<LocalInstant> fixed_;
  int64_t offset_ms_ = 0;
};

// Dates and times in the restaurant's zone (settings.timezone, e.g.
// "Europe/Paris"), whatever the device's: the one place that sets the process
// zone (TZ + tzset; libstdc++ 12 has no tz database). Called when the venue is
// loaded, before any local time is read (with --now too: the fixed instant is
// the restaurant's). Empty keeps the process zone; an unknown one is an error
// naming settings.timezone (and changes nothing).
Status use_restaurant_timezone(const std::string& zone);

}  // namespace foh::app
