#pragma once
// The face of one floor tile, drawn over its shape by the canvas: the status
// icon and the table's name, then what the tile says (view/tile_text.hpp)
// fitted to the box inside the shape, the guest's marks (allergy, VIP, a late
// party waiting for an occupied table) as discs on the top-right corner, and
// the hatching of a blocked table. The top-left corner and a ring around the
// shape are left for the server's badge and section colour (server sections).
#include <imgui.h>

#include "desk.hpp"
#include "view/table_state.hpp"

namespace foh::ui {

// The tile's words and status icon inside `inner` (screen box inside the
// shape), in the tone's text colour; records each line as "tile_<table>_<n>".
void draw_tile_face(ImDrawList* dl, ImVec2 inner_min, ImVec2 inner_max, const Table& t,
                    const TableStatus& st, Language l);
// The guest's marks as discs from the top-right corner of the shape's box, leftwards.
void draw_tile_marks(ImDrawList* dl, ImVec2 box_min, ImVec2 box_max, const TableStatus& st);
// Diagonal hatching over a convex polygon (a blocked table: a pattern, not only a colour).
void hatch_convex(ImDrawList* dl, const ImVec2* pts, int n, float spacing, ImU32 col);

}  // namespace foh::ui
