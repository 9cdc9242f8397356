#pragma once
// The columns a permanent table (tables) and a day's extra table
// (daily_extra_tables) share, read and written in one place.
#include <string>

#include "json_row.hpp"

namespace foh::detail {

// name .. chair_sides, in the order errors are reported.
template <class T>
void read_table_columns(JsonRow& row, T& t) {
  row.text("name", t.name, Need::Required);
  row.integer("capacity_min", t.capacity_min, Need::Required, 1, 99);
  row.integer("capacity_max", t.capacity_max, Need::Required, 1, 99);
  if (row.ok() && t.capacity_min > t.capacity_max)
    row.fail("capacity_min", "capacity_min (" + std::to_string(t.capacity_min) +
                                 ") > capacity_max (" + std::to_string(t.capacity_max) + ")");
  row.number("position_x", t.position_x);
  row.number("position_y", t.position_y);
  row.opt_number("width", t.width);
  row.opt_number("height", t.height);
  row.number("rotation", t.rotation);
  row.enumeration("shape", t.shape, parse_table_shape, "shape", Need::Optional);
  row.integer("chair_sides", t.chair_sides, Need::Optional, 0, 15);
}

template <class T>
void write_table_columns(Json& j, const T& t) {
  j["floor_plan_id"] = t.floor_plan_id;
  put_opt(j, "zone_id", t.zone_id);
  j["name"] = t.name;
  j["capacity_min"] = t.capacity_min;
  j["capacity_max"] = t.capacity_max;
  j["position_x"] = t.position_x;
  j["position_y"] = t.position_y;
  put_opt(j, "width", t.width);
  put_opt(j, "height", t.height);
  j["rotation"] = t.rotation;
  j["shape"] = to_string(t.shape);
  j["chair_sides"] = t.chair_sides;
}

}  // namespace foh::detail
