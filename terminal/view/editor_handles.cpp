// On-canvas handles of the floor editor: resize and rotate a table, resize a zone.
#include "view/editor_handles.hpp"

#include <algorithm>
#include <cmath>

namespace foh::ui {
namespace {

constexpr float kPi = 3.14159265f;

// The table's own x and y directions on the plan (rotation clockwise, y down).
void axes(const Table& t, Vec2& u, Vec2& v) {
  float a = static_cast<float>(t.rotation) * kPi / 180.0f;
  u = {std::cos(a), std::sin(a)};
  v = {-std::sin(a), std::cos(a)};
}

float snapped_size(float value, float grid, float min_size) {
  value = std::max(value, min_size);
  if (grid <= 0) return value;
  return std::max(std::round(value / grid) * grid, std::ceil(min_size / grid) * grid);
}

}  // namespace

TableHandles table_handles(const Table& t, float lift) {
  Vec2 u, v, c = table_center(t);
  axes(t, u, v);
  Vec2 s = table_size(t);
  float out = s.y / 2 + lift;
  return {table_corners(t)[2], {c.x - v.x * out, c.y - v.y * out}};
}

void resize_table_to(Table& t, Vec2 p, float grid) {
  Vec2 u, v, anchor = table_corners(t)[0];
  axes(t, u, v);
  Vec2 d{p.x - anchor.x, p.y - anchor.y};
  float w = snapped_size(d.x * u.x + d.y * u.y, grid, kMinTableSize);
  float h = snapped_size(d.x * v.x + d.y * v.y, grid, kMinTableSize);
  if (t.shape == TableShape::Round) w = h = std::max(w, h);
  // The new centre is half the new size away from the fixed corner, along the table's axes.
  Vec2 c{anchor.x + u.x * w / 2 + v.x * h / 2, anchor.y + u.y * w / 2 + v.y * h / 2};
  t.width = w, t.height = h;
  t.position_x = c.x - w / 2, t.position_y = c.y - h / 2;
}

void rotate_table_towards(Table& t, Vec2 p, bool snap) {
  Vec2 c = table_center(t);
  if (p.x == c.x && p.y == c.y) return;
  // The handle sits straight "up" (-y) at rotation 0, i.e. at -90 degrees.
  float deg = std::atan2(p.y - c.y, p.x - c.x) * 180.0f / kPi + 90.0f;
  if (snap) deg = std::round(deg / kRotationStep) * kRotationStep;
  while (deg > 180.0f) deg -= 360.0f;
  while (deg <= -180.0f) deg += 360.0f;
  t.rotation = deg;
}

Vec2 zone_resize_handle(const Zone& z) {
  return {static_cast<float>(z.position_x + z.width), static_cast<float>(z.position_y + z.height)};
}

void resize_zone_to(Zone& z, Vec2 p, float grid) {
  z.width = snapped_size(p.x - static_cast<float>(z.position_x), grid, kMinZoneSize);
  z.height = snapped_size(p.y - static_cast<float>(z.position_y), grid, kMinZoneSize);
}

}  // namespace foh::ui
