#pragma once
// What the floor shows for one table at `now`: its state colour, who is
// seated, the next arrival, and whether that party is late.
#include <cstdint>

#include "desk.hpp"
#include "screens/floor.hpp"
#include "view/day_index.hpp"

namespace foh::ui {

constexpr int kArrivingSoonMinutes = 30;

struct TableStatus {
  TableState state = TableState::Free;
  const Booking* seated = nullptr;   // the party at the table
  const Booking* next = nullptr;     // the next party expected
  int elapsed_minutes = 0;           // since the seated party's start/seated_at
  bool next_late = false;            // next party settings.late_after_minutes past its time
};

int64_t now_minutes(const Desk& d);
TableStatus table_status(const Desk& d, const Table& t);

}  // namespace foh::ui
