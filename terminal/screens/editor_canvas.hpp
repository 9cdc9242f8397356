#pragma once
// The floor editor's canvas (private to the editor screen).
#include <vector>

#include "screens/editor.hpp"

namespace foh::ui {

void draw_editor_canvas(EditorView& v, const Desk& d, const std::vector<EditorIssue>& issues);

}  // namespace foh::ui
