#pragma once
// Restaurant-local wall time of a moment: the terminal runs in the
// restaurant's time zone (TZ, set from settings.timezone), so localtime_r is
// the conversion, both ways. The one place the store and the terminal's clock
// do it.
#include <chrono>
#include <ctime>

#include "foh/engine/calendar.hpp"

namespace foh::net {

LocalInstant local_instant(std::time_t t);
LocalInstant local_instant(std::chrono::system_clock::time_point tp);
// The other way: the moment a local wall time names (daylight saving as that
// day has it).
std::time_t utc_of(LocalInstant local);
// The zone's offset from UTC on `day` (seconds east), to read that day's UTC
// stamps as local time.
int utc_offset_s(Date day);

}  // namespace foh::net
