// On-canvas handles of the floor editor: resize and rotate a table, resize a zone.
#include "view/editor_handles.hpp"

#include <algorithm>
#include <cmath>

namespace foh::ui {
namespace {

constexpr double kPi = 3.14159265358979323846;

float snapped_size(float value, float grid, float min_size) {
  value = std::max(value, min_size);
  if (grid <= 0) return value;
  return std::max(std::round(value / grid) * grid, std::ceil(min_size / grid) * grid);
}

}  // namespace

TableHandles table_handles(const Table& t, float lift) {
  const PlanPoint v = plan_axes(t.rotation).v, c = table_center(t);
  const double out = table_extent(t).y / 2 + lift;
  return {table_corners(t)[2], {c.x - v.x * out, c.y - v.y * out}};
}

void resize_table_to(Table& t, PlanPoint p, float grid) {
  const auto [u, v] = plan_axes(t.rotation);
  const PlanPoint anchor = table_corners(t)[0];
  PlanPoint d{p.x - anchor.x, p.y - anchor.y};
  float w = snapped_size(static_cast<float>(d.x * u.x + d.y * u.y), grid, kMinTableSize);
  float h = snapped_size(static_cast<float>(d.x * v.x + d.y * v.y), grid, kMinTableSize);
  if (t.shape == TableShape::Round) w = h = std::max(w, h);
  // The new centre is half the new size away from the fixed corner, along the table's axes.
  PlanPoint c{anchor.x + u.x * w / 2 + v.x * h / 2, anchor.y + u.y * w / 2 + v.y * h / 2};
  t.width = w, t.height = h;
  t.position_x = c.x - w / 2, t.position_y = c.y - h / 2;
}

void rotate_table_towards(Table& t, PlanPoint p, bool snap) {
  PlanPoint c = table_center(t);
  if (p.x == c.x && p.y == c.y) return;
  // The handle sits straight "up" (-y) at rotation 0, i.e. at -90 degrees.
  double deg = std::atan2(p.y - c.y, p.x - c.x) * 180.0 / kPi + 90.0;
  if (snap) deg = std::round(deg / kRotationStep) * kRotationStep;
  while (deg > 180.0) deg -= 360.0;
  while (deg <= -180.0) deg += 360.0;
  t.rotation = deg;
}

PlanPoint zone_resize_handle(const Zone& z) {
  return {z.position_x + z.width, z.position_y + z.height};
}

void resize_zone_to(Zone& z, PlanPoint p, float grid) {
  z.width = snapped_size(static_cast<float>(p.x - z.position_x), grid, kMinZoneSize);
  z.height = snapped_size(static_cast<float>(p.y - z.position_y), grid, kMinZoneSize);
}

}  // namespace foh::ui
