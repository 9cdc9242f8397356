// The floor editor screen: toolbar (plans, add, duplicate, delete, undo/redo,
// snap, save), the canvas, and the selected table's properties.
#include "screens/editor.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "screens/editor_canvas.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Language l, const char* key, const char* id) {
  return std::string(tr(l, key)) + "###" + id;
}

Table* single_selection(EditorView& v) {
  if (v.selection.size() != 1) return nullptr;
  for (Table& t : v.draft.tables)
    if (t.id == v.selection.front()) return &t;
  return nullptr;
}

// A labelled - n + stepper editing an int with undo; returns true when changed.
bool int_stepper(EditorView& v, const char* label, const char* id, int& value, int lo, int hi,
                 int step = 1) {
  ImGui::PushID(id);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(em(8));
  bool changed = false;
  std::string minus = std::string("-###") + id + "_minus",
              plus = std::string("+###") + id + "_plus";
  if (touch_button(minus.c_str(), 3.0f, value - step >= lo))
    editor_push_undo(v), value -= step, changed = true;
  ImGui::SameLine();
  ImGui::Text("%4d", value);
  ImGui::SameLine();
  if (touch_button(plus.c_str(), 3.0f, value + step <= hi))
    editor_push_undo(v), value += step, changed = true;
  ImGui::PopID();
  return changed;
}

// Add tables and zones, duplicate, delete, snap, multi-select: `next` places
// each button (flowing like words).
template <class Next>
void draw_plan_tools(EditorView& v, const Desk& d, Next& next) {
  Language l = d.locale;
  const std::pair<TableShape, const char*> adds[] = {{TableShape::Round, "edit_add_round"},
                                                     {TableShape::Square, "edit_add_square"},
                                                     {TableShape::Rectangular, "edit_add_rect"}};
  for (auto [shape, id] : adds) {
    std::string key = std::string("edit.") + (id + 5);  // "edit.add_round"...
    std::string label = L(l, key.c_str(), id);
    next(label);
    if (touch_button(label.c_str())) editor_add_table(v, d, shape);
  }
  const std::string zone = L(l, "edit.add_zone", "edit_add_zone"),
                    dup = L(l, "edit.duplicate", "edit_duplicate"),
                    del = L(l, "edit.delete", "edit_delete"), snap = L(l, "edit.snap", "edit_snap"),
                    multi = L(l, "edit.multi", "edit_multi");
  next(zone);
  if (touch_button(zone.c_str())) editor_add_zone(v, d);
  next(dup, 2);
  if (touch_button(dup.c_str(), 0, !v.selection.empty())) editor_duplicate_selection(v, d);
  next(del);
  bool deletable = !v.selection.empty() || v.selected_zone.has_value();
  if (touch_button(del.c_str(), 0, deletable)) editor_delete_selection(v);
  next(snap, 2);
  if (toggle_button(snap.c_str(), v.snap)) v.snap = !v.snap;
  next(multi);
  if (toggle_button(multi.c_str(), v.multi)) v.multi = !v.multi;
}

// Plans, then undo/redo/discard/save; then what adds, removes or changes how
// taps act. The buttons wrap like words, so every one stays whole on a narrow
// tablet (three or four rows at 800 px, two at 1280).
void draw_toolbar(EditorView& v, const Desk& d, const std::vector<EditorIssue>& issues,
                  EditorIntents& out) {
  Language l = d.locale;
  bool dirty = !(v.draft == v.saved);
  bool first = true;
  // Before every button but the first: on this line if it fits, else the next.
  auto next = [&first](const std::string& label, float gap_em = 0.0f) {
    if (!first) flow(touch_button_width(label.c_str()), gap_em);
    first = false;
  };
  for (const FloorPlan& p : d.venue->floor_plans) {
    ImGui::PushID(p.id.c_str());
    std::string label = p.name + "###edit_plan_" + p.name;
    next(label);
    // Switching plans drops unsaved edits only through Discard: disabled while dirty.
    if (toggle_button(label.c_str(), v.floor_plan_id == p.id) && !dirty && v.floor_plan_id != p.id)
      editor_load(v, d, p.id);
    ImGui::PopID();
  }
  const std::string undo = L(l, "edit.undo", "edit_undo"), redo = L(l, "edit.redo", "edit_redo"),
                    discard = L(l, "edit.discard", "edit_discard"),
                    save = L(l, "action.save", "edit_save");
  next(undo, 2);
  if (touch_button(undo.c_str(), 0, !v.undo.empty())) editor_undo(v);
  next(redo);
  if (touch_button(redo.c_str(), 0, !v.redo.empty())) editor_redo(v);
  next(discard, 2);
  if (touch_button(discard.c_str(), 0, dirty)) {
    out.discard = true;
    editor_load(v, d, *v.floor_plan_id);
  }
  next(save);
  if (touch_button(save.c_str(), 0, dirty && issues.empty())) {
    out.save = editor_save_command(v);
    v.saved = v.draft;  // the shell reloads on failure (editor_load)
  }
  first = true;  // what changes the plan starts a line of its own
  draw_plan_tools(v, d, next);
}

// The selected zone's name and colour (its place and size are dragged on the canvas).
void draw_zone_properties(EditorView& v, Language l) {
  Zone* z = editor_selected_zone(v);
  if (!z) return;
  std::string name = z->name;
  FieldError ne = name.empty() ? FieldError::NameEmpty : FieldError::None;
  if (text_field(L(l, "edit.zone_name", "edit_zone_name").c_str(), name, ne, l, 8)) {
    editor_push_undo(v, "zone_name:" + z->id);
    editor_selected_zone(v)->name = name;
  }
  ImGui::TextUnformatted(tr(l, "edit.zone_colour"));
  bool first = true;
  for (const char* c : kZoneColours) {
    if (!first) flow(em(3));  // the swatches wrap in a narrow panel
    first = false;
    unsigned r = 0, g = 0, b = 0;
    std::sscanf(c + 1, "%02x%02x%02x", &r, &g, &b);
    ImGui::PushID(c);
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(r, g, b, 255));
    std::string label = std::string(editor_selected_zone(v)->color == c ? "*" : " ") +
                        "###edit_zone_colour_" + (c + 1);
    if (touch_button(label.c_str(), 3.0f) && editor_selected_zone(v)->color != c)
      editor_push_undo(v), editor_selected_zone(v)->color = c;
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

void draw_properties(EditorView& v, const Desk& d) {
  Language l = d.locale;
  if (v.selection.empty()) draw_zone_properties(v, l);
  if (Table* t = single_selection(v)) {
    std::string name = t->name;
    FieldError ne = name.empty() ? FieldError::NameEmpty : FieldError::None;
    if (text_field(L(l, "field.name", "edit_name").c_str(), name, ne, l, 6)) {
      editor_push_undo(v, "name:" + t->id);
      single_selection(v)->name = name;
      t = single_selection(v);
    }
    int_stepper(v, tr(l, "edit.cap_min"), "edit_cap_min", t->capacity_min, 1, 99);
    int_stepper(v, tr(l, "edit.cap_max"), "edit_cap_max", t->capacity_max, 1, 99);
    int_stepper(v, tr(l, "edit.fill_group"), "edit_fill", t->fill_group, 0, 99);
    int w = static_cast<int>(t->width.value_or(70)), h = static_cast<int>(t->height.value_or(70));
    if (int_stepper(v, tr(l, "edit.width"), "edit_w", w, 20, 600, 10))
      single_selection(v)->width = w;
    t = single_selection(v);
    if (int_stepper(v, tr(l, "edit.height"), "edit_h", h, 20, 600, 10))
      single_selection(v)->height = h;
    t = single_selection(v);
    int rot = static_cast<int>(t->rotation);
    if (int_stepper(v, tr(l, "edit.rotation"), "edit_rot", rot, -180, 180, 15))
      single_selection(v)->rotation = rot;
    t = single_selection(v);
    const std::pair<TableShape, const char*> shapes[] = {
        {TableShape::Round, "edit_shape_round"},
        {TableShape::Square, "edit_shape_square"},
        {TableShape::Rectangular, "edit_shape_rect"}};
    for (auto [s, id] : shapes) {
      std::string label = std::string(tr(l, id)) + "###" + id;
      if (toggle_button(label.c_str(), t->shape == s))
        editor_push_undo(v), single_selection(v)->shape = s;
      t = single_selection(v);
      ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::TextUnformatted(tr(l, "edit.chairs"));
    const std::pair<int, const char*> sides[] = {{kChairTop, "edit_side_top"},
                                                 {kChairRight, "edit_side_right"},
                                                 {kChairBottom, "edit_side_bottom"},
                                                 {kChairLeft, "edit_side_left"}};
    for (auto [bit, id] : sides) {
      std::string label = std::string(tr(l, id)) + "###" + id;
      bool on = (t->chair_sides & bit) != 0;
      if (toggle_button(label.c_str(), on))
        editor_push_undo(v), single_selection(v)->chair_sides ^= bit;
      t = single_selection(v);
      ImGui::SameLine();
    }
    ImGui::NewLine();
  }
  if (v.selection.size() >= 2) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr(l, "edit.combination"));
    if (v.combination_seats < 1) {
      int sum = 0;
      for (const Table& t : v.draft.tables)
        if (std::find(v.selection.begin(), v.selection.end(), t.id) != v.selection.end())
          sum += t.capacity_max;
      v.combination_seats = sum;
    }
    party_stepper("combo_seats", v.combination_seats);
    if (touch_button(L(l, "edit.declare", "edit_combine").c_str(), -1.0f)) {
      auto err = editor_combine(v, v.combination_seats);
      v.message = err ? tr(l, *err) : "";
    }
  }
  if (!v.message.empty()) inline_error(v.message.c_str());
}

}  // namespace

void draw_editor(EditorView& v, const Desk& d, EditorIntents& out) {
  if (!d.venue || d.venue->floor_plans.empty()) return;
  ImGui::PushID("editor");
  if (!v.loaded) editor_load(v, d, v.floor_plan_id.value_or(d.venue->floor_plans.front().id));
  std::vector<EditorIssue> issues = editor_issues(v.draft, d.locale);
  draw_toolbar(v, d, issues, out);
  for (const EditorIssue& i : issues) inline_error(i.text.c_str());
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("editor_canvas_area", ImVec2(avail.x - em(20), avail.y), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  draw_editor_canvas(v, d, issues);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("editor_props", ImVec2(0, avail.y), true);
  draw_properties(v, d);
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace foh::ui
