// The link drawn between two tables joined for the day (issue 13 item 5):
// its bar goes from one tile's facing edge to the other's.
#include <doctest/doctest.h>

#include "view/join_link.hpp"

using foh::PlanPoint;
using foh::ui::join_link;

TEST_CASE("join link: side by side tables get a horizontal bar between facing edges") {
  auto l = join_link({0, 0}, {10, 10}, {14, 2}, {24, 12});
  CHECK(l.from.x == 10);
  CHECK(l.to.x == 14);
  CHECK(l.from.y == 6);  // middle of the shared rows 2..10
  CHECK(l.to.y == 6);
  CHECK(l.label.x == 12);
  // the other order: the bar goes leftwards
  auto r = join_link({14, 2}, {24, 12}, {0, 0}, {10, 10});
  CHECK(r.from.x == 14);
  CHECK(r.to.x == 10);
}

TEST_CASE("join link: stacked tables get a vertical bar between facing edges") {
  auto l = join_link({0, 0}, {10, 10}, {4, 13}, {14, 23});
  CHECK(l.from.y == 10);
  CHECK(l.to.y == 13);
  CHECK(l.from.x == 7);  // middle of the shared columns 4..10
  CHECK(l.to.x == 7);
  auto u = join_link({4, 13}, {14, 23}, {0, 0}, {10, 10});
  CHECK(u.from.y == 13);
  CHECK(u.to.y == 10);
}
