#pragma once
// The floor editor's on-canvas handles, as pure geometry in plan units: where
// a table's resize and rotate handles and a zone's resize handle sit, and
// what dragging one to a point does. The canvas turns screen points into plan
// points and keeps the touch targets (>= 48 px) around the handles.
#include "foh/engine/model.hpp"
#include "view/floor_geometry.hpp"

namespace foh::ui {

inline constexpr float kMinTableSize = 30.0f;  // plan units: a table stays tappable
inline constexpr float kMinZoneSize = 60.0f;
inline constexpr float kRotationStep = 15.0f;  // degrees, when snapping

struct TableHandles {
  PlanPoint resize;  // the bottom-right corner, in the table's own frame
  PlanPoint rotate;  // above the top edge's middle, `lift` plan units out
};
TableHandles table_handles(const Table& t, float lift);

// Drags the resize handle to `p`: the opposite (top-left) corner stays put,
// width and height follow the pointer along the table's own axes, snapped to
// the grid when `grid` > 0; a round table stays round.
void resize_table_to(Table& t, PlanPoint p, float grid);
// Turns the table so that its rotate handle points at `p`; in 15 degree
// steps when `snap`. Result in (-180, 180].
void rotate_table_towards(Table& t, PlanPoint p, bool snap);

PlanPoint zone_resize_handle(const Zone& z);  // bottom-right corner
// The top-left corner stays put; sizes snapped to the grid when `grid` > 0.
void resize_zone_to(Zone& z, PlanPoint p, float grid);

}  // namespace foh::ui
