// Table footprints and the overlap rule (separating axis test for rectangles,
// closest point for a circle against a rectangle).
#include "foh/engine/geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace foh {
namespace {

constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

PlanAxes axes_of(const Footprint& f) { return plan_axes(f.rotation); }

double dot(PlanPoint a, PlanPoint b) { return a.x * b.x + a.y * b.y; }

// Half the length of the rectangle's shadow on `axis` (a unit vector).
double shadow(const Footprint& f, const PlanAxes& ax, PlanPoint axis) {
  return f.half_w * std::abs(dot(ax.u, axis)) + f.half_h * std::abs(dot(ax.v, axis));
}

bool rectangles_overlap(const Footprint& a, const Footprint& b) {
  PlanAxes aa = axes_of(a), bb = axes_of(b);
  PlanPoint d{b.centre.x - a.centre.x, b.centre.y - a.centre.y};
  for (PlanPoint axis : {aa.u, aa.v, bb.u, bb.v}) {
    double depth = shadow(a, aa, axis) + shadow(b, bb, axis) - std::abs(dot(d, axis));
    if (depth <= kOverlapTolerance) return false;  // a separating axis (or mere contact)
  }
  return true;
}

bool circle_overlaps_rectangle(const Footprint& circle, const Footprint& rect) {
  PlanAxes ax = axes_of(rect);
  PlanPoint d{circle.centre.x - rect.centre.x, circle.centre.y - rect.centre.y};
  double lx = dot(d, ax.u), ly = dot(d, ax.v);  // the circle's centre in the rectangle's frame
  double cx = std::clamp(lx, -rect.half_w, rect.half_w),
         cy = std::clamp(ly, -rect.half_h, rect.half_h);
  double r = circle.half_w;
  if (cx == lx && cy == ly) {  // centre inside: depth is the distance to get out plus the radius
    double out = std::min(rect.half_w - std::abs(lx), rect.half_h - std::abs(ly));
    return out + r > kOverlapTolerance;
  }
  return std::hypot(lx - cx, ly - cy) < r - kOverlapTolerance;
}

// The circle around a footprint: tables farther apart than their two radii
// cannot touch, which settles most pairs of a plan without trigonometry.
double outer_radius(const Footprint& f) {
  return f.round ? f.half_w : std::hypot(f.half_w, f.half_h);
}

}  // namespace

PlanAxes plan_axes(double degrees) {
  const double a = degrees * kDegToRad, c = std::cos(a), s = std::sin(a);
  return {{c, s}, {-s, c}};
}

PlanPoint rotate_about(PlanPoint p, PlanPoint centre, double degrees) {
  const PlanAxes ax = plan_axes(degrees);
  const double dx = p.x - centre.x, dy = p.y - centre.y;
  return {centre.x + dx * ax.u.x + dy * ax.v.x, centre.y + dx * ax.u.y + dy * ax.v.y};
}

PlanPoint table_extent(const Table& t) {
  double base = t.capacity_max <= 2   ? 60.0
                : t.capacity_max <= 4 ? 80.0
                                      : 40.0 + 20.0 * t.capacity_max;
  double w = t.width ? *t.width : base;
  double h = t.height ? *t.height : (t.capacity_max > 4 ? 80.0 : base);
  return {std::max(w, 1.0), std::max(h, 1.0)};
}

Footprint footprint_of(const Table& t) {
  PlanPoint e = table_extent(t);
  Footprint f;
  f.centre = {t.position_x + e.x / 2, t.position_y + e.y / 2};
  f.rotation = t.rotation;
  f.round = t.shape == TableShape::Round;
  if (f.round)
    f.half_w = f.half_h = std::min(e.x, e.y) / 2;
  else
    f.half_w = e.x / 2, f.half_h = e.y / 2;
  return f;
}

bool footprints_overlap(const Footprint& a, const Footprint& b) {
  const double reach = outer_radius(a) + outer_radius(b);
  const double dx = a.centre.x - b.centre.x, dy = a.centre.y - b.centre.y;
  if (dx * dx + dy * dy >= reach * reach) return false;
  if (a.round && b.round)
    return std::hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y) <
           a.half_w + b.half_w - kOverlapTolerance;
  if (a.round) return circle_overlaps_rectangle(a, b);
  if (b.round) return circle_overlaps_rectangle(b, a);
  return rectangles_overlap(a, b);
}

bool tables_overlap(const Table& a, const Table& b) {
  return footprints_overlap(footprint_of(a), footprint_of(b));
}

namespace {

std::array<PlanPoint, 4> corners(const Footprint& f) {
  PlanAxes ax = axes_of(f);
  std::array<PlanPoint, 4> c;
  int k = 0;
  for (double sx : {-1.0, 1.0})
    for (double sy : {-1.0, 1.0})
      c[k++] = {f.centre.x + sx * f.half_w * ax.u.x + sy * f.half_h * ax.v.x,
                f.centre.y + sx * f.half_w * ax.u.y + sy * f.half_h * ax.v.y};
  std::swap(c[2], c[3]);  // around the rectangle: (-,-) (-,+) (+,+) (+,-)
  return c;
}

double point_to_segment(PlanPoint p, PlanPoint a, PlanPoint b) {
  PlanPoint ab{b.x - a.x, b.y - a.y}, ap{p.x - a.x, p.y - a.y};
  double len2 = dot(ab, ab);
  double t = len2 > 0 ? std::clamp(dot(ap, ab) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(ap.x - t * ab.x, ap.y - t * ab.y);
}

// The distance from a point to a rectangle's area (0 inside).
double point_to_rectangle(PlanPoint p, const Footprint& r) {
  PlanAxes ax = axes_of(r);
  PlanPoint d{p.x - r.centre.x, p.y - r.centre.y};
  double lx = dot(d, ax.u), ly = dot(d, ax.v);
  return std::hypot(lx - std::clamp(lx, -r.half_w, r.half_w),
                    ly - std::clamp(ly, -r.half_h, r.half_h));
}

// Edge to edge between two footprints that do not overlap: for convex
// shapes, the nearest points lie on a corner of one and an edge of the other.
double footprint_gap(const Footprint& a, const Footprint& b) {
  if (a.round && b.round)
    return std::hypot(a.centre.x - b.centre.x, a.centre.y - b.centre.y) - a.half_w - b.half_w;
  if (a.round) return point_to_rectangle(a.centre, b) - a.half_w;
  if (b.round) return point_to_rectangle(b.centre, a) - b.half_w;
  double gap = std::numeric_limits<double>::max();
  for (auto [p, q] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    auto cp = corners(*p), cq = corners(*q);
    for (PlanPoint c : cp)
      for (int k = 0; k < 4; ++k) gap = std::min(gap, point_to_segment(c, cq[k], cq[(k + 1) % 4]));
  }
  return gap;
}

}  // namespace

bool tables_adjacent(const Table& a, const Table& b) {
  if (a.floor_plan_id != b.floor_plan_id || a.id == b.id) return false;
  Footprint fa = footprint_of(a), fb = footprint_of(b);
  return !footprints_overlap(fa, fb) && footprint_gap(fa, fb) < kAdjacentGap;
}

}  // namespace foh
