// The floor's changes of the day: the note banner (Managers write it) and
// the join bar (tap two tables, confirm; split from the table's panel; undo).
#include "screens/floor_join.hpp"

#include <imgui.h>

#include <algorithm>

#include "foh/engine/day_join.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/permissions.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Language l, const char* key, const char* id) {
  return std::string(tr(l, key)) + "###" + id;
}

std::string name_of(const Desk& d, const Uuid& id) {
  const Table* t = d.floor->table(id);
  return t ? t->name : id;
}

// The note a Manager edits on this plan: the plan's own, else the whole
// floor's; null when the day has none yet.
const DailyFloorNote* note_for(const Desk& d, const std::optional<Uuid>& plan) {
  const DailyFloorNote* whole = nullptr;
  for (const DailyFloorNote& n : d.day->floor_notes) {
    if (n.date != d.day->date) continue;
    if (n.floor_plan_id && plan && *n.floor_plan_id == *plan) return &n;
    if (!n.floor_plan_id && !whole) whole = &n;
  }
  return whole;
}

bool may_write_note(const Desk& d) {
  return d.member && may_authorize(*d.member, action::kFloorNote);
}

// Buttons of one row that wrap like words (widgets' flow), the first one
// starting the row.
struct Row {
  bool started = false;
  bool button(const std::string& label, bool enabled = true) {
    if (started) flow(touch_button_width(label.c_str()));
    started = true;
    return touch_button(label.c_str(), 0.0f, enabled);
  }
};

void draw_note_editor(FloorDayView& v, const Desk& d, const DailyFloorNote* n,
                      FloorDayIntents& out) {
  Language l = d.locale;
  // The field takes the row, its label at its right.
  const std::string label = L(l, "day.note_field", "day_note_field");
  const float label_w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                        ImGui::GetStyle().ItemInnerSpacing.x * 2;
  const float width_em = std::max(8.0f, (ImGui::GetContentRegionAvail().x - label_w) / em(1));
  text_field(label.c_str(), v.note, FieldError::None, l, width_em, true);
  Row row;
  if (row.button(L(l, "action.save", "day_note_save"), !d.writing(kWriteDayNote))) {
    NoteSave s;
    if (n) s.id = n->id, s.floor_plan_id = n->floor_plan_id;
    s.note = v.note;
    out.save_note = std::move(s);
    v.editing_note = false;
  }
  if (row.button(L(l, "day.cancel", "day_note_cancel"))) v.editing_note = false;
}

void draw_notes(const Desk& d, const std::optional<Uuid>& plan) {
  for (const DailyFloorNote& n : d.day->floor_notes) {
    if (n.date != d.day->date || n.note.empty()) continue;
    if (n.floor_plan_id && plan && *n.floor_plan_id != *plan) continue;
    ImGui::PushID(n.id.c_str());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.4f, 1), "%s %s", tr(d.locale, "floor.note"),
                       n.note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopID();
  }
}

void wrapped(const std::string& text, bool error = false) {
  ImGui::PushTextWrapPos(0.0f);
  if (error)
    inline_error(text.c_str());
  else
    ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

// Join mode: what to tap next, or the picked pair to confirm (or why not).
void draw_joining(FloorDayView& v, const Desk& d, FloorDayIntents& out) {
  Language l = d.locale;
  bool ready = false;
  if (!v.first) {
    wrapped(tr(l, "day.join_pick_first"));
  } else if (!v.second) {
    wrapped(tr_args(l, "day.join_pick_second", {name_of(d, *v.first)}));
  } else if (!v.refusal.empty()) {
    wrapped(v.refusal, true);
  } else {
    const Table *a = d.floor->table(*v.first), *b = d.floor->table(*v.second);
    const int seats = (a ? a->capacity_max : 0) + (b ? b->capacity_max : 0);
    wrapped(tr_args(l, "day.join_ask",
                    {name_of(d, *v.first), name_of(d, *v.second), std::to_string(seats)}));
    ready = true;
  }
  Row row{true};  // the buttons follow the line when they fit: the canvas keeps its room
  if (ready && row.button(L(l, "action.confirm", "day_join_confirm"), !d.writing(kWriteDayJoin))) {
    out.join = std::make_pair(*v.first, *v.second);
    v = FloorDayView{false, {}, {}, {}, false, {}, v.undo};
    return;
  }
  if (row.button(L(l, "day.cancel", "day_join_cancel")))
    v = FloorDayView{false, {}, {}, {}, false, {}, v.undo};
}

}  // namespace

void draw_floor_day_bar(FloorDayView& v, const Desk& d, const std::optional<Uuid>& floor_plan_id,
                        FloorDayIntents& out) {
  if (!d.day || !d.floor) return;
  ImGui::PushID("day");
  draw_notes(d, floor_plan_id);
  const DailyFloorNote* n = note_for(d, floor_plan_id);
  if (v.editing_note) {
    draw_note_editor(v, d, n, out);
  } else if (v.joining) {
    draw_joining(v, d, out);
  } else {
    Language l = d.locale;
    Row row;
    if (may_write_note(d) &&
        row.button(
            L(l, n && !n->note.empty() ? "day.note_edit" : "day.note_write", "day_note_edit"))) {
      v.editing_note = true;
      v.note = n ? n->note : "";
    }
    if (row.button(L(l, "day.join", "day_join")))
      v = FloorDayView{true, {}, {}, {}, false, {}, v.undo};
    if (v.undo && row.button(L(l, "action.undo", "day_undo"), !d.writing(kWriteDayJoin)))
      out.undo = v.undo;
  }
  ImGui::PopID();
}

void floor_join_pick(FloorDayView& v, const Desk& d, const Uuid& table_id) {
  if (!d.day || !d.floor) return;
  if (!v.first || v.second) {  // a new pair starts
    v.first = table_id;
    v.second.reset();
    v.refusal.clear();
    return;
  }
  if (*v.first == table_id) {  // tapped again: unpicked
    v.first.reset();
    return;
  }
  v.second = table_id;
  auto st = check_join(*d.floor, *d.day, *v.first, table_id);
  v.refusal = st ? "" : error_text(d.locale, st.error());
}

void draw_split_action(const Desk& d, const Table& t, FloorDayIntents& out) {
  if (!d.day) return;
  auto rows = joins_of(*d.day, t.id);
  if (rows.empty()) return;
  Language l = d.locale;
  const DailyTableOverride& row = *rows.front();
  const std::string other = name_of(d, row.table_id == t.id ? *row.joined_with : row.table_id);
  wrapped(tr_args(l, "day.joined_with", {other}));
  // The pair as the engine names it ("2+3", the join's own order) from either table.
  const std::string pair = name_of(d, row.table_id) + "+" + name_of(d, *row.joined_with);
  const std::string split = tr_args(l, "day.split", {pair}) + "###day_split";
  if (touch_button(split.c_str(), -1.0f, !d.writing(kWriteDayJoin))) out.split = t.id;
}

std::vector<Uuid> join_picked(const FloorDayView& v) {
  std::vector<Uuid> out;
  if (v.joining && v.first) out.push_back(*v.first);
  if (v.joining && v.second) out.push_back(*v.second);
  return out;
}

}  // namespace foh::ui
