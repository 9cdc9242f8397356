#pragma once
// A generated large restaurant: 3 floor plans x 100 tables, and a day of
// 3 000 reservations (10 per table, back to back), for the frame benchmark.
#include "foh/engine/model.hpp"

namespace foh::bench {

Venue big_venue(int plans = 3, int tables_per_plan = 100);
DayBook big_day(const Venue& v, Date date, int reservations = 3000);

}  // namespace foh::bench
