#pragma once
// Plan geometry shared by the floor and the editor: a table's rectangle in
// plan units (top-left position, width/height, rotation about its centre),
// hit tests, plan bounds. Points, sizes and the rotation are the engine's
// (foh/engine/geometry.hpp: PlanPoint, table_extent, rotate_about), and so is
// the overlap rule, reachable here as foh::tables_overlap.
#include <array>
#include <vector>

#include "foh/engine/geometry.hpp"
#include "foh/engine/model.hpp"

namespace foh::ui {

// Position of the day (daily override) or the table's own.
PlanPoint table_position(const Table& t, const DailyTableOverride* o);
PlanPoint table_center(const Table& t, const DailyTableOverride* o = nullptr);
// The four corners after rotation (clockwise from top-left), plan units.
std::array<PlanPoint, 4> table_corners(const Table& t, const DailyTableOverride* o = nullptr);
// Axis-aligned bounds of the rotated table.
void table_bounds(const Table& t, const DailyTableOverride* o, PlanPoint& min, PlanPoint& max);
bool table_contains(const Table& t, const DailyTableOverride* o, PlanPoint p);
// Bounds of everything on a plan (zones + tables), at least 100x100 units.
void plan_bounds(const std::vector<const Table*>& tables, const std::vector<const Zone*>& zones,
                 PlanPoint& min, PlanPoint& max);
// The shortest side of any table of the plan, in plan units (100 when none):
// the canvases keep it at least a touch target on screen.
float smallest_table_side(const std::vector<const Table*>& tables);
// Chairs around a table: centres in plan units, on the sides in chair_sides.
std::vector<PlanPoint> chair_positions(const Table& t, const DailyTableOverride* o = nullptr);

}  // namespace foh::ui
