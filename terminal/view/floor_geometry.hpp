#pragma once
// Plan geometry shared by the floor and the editor: a table's rectangle in
// plan units (top-left position, width/height, rotation about its centre),
// hit tests, plan bounds. The overlap rule is the engine's tables_overlap
// (foh/engine/geometry.hpp), reachable here as foh::tables_overlap.
#include <array>
#include <vector>

#include "foh/engine/geometry.hpp"
#include "foh/engine/model.hpp"

namespace foh::ui {

struct Vec2 {
  float x = 0, y = 0;
};

// Width and height (engine table_extent: a default that grows with its seats).
Vec2 table_size(const Table& t);
// Position of the day (daily override) or the table's own.
Vec2 table_position(const Table& t, const DailyTableOverride* o);
Vec2 table_center(const Table& t, const DailyTableOverride* o = nullptr);
// The four corners after rotation (clockwise from top-left), plan units.
std::array<Vec2, 4> table_corners(const Table& t, const DailyTableOverride* o = nullptr);
// Axis-aligned bounds of the rotated table.
void table_bounds(const Table& t, const DailyTableOverride* o, Vec2& min, Vec2& max);
bool table_contains(const Table& t, const DailyTableOverride* o, Vec2 p);
// Bounds of everything on a plan (zones + tables), at least 100x100 units.
void plan_bounds(const std::vector<const Table*>& tables, const std::vector<const Zone*>& zones,
                 Vec2& min, Vec2& max);
// The shortest side of any table of the plan, in plan units (100 when none):
// the canvases keep it at least a touch target on screen.
float smallest_table_side(const std::vector<const Table*>& tables);
// Chairs around a table: centres in plan units, on the sides in chair_sides.
std::vector<Vec2> chair_positions(const Table& t, const DailyTableOverride* o = nullptr);

}  // namespace foh::ui
