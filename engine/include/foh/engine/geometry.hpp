#pragma once
// Floor plan geometry: a table's footprint and THE table overlap rule, used by
// the floor editor (flags), net's floor plan save (refuses) and anything else
// that places tables. Pure.
//
// Plan units; a table's position is the top-left corner of its unrotated box
// (a round table: of its bounding square); rotation is in degrees, clockwise
// on screen (y down), about the box's centre.
#include "foh/engine/model.hpp"

namespace foh {

struct PlanPoint {
  double x = 0, y = 0;
};

// THE rotation of the plan: `p` turned `degrees` about `centre`, clockwise on
// screen (y down). Footprints, corners, chairs and the editor's handles turn by it.
PlanPoint rotate_about(PlanPoint p, PlanPoint centre, double degrees);
// The x and y directions of something turned `degrees` (unit vectors): a
// table's own frame on the plan.
struct PlanAxes {
  PlanPoint u, v;
};
PlanAxes plan_axes(double degrees);

// Width and height of a table: its own, else a default that grows with its
// seats (what the floor draws for a table saved without a size).
PlanPoint table_extent(const Table& t);

// A table's area: a rotated rectangle, or for a round table the circle of
// diameter min(width, height) centred in its box (as it is drawn).
struct Footprint {
  PlanPoint centre;
  double half_w = 0, half_h = 0;  // rectangle half sizes (round: both = radius)
  double rotation = 0;            // degrees
  bool round = false;
};
Footprint footprint_of(const Table& t);

// The overlap rule: true when the two tables' areas intersect by more than
// kOverlapTolerance units. Touching edges are fine (tables pushed together
// for a combination).
inline constexpr double kOverlapTolerance = 0.5;
bool tables_overlap(const Table& a, const Table& b);
bool footprints_overlap(const Footprint& a, const Footprint& b);

// THE adjacency rule (a host's join of two tables for the day, engine
// day_join.hpp): two tables of one floor plan whose areas do not overlap
// and stand edge to edge closer than kAdjacentGap plan units, as drawn
// (rotation and round tables included). The demo's pushed-together tables
// stand 20 apart; tables 70 apart are neighbours, not a pair.
inline constexpr double kAdjacentGap = 30.0;
bool tables_adjacent(const Table& a, const Table& b);

}  // namespace foh
