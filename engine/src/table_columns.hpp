#pragma once
// The columns a permanent table (tables) and a day's extra table
// (daily_extra_tables) share, read and written in one place.
#include <string>

#include "json_row.hpp"

namespace foh::detail {

// name .. chair_sides, in the order errors are reported.
template <class Io, class T>
void table_columns(Io& io, T& t) {
  io.text("name", t.name, Need::Required);
  io.integer("capacity_min", t.capacity_min, Need::Required, 1, 99);
  io.integer("capacity_max", t.capacity_max, Need::Required, 1, 99);
  io.check("capacity_min", [&] {
    return t.capacity_min <= t.capacity_max
               ? std::string()
               : "capacity_min (" + std::to_string(t.capacity_min) + ") > capacity_max (" +
                     std::to_string(t.capacity_max) + ")";
  });
  io.number("position_x", t.position_x);
  io.number("position_y", t.position_y);
  io.opt_number("width", t.width);
  io.opt_number("height", t.height);
  io.number("rotation", t.rotation);
  io.enumeration("shape", t.shape, parse_table_shape, "shape", Need::Optional);
  io.integer("chair_sides", t.chair_sides, Need::Optional, 0, 15);
}

}  // namespace foh::detail
