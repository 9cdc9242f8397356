#pragma once
// Floor editor (managers and admins): drag tables and zones; rotate and
// resize a table and resize a zone with on-canvas handles, snapped to the
// grid; add/duplicate/delete tables and zones with undo/redo; edit name,
// capacities, shape, chair sides, fill group, a zone's name and colour;
// declare a combination by selecting tables and giving its capacity.
// Overlapping tables (the engine's tables_overlap) and duplicate names are
// flagged and Save is disabled while any remain.
#include <optional>

#include "desk.hpp"
#include "view/editor_logic.hpp"

namespace foh::ui {

struct EditorIntents {
  std::optional<EditorSave> save;  // only when issues are empty
  bool discard = false;
};

void draw_editor(EditorView& v, const Desk& d, EditorIntents& out);

}  // namespace foh::ui
