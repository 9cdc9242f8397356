#pragma once
// The link the floor draws between two tables joined for the day (issue 13
// item 5): a bar between the facing edges of the two tiles' boxes, pure
// geometry so that it is tested without a frame.
#include <algorithm>

#include "view/floor_geometry.hpp"

namespace foh::ui {

struct JoinLink {
  PlanPoint from, to;  // the bar, from the first box's facing edge to the second's
  PlanPoint label;     // where "2+3" is centred: the bar's middle
};

// Boxes (min, max) of the two tiles. Side by side (the gap is wider than it
// is tall): a horizontal bar at the middle of the rows they share; otherwise
// a vertical one at the middle of the columns they share. Boxes that share no
// row (or column) link their nearest corners' middle.
inline JoinLink join_link(PlanPoint amn, PlanPoint amx, PlanPoint bmn, PlanPoint bmx) {
  const double gap_x = std::max(bmn.x - amx.x, amn.x - bmx.x);
  const double gap_y = std::max(bmn.y - amx.y, amn.y - bmx.y);
  JoinLink l;
  if (gap_x >= gap_y) {
    const double lo = std::max(amn.y, bmn.y), hi = std::min(amx.y, bmx.y);
    const double y_a = lo <= hi ? (lo + hi) / 2 : (amn.y + amx.y) / 2;
    const double y_b = lo <= hi ? y_a : (bmn.y + bmx.y) / 2;
    const bool b_right = bmn.x >= amx.x || (bmn.x + bmx.x) > (amn.x + amx.x);
    l.from = {b_right ? amx.x : amn.x, y_a};
    l.to = {b_right ? bmn.x : bmx.x, y_b};
  } else {
    const double lo = std::max(amn.x, bmn.x), hi = std::min(amx.x, bmx.x);
    const double x_a = lo <= hi ? (lo + hi) / 2 : (amn.x + amx.x) / 2;
    const double x_b = lo <= hi ? x_a : (bmn.x + bmx.x) / 2;
    const bool b_below = bmn.y >= amx.y || (bmn.y + bmx.y) > (amn.y + amx.y);
    l.from = {x_a, b_below ? amx.y : amn.y};
    l.to = {x_b, b_below ? bmn.y : bmx.y};
  }
  l.label = {(l.from.x + l.to.x) / 2, (l.from.y + l.to.y) / 2};
  return l;
}

}  // namespace foh::ui
