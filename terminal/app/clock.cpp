#include "app/clock.hpp"

#include <ctime>

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
  return std::chrono::system_clock::time_point{std::chrono::seconds{fixed_->seconds} +
                                               std::chrono::milliseconds{offset_ms_}};
}

}  // namespace foh::app
