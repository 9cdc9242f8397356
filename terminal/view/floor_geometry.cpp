// Plan geometry for drawing: rotated table rectangles, hit tests, chairs.
// The overlap rule itself is the engine's (foh/engine/geometry.hpp).
#include "view/floor_geometry.hpp"

#include <algorithm>
#include <cmath>

namespace foh::ui {
namespace {

constexpr float kDegToRad = 3.14159265f / 180.0f;

Vec2 rotate(Vec2 p, Vec2 c, float deg) {
  float a = deg * kDegToRad, cs = std::cos(a), sn = std::sin(a);
  float dx = p.x - c.x, dy = p.y - c.y;
  return {c.x + dx * cs - dy * sn, c.y + dx * sn + dy * cs};
}

}  // namespace

Vec2 table_size(const Table& t) {
  PlanPoint e = table_extent(t);
  return {static_cast<float>(e.x), static_cast<float>(e.y)};
}

Vec2 table_position(const Table& t, const DailyTableOverride* o) {
  Vec2 p{static_cast<float>(t.position_x), static_cast<float>(t.position_y)};
  if (o && o->position_x) p.x = static_cast<float>(*o->position_x);
  if (o && o->position_y) p.y = static_cast<float>(*o->position_y);
  return p;
}

Vec2 table_center(const Table& t, const DailyTableOverride* o) {
  Vec2 p = table_position(t, o), s = table_size(t);
  return {p.x + s.x / 2, p.y + s.y / 2};
}

std::array<Vec2, 4> table_corners(const Table& t, const DailyTableOverride* o) {
  Vec2 p = table_position(t, o), s = table_size(t), c = table_center(t, o);
  float r = static_cast<float>(t.rotation);
  return {rotate({p.x, p.y}, c, r), rotate({p.x + s.x, p.y}, c, r),
          rotate({p.x + s.x, p.y + s.y}, c, r), rotate({p.x, p.y + s.y}, c, r)};
}

void table_bounds(const Table& t, const DailyTableOverride* o, Vec2& mn, Vec2& mx) {
  auto c = table_corners(t, o);
  mn = mx = c[0];
  for (const Vec2& p : c) {
    mn.x = std::min(mn.x, p.x), mn.y = std::min(mn.y, p.y);
    mx.x = std::max(mx.x, p.x), mx.y = std::max(mx.y, p.y);
  }
}

bool table_contains(const Table& t, const DailyTableOverride* o, Vec2 p) {
  // Undo the rotation, then test against the unrotated rectangle.
  Vec2 c = table_center(t, o), s = table_size(t);
  Vec2 q = rotate(p, c, -static_cast<float>(t.rotation));
  return std::abs(q.x - c.x) <= s.x / 2 && std::abs(q.y - c.y) <= s.y / 2;
}

void plan_bounds(const std::vector<const Table*>& tables, const std::vector<const Zone*>& zones,
                 Vec2& mn, Vec2& mx) {
  mn = {0, 0}, mx = {100, 100};
  for (const Zone* z : zones) {
    mx.x = std::max(mx.x, static_cast<float>(z->position_x + z->width));
    mx.y = std::max(mx.y, static_cast<float>(z->position_y + z->height));
  }
  for (const Table* t : tables) {
    Vec2 a, b;
    table_bounds(*t, nullptr, a, b);
    mx.x = std::max(mx.x, b.x), mx.y = std::max(mx.y, b.y);
    mn.x = std::min(mn.x, a.x), mn.y = std::min(mn.y, a.y);
  }
}

float smallest_table_side(const std::vector<const Table*>& tables) {
  float side = 100;
  bool any = false;
  for (const Table* t : tables) {
    const Vec2 s = table_size(*t);
    const float m = std::max(1.0f, std::min(s.x, s.y));
    side = any ? std::min(side, m) : m;
    any = true;
  }
  return side;
}

std::vector<Vec2> chair_positions(const Table& t, const DailyTableOverride* o) {
  std::vector<Vec2> out;
  Vec2 p = table_position(t, o), s = table_size(t), c = table_center(t, o);
  int sides[4] = {kChairTop, kChairRight, kChairBottom, kChairLeft};
  int n_sides = 0;
  for (int sd : sides) n_sides += (t.chair_sides & sd) != 0;
  if (n_sides == 0 || t.capacity_max <= 0) return out;
  // Seats spread over the sides, longer sides first get the remainder.
  int per = t.capacity_max / n_sides, extra = t.capacity_max % n_sides;
  float gap = 10.0f;
  for (int k = 0; k < 4; ++k) {
    if (!(t.chair_sides & sides[k])) continue;
    int n = per + (extra > 0 ? 1 : 0);
    if (extra > 0) --extra;
    for (int i = 0; i < n; ++i) {
      float f = (i + 1.0f) / (n + 1.0f);
      Vec2 q;
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
      out.push_back(rotate(q, c, static_cast<float>(t.rotation)));
    }
  }
  return out;
}

}  // namespace foh::ui
