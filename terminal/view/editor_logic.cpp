// Floor editor logic: load, undo/redo of whole drafts, issues that block
// saving (the engine's overlap rule, duplicate names), combinations,
// add/duplicate/delete of tables and zones. Pure except for random ids.
#include "view/editor_logic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <random>
#include <set>

#include "foh/engine/floor.hpp"
#include "foh/engine/geometry.hpp"
#include "view/floor_geometry.hpp"

namespace foh::ui {
namespace {

constexpr size_t kUndoDepth = 100;

Table* find_table(PlanDraft& p, const Uuid& id) {
  for (Table& t : p.tables)
    if (t.id == id) return &t;
  return nullptr;
}

std::string next_free_name(const PlanDraft& p) {
  std::set<std::string> names;
  for (const Table& t : p.tables) names.insert(t.name);
  for (int n = 1;; ++n)
    if (!names.count(std::to_string(n))) return std::to_string(n);
}

// Removes combination keys that name a table no longer in the plan.
void drop_dangling_combinations(PlanDraft& p) {
  std::set<std::string> names;
  for (const Table& t : p.tables) names.insert(t.name);
  for (Table& t : p.tables)
    for (auto it = t.capacity_overrides.begin(); it != t.capacity_overrides.end();) {
      bool ok = true;
      size_t a = 0;
      const std::string& k = it->first;
      while (a <= k.size()) {
        size_t b = k.find('+', a);
        if (b == std::string::npos) b = k.size();
        if (!names.count(k.substr(a, b - a))) ok = false;
        a = b + 1;
      }
      it = ok ? std::next(it) : t.capacity_overrides.erase(it);
    }
}

void delete_selected_zone(EditorView& v) {
  if (!v.selected_zone) return;
  editor_push_undo(v);
  auto& zs = v.draft.zones;
  zs.erase(
      std::remove_if(zs.begin(), zs.end(), [&](const Zone& z) { return z.id == *v.selected_zone; }),
      zs.end());
  // Its tables stay on the plan, in no zone (undo gives the zone back to them).
  for (Table& t : v.draft.tables)
    if (t.zone_id == v.selected_zone) t.zone_id.reset();
  v.selected_zone.reset();
}

}  // namespace

void editor_place_in_zone(const PlanDraft& p, Table& t) {
  PlanPoint c = table_center(t);
  t.zone_id.reset();
  for (const Zone& z : p.zones)  // the last drawn is on top
    if (c.x >= z.position_x && c.x <= z.position_x + z.width && c.y >= z.position_y &&
        c.y <= z.position_y + z.height)
      t.zone_id = z.id;
}

Zone* editor_selected_zone(EditorView& v) {
  if (!v.selected_zone) return nullptr;
  for (Zone& z : v.draft.zones)
    if (z.id == *v.selected_zone) return &z;
  return nullptr;
}

void editor_add_zone(EditorView& v, const Desk& d) {
  editor_push_undo(v);
  Zone z;
  z.id = editor_new_id();
  z.restaurant_id = d.venue ? d.venue->restaurant.id : "";
  z.floor_plan_id = v.floor_plan_id.value_or("");
  z.width = 240, z.height = 160;
  z.position_x = std::max(0.0f, snap_to(v.view_cx - 120, v.grid));
  z.position_y = std::max(0.0f, snap_to(v.view_cy - 80, v.grid));
  z.color = kZoneColours[v.draft.zones.size() % std::size(kZoneColours)];
  z.sort_order = static_cast<int>(v.draft.zones.size());
  std::set<std::string> names;
  for (const Zone& o : v.draft.zones) names.insert(o.name);
  for (int n = static_cast<int>(v.draft.zones.size()) + 1;; ++n)
    if (!names.count(z.name = "Zone " + std::to_string(n))) break;
  v.draft.zones.push_back(z);
  v.selection.clear();
  v.selected_zone = z.id;
}

Uuid editor_new_id() {
  // Ids are made on the terminal (net's rule), so a retry is recognised.
  std::random_device rd;
  std::mt19937_64 g((static_cast<uint64_t>(rd()) << 32) ^ rd());
  uint64_t a = g(), b = g();
  a = (a & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  b = (b & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFFF),
                static_cast<unsigned>(b >> 48),
                static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
  return buf;
}

void editor_load(EditorView& v, const Desk& d, const Uuid& plan) {
  v.floor_plan_id = plan;
  v.saved = PlanDraft{};
  for (const Table& t : d.venue->tables)
    if (t.floor_plan_id == plan) v.saved.tables.push_back(t);
  for (const Zone& z : d.venue->zones)
    if (z.floor_plan_id == plan) v.saved.zones.push_back(z);
  v.draft = v.saved;
  v.undo.clear(), v.redo.clear(), v.selection.clear();
  v.selected_zone.reset();
  v.drag_start.reset();
  v.loaded = true;
  v.message.clear();
}

void editor_push_undo(EditorView& v, const std::string& typing_in) {
  if (!typing_in.empty() && typing_in == v.typing_in && !v.undo.empty()) return;
  v.typing_in = typing_in;
  v.undo.push_back(v.draft);
  if (v.undo.size() > kUndoDepth) v.undo.erase(v.undo.begin());
  v.redo.clear();
}

bool editor_undo(EditorView& v) {
  if (v.undo.empty()) return false;
  v.typing_in.clear();
  v.redo.push_back(std::move(v.draft));
  v.draft = std::move(v.undo.back());
  v.undo.pop_back();
  return true;
}

bool editor_redo(EditorView& v) {
  if (v.redo.empty()) return false;
  v.typing_in.clear();
  v.undo.push_back(std::move(v.draft));
  v.draft = std::move(v.redo.back());
  v.redo.pop_back();
  return true;
}

std::vector<EditorIssue> editor_issues(const PlanDraft& p, Language l) {
  std::vector<EditorIssue> out;
  // Every frame checks every pair: each footprint is computed once, not per pair.
  std::vector<Footprint> area;
  area.reserve(p.tables.size());
  for (const Table& t : p.tables) area.push_back(footprint_of(t));
  for (size_t i = 0; i < p.tables.size(); ++i) {
    const Table& a = p.tables[i];
    if (a.name.empty()) out.push_back({{a.id}, tr(l, "edit.no_name")});
    if (a.capacity_min > a.capacity_max || a.capacity_min < 1)
      out.push_back(
          {{a.id},
           tr_args(l, "edit.capacity",
                   {a.name, std::to_string(a.capacity_min), std::to_string(a.capacity_max)})});
    for (size_t j = i + 1; j < p.tables.size(); ++j) {
      const Table& b = p.tables[j];
      if (!a.name.empty() && a.name == b.name)
        out.push_back({{a.id, b.id}, tr_args(l, "edit.duplicate_name", {a.name})});
      if (footprints_overlap(area[i], area[j]))
        out.push_back({{a.id, b.id}, tr_args(l, "err.tables_overlap", {a.name, b.name})});
    }
  }
  return out;
}

float snap_to(float value, float grid) {
  return grid > 0 ? std::round(value / grid) * grid : value;
}

std::optional<std::string> editor_combine(EditorView& v, int seats) {
  std::vector<Table*> members;
  for (const Uuid& id : v.selection)
    if (Table* t = find_table(v.draft, id)) members.push_back(t);
  if (members.size() < 2)
    return std::string("edit.pick_two");  // keys of the language table: the screen words them
  if (seats < 1) return std::string("edit.seats_min");
  std::string key;
  for (Table* t : members) key += (key.empty() ? "" : "+") + t->name;
  editor_push_undo(v);
  for (Table* t : members) t->capacity_overrides[key] = seats;
  return std::nullopt;
}

void editor_add_table(EditorView& v, const Desk& d, TableShape shape) {
  editor_push_undo(v);
  Table t;
  t.id = editor_new_id();
  t.restaurant_id = d.venue ? d.venue->restaurant.id : "";
  t.floor_plan_id = v.floor_plan_id.value_or("");
  t.name = next_free_name(v.draft);
  t.shape = shape;
  t.capacity_min = shape == TableShape::Rectangular ? 4 : 1;
  t.capacity_max = shape == TableShape::Rectangular ? 6 : 2;
  t.width = shape == TableShape::Rectangular ? 140.0 : 70.0;
  t.height = 70.0;
  t.chair_sides = shape == TableShape::Rectangular ? (kChairTop | kChairBottom) : 15;
  // First free spot scanning the plan row by row, so a new table never lands on another.
  for (float y = 20; y < 2000; y += 90)
    for (float x = 20; x < 2000; x += 90) {
      t.position_x = x, t.position_y = y;
      bool free = std::none_of(v.draft.tables.begin(), v.draft.tables.end(),
                               [&](const Table& o) { return tables_overlap(o, t); });
      if (free) {
        editor_place_in_zone(v.draft, t);
        v.draft.tables.push_back(t);
        v.selection = {t.id};
        return;
      }
    }
}

void editor_duplicate_selection(EditorView& v, const Desk& d) {
  (void)d;
  if (v.selection.empty()) return;
  editor_push_undo(v);
  std::vector<Uuid> copies;
  for (const Uuid& id : v.selection) {
    Table* src = find_table(v.draft, id);
    if (!src) continue;
    Table t = *src;
    t.id = editor_new_id();
    t.name = next_free_name(v.draft);
    t.capacity_overrides.clear();  // a copy joins no combination by itself
    t.position_x += v.grid * 3 + table_extent(*src).x;
    editor_place_in_zone(v.draft, t);
    v.draft.tables.push_back(t);
    copies.push_back(t.id);
  }
  v.selection = copies;
}

void editor_delete_selection(EditorView& v) {
  if (v.selection.empty()) {
    delete_selected_zone(v);
    return;
  }
  editor_push_undo(v);
  auto& ts = v.draft.tables;
  ts.erase(std::remove_if(ts.begin(), ts.end(),
                          [&](const Table& t) {
                            return std::find(v.selection.begin(), v.selection.end(), t.id) !=
                                   v.selection.end();
                          }),
           ts.end());
  drop_dangling_combinations(v.draft);
  v.selection.clear();
}

EditorSave editor_save_command(const EditorView& v) {
  EditorSave s;
  s.floor_plan_id = v.floor_plan_id.value_or("");
  s.tables = v.draft.tables;
  s.zones = v.draft.zones;
  for (const Table& t : v.saved.tables)
    if (std::none_of(v.draft.tables.begin(), v.draft.tables.end(),
                     [&](const Table& x) { return x.id == t.id; }))
      s.deleted_tables.push_back(t.id);
  for (const Zone& z : v.saved.zones)
    if (std::none_of(v.draft.zones.begin(), v.draft.zones.end(),
                     [&](const Zone& x) { return x.id == z.id; }))
      s.deleted_zones.push_back(z.id);
  return s;
}

}  // namespace foh::ui
