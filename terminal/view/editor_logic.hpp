#pragma once
// The floor editor's state and logic, without drawing (the editor screen
// draws it): the plan being edited with undo/redo, its issues (overlaps,
// duplicate names), combinations, and the save command.
#include <optional>
#include <string>
#include <vector>

#include "desk.hpp"

namespace foh::ui {

// One state of the plan being edited (what undo/redo restore).
struct PlanDraft {
  std::vector<Table> tables;  // this floor plan's tables
  std::vector<Zone> zones;
  bool operator==(const PlanDraft&) const = default;
};

struct EditorIssue {
  std::vector<Uuid> table_ids;  // the tables concerned
  std::string text;             // "Tables 7 and 8 overlap" / "Duplicate name 12"
};

// Zone colours offered by the editor (the demo's, then three more); new zones take them in turn.
inline constexpr const char* kZoneColours[] = {"#E9D8B4", "#B9D3EA", "#C5E1A5",
                                               "#F4C7C3", "#D7C4E8", "#CFCFCF"};

// What a press on the canvas grabbed: it decides what the drag does.
enum class EditorGrip { None, Move, TableResize, TableRotate, ZoneResize };

struct EditorView {
  std::optional<Uuid> floor_plan_id;  // plan being edited (first when empty)
  bool loaded = false;                // draft holds the plan's saved state
  PlanDraft saved;                    // as loaded (for "dirty")
  PlanDraft draft;
  std::vector<PlanDraft> undo, redo;  // undo stack of whole drafts (a plan is small)
  std::vector<Uuid> selection;        // tables (combination needs >= 2)
  std::optional<Uuid> selected_zone;
  float grid = 10.0f;  // plan units
  bool snap = true;
  float zoom = 1.0f, pan_x = 0, pan_y = 0;
  // An in-progress drag: the draft before it goes to undo when it ends.
  std::optional<PlanDraft> drag_start;
  EditorGrip grip = EditorGrip::None;
  float view_cx = 200, view_cy = 200;  // plan point at the canvas centre (new zones go there)
  int combination_seats = 0;           // 0 = sum of capacity_max
  bool multi = false;                  // taps add to the selection (for combinations)
  std::string message;                 // last refusal (e.g. combination of one table)
  std::string typing_in;               // field whose keystrokes share the last undo step
};

struct EditorSave {
  Uuid floor_plan_id;
  std::vector<Table> tables;         // upsert
  std::vector<Zone> zones;           // upsert
  std::vector<Uuid> deleted_tables;  // removed since load
  std::vector<Uuid> deleted_zones;
};

// View logic, unit-tested.
void editor_load(EditorView& v, const Desk& d, const Uuid& floor_plan_id);
// Call before a change. Keystrokes into one field (`typing_in`, e.g. "name:"
// + table id) share one undo step until any other change.
void editor_push_undo(EditorView& v, const std::string& typing_in = {});
bool editor_undo(EditorView& v);
bool editor_redo(EditorView& v);
std::vector<EditorIssue> editor_issues(
    const PlanDraft& p, Language l = Language::En);  // overlaps, duplicate names, min > max
float snap_to(float value, float grid);
// Declares a combination of the selected tables (names joined by '+') with `seats`
// on each member's capacity_overrides. Refuses fewer than 2 tables or seats < 1.
std::optional<std::string> editor_combine(EditorView& v, int seats);  // refusal: a table key
Uuid editor_new_id();  // a fresh random UUID v4 (ids are made on the terminal)
void editor_add_table(EditorView& v, const Desk& d, TableShape shape);
void editor_duplicate_selection(EditorView& v, const Desk& d);
void editor_delete_selection(EditorView& v);  // the selected tables, else the selected zone
// A new zone centred on (view_cx, view_cy), snapped, selected; its tables keep no zone when
// deleted.
void editor_add_zone(EditorView& v, const Desk& d);
Zone* editor_selected_zone(EditorView& v);
// A table belongs to the zone under its centre (the topmost), or to none: set
// when a table is added, duplicated or dragged, so assignment's zone preference
// follows the plan.
void editor_place_in_zone(const PlanDraft& p, Table& t);
EditorSave editor_save_command(const EditorView& v);

}  // namespace foh::ui
