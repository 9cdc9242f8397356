#include <doctest/doctest.h>

#include "foh/engine/geometry.hpp"

using namespace foh;

namespace {

Table box(double x, double y, double w, double h, double rotation = 0,
          TableShape shape = TableShape::Square) {
  Table t;
  t.position_x = x, t.position_y = y, t.width = w, t.height = h, t.rotation = rotation,
  t.shape = shape;
  return t;
}

Table round(double x, double y, double d) { return box(x, y, d, d, 0, TableShape::Round); }

}  // namespace

TEST_CASE("rectangles: apart, touching and intersecting") {
  Table a = box(0, 0, 100, 50);
  CHECK_FALSE(tables_overlap(a, box(150, 0, 100, 50)));
  CHECK_FALSE(tables_overlap(a, box(100, 0, 100, 50)));  // pushed together: edges touch
  CHECK_FALSE(tables_overlap(a, box(0, 50, 100, 50)));
  CHECK(tables_overlap(a, box(90, 10, 100, 50)));
  CHECK(tables_overlap(a, box(20, 10, 10, 10)));  // one inside the other
  CHECK(tables_overlap(box(20, 10, 10, 10), a));
}

TEST_CASE("rotation counts: a long table turned a quarter reaches its neighbour") {
  // 200 x 40 centred at (100, 20); turned 90 degrees it spans y -80..120, x 80..120.
  Table long_table = box(0, 0, 200, 40);
  Table below = box(85, 70, 30, 30);
  CHECK_FALSE(tables_overlap(long_table, below));
  long_table.rotation = 90;
  CHECK(tables_overlap(long_table, below));
  // At 45 degrees the corners sweep past a square sitting beside the unrotated end.
  Table beside = box(205, 0, 40, 40);
  CHECK_FALSE(tables_overlap(box(0, 0, 200, 40), beside));
  CHECK_FALSE(tables_overlap(box(0, 0, 200, 40, 45), beside));  // shorter along x when turned
  CHECK(tables_overlap(box(0, 0, 200, 40, 45), box(150, 60, 30, 30)));
  CHECK_FALSE(tables_overlap(box(0, 0, 200, 40), box(150, 60, 30, 30)));
}

TEST_CASE("round tables are circles, not their bounding squares") {
  // Two 100-unit round tables whose squares overlap at the corners only.
  Table a = round(0, 0, 100), b = round(80, 80, 100);
  CHECK_FALSE(tables_overlap(a, b));                   // centres 113 apart, radii sum 100
  CHECK(tables_overlap(a, round(60, 60, 100)));        // 85 apart
  CHECK_FALSE(tables_overlap(a, round(100, 0, 100)));  // touching
  // A square tucked into the corner of a round table's box.
  Table corner = box(88, 88, 30, 30);
  CHECK_FALSE(tables_overlap(a, corner));
  CHECK(tables_overlap(a, box(70, 40, 30, 30)));
  CHECK(tables_overlap(box(70, 40, 30, 30), a));  // symmetric
  // A round table inside a large rectangle.
  CHECK(tables_overlap(box(-100, -100, 400, 400), a));
  // Against a rotated rectangle: turned 45 degrees, its corner reaches into the circle.
  Table diamond = box(102, 35, 30, 30, 45);  // centre (117, 50), left corner at x = 95.8
  CHECK(tables_overlap(a, diamond));
  CHECK_FALSE(tables_overlap(a, box(102, 35, 30, 30)));  // unrotated: 2 units clear of the circle
}

TEST_CASE("a table without a size gets the default that grows with its seats") {
  Table t;
  t.capacity_max = 2;
  CHECK(table_extent(t).x == doctest::Approx(60));
  t.capacity_max = 8;
  CHECK(table_extent(t).x == doctest::Approx(200));
  CHECK(table_extent(t).y == doctest::Approx(80));
  t.width = 0.0;  // degenerate sizes are kept positive
  CHECK(table_extent(t).x == doctest::Approx(1));
  Footprint f = footprint_of(box(10, 20, 100, 60, 30, TableShape::Round));
  CHECK(f.round);
  CHECK(f.half_w == doctest::Approx(30));
  CHECK(f.centre.x == doctest::Approx(60));
  CHECK(f.centre.y == doctest::Approx(50));
}

TEST_CASE("the plan's one rotation: clockwise on screen (y down), about a centre") {
  const PlanPoint q = rotate_about({110, 50}, {100, 50}, 90);  // east of the centre turns south
  CHECK(q.x == doctest::Approx(100));
  CHECK(q.y == doctest::Approx(60));
  const PlanPoint back = rotate_about(q, {100, 50}, -90);
  CHECK(back.x == doctest::Approx(110));
  CHECK(back.y == doctest::Approx(50));
  const PlanAxes ax = plan_axes(30);  // a table's own frame: unit, perpendicular, v = u turned 90
  CHECK(ax.u.x * ax.u.x + ax.u.y * ax.u.y == doctest::Approx(1));
  CHECK(ax.u.x * ax.v.x + ax.u.y * ax.v.y == doctest::Approx(0));
  const PlanPoint v = rotate_about(ax.u, {0, 0}, 90);
  CHECK(v.x == doctest::Approx(ax.v.x));
  CHECK(v.y == doctest::Approx(ax.v.y));
}
