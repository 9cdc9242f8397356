// Plan geometry for drawing: rotated table rectangles, hit tests, chairs.
// The overlap rule itself is the engine's (foh/engine/geometry.hpp).
#include "view/floor_geometry.hpp"

#include <algorithm>
#include <cmath>

namespace foh::ui {

PlanPoint table_position(const Table& t, const DailyTableOverride* o) {
  PlanPoint p{t.position_x, t.position_y};
  if (o && o->position_x) p.x = *o->position_x;
  if (o && o->position_y) p.y = *o->position_y;
  return p;
}

PlanPoint table_center(const Table& t, const DailyTableOverride* o) {
  PlanPoint p = table_position(t, o), s = table_extent(t);
  return {p.x + s.x / 2, p.y + s.y / 2};
}

std::array<PlanPoint, 4> table_corners(const Table& t, const DailyTableOverride* o) {
  PlanPoint p = table_position(t, o), s = table_extent(t), c = table_center(t, o);
  double r = t.rotation;
  return {rotate_about({p.x, p.y}, c, r), rotate_about({p.x + s.x, p.y}, c, r),
          rotate_about({p.x + s.x, p.y + s.y}, c, r), rotate_about({p.x, p.y + s.y}, c, r)};
}

void table_bounds(const Table& t, const DailyTableOverride* o, PlanPoint& mn, PlanPoint& mx) {
  auto c = table_corners(t, o);
  mn = mx = c[0];
  for (const PlanPoint& p : c) {
    mn.x = std::min(mn.x, p.x), mn.y = std::min(mn.y, p.y);
    mx.x = std::max(mx.x, p.x), mx.y = std::max(mx.y, p.y);
  }
}

bool table_contains(const Table& t, const DailyTableOverride* o, PlanPoint p) {
  // Undo the rotation, then test against the unrotated rectangle.
  PlanPoint c = table_center(t, o), s = table_extent(t);
  PlanPoint q = rotate_about(p, c, -t.rotation);
  return std::abs(q.x - c.x) <= s.x / 2 && std::abs(q.y - c.y) <= s.y / 2;
}

void plan_bounds(const std::vector<const Table*>& tables, const std::vector<const Zone*>& zones,
                 PlanPoint& mn, PlanPoint& mx) {
  mn = {0, 0}, mx = {100, 100};
  for (const Zone* z : zones) {
    mx.x = std::max(mx.x, z->position_x + z->width);
    mx.y = std::max(mx.y, z->position_y + z->height);
  }
  for (const Table* t : tables) {
    PlanPoint a, b;
    table_bounds(*t, nullptr, a, b);
    mx.x = std::max(mx.x, b.x), mx.y = std::max(mx.y, b.y);
    mn.x = std::min(mn.x, a.x), mn.y = std::min(mn.y, a.y);
  }
}

float smallest_table_side(const std::vector<const Table*>& tables) {
  float side = 100;
  bool any = false;
  for (const Table* t : tables) {
    const PlanPoint s = table_extent(*t);
    const float m = static_cast<float>(std::max(1.0, std::min(s.x, s.y)));
    side = any ? std::min(side, m) : m;
    any = true;
  }
  return side;
}

std::vector<PlanPoint> chair_positions(const Table& t, const DailyTableOverride* o) {
  std::vector<PlanPoint> out;
  PlanPoint p = table_position(t, o), s = table_extent(t), c = table_center(t, o);
  int sides[4] = {kChairTop, kChairRight, kChairBottom, kChairLeft};
  int n_sides = 0;
  for (int sd : sides) n_sides += (t.chair_sides & sd) != 0;
  if (n_sides == 0 || t.capacity_max <= 0) return out;
  // Seats spread over the sides, longer sides first get the remainder.
  int per = t.capacity_max / n_sides, extra = t.capacity_max % n_sides;
  const double gap = 10.0;
  for (int k = 0; k < 4; ++k) {
    if (!(t.chair_sides & sides[k])) continue;
    int n = per + (extra > 0 ? 1 : 0);
    if (extra > 0) --extra;
    for (int i = 0; i < n; ++i) {
      const double f = (i + 1.0) / (n + 1.0);
      PlanPoint q;
      switch (k) {
        case 0:
          q = {p.x + s.x * f, p.y - gap};
          break;
        case 1:
          q = {p.x + s.x + gap, p.y + s.y * f};
          break;
        case 2:
          q = {p.x + s.x * f, p.y + s.y + gap};
          break;
        default:
          q = {p.x - gap, p.y + s.y * f};
          break;
      }
      out.push_back(rotate_about(q, c, t.rotation));
    }
  }
  return out;
}

}  // namespace foh::ui
