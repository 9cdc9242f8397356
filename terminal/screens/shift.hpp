#pragma once
// The shift at a glance (issue 13, item 4), for managers and hosts: per
// service, covers seated against those on the book, still to come, at the
// door, parties waiting and the longest wait, who is late and who did not
// come, the pacing chart, turn times against the target by party size, and
// the end-of-service report with its CSV export (the shell writes the file).
#include <cstdint>
#include <optional>
#include <string>

#include "desk.hpp"
#include "foh/engine/shift.hpp"

namespace foh::ui {

// The engine's answer for the desk's day at its minute, kept until the data
// or the minute changes (3 000 bookings: not every frame).
struct ShiftCache {
  uint64_t revision = 0;
  int64_t minute = -1;
  const DayBook* day = nullptr;
  size_t parties = 0;  // a test's day changed in place under the same revision
  std::optional<Shift> shift;
};

struct ShiftView {
  // The service shown, by ShiftService key; none: the service under way (or next).
  std::optional<std::string> service;
  ShiftCache cache;
};

struct ShiftIntents {
  bool export_csv = false;  // the shell writes report_csv into its data folder
};

// The engine's shift of the desk's day at the desk's now, cached in `c`.
const Shift& shift_now(ShiftCache& c, const Desk& d);
// A service's key in ShiftView::service: its id, "~outside", or "~day" (no services).
std::string service_key(const ServiceShift& s);
// The service shown: the chosen one while it still exists, else the current one.
int shown_service(const ShiftView& v, const Shift& s);
// "Soir", "Hors service" / "Outside services", "Journée" / "All day".
std::string service_title(Language l, const ServiceShift& s);

void draw_shift(ShiftView& v, const Desk& d, ShiftIntents& out);

}  // namespace foh::ui
