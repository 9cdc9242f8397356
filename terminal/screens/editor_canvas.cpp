// The editor's canvas: tap to select (multi-select mode adds), drag to move
// the selection or a zone, snapped to the grid on release; the selected
// table's handles resize and rotate it, the selected zone's corner resizes
// it; one undo step per drag. Wheel or pinch zooms, two fingers pan. Issues
// are outlined in red.
#include "screens/editor_canvas.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "screens/editor.hpp"
#include "view/editor_handles.hpp"
#include "view/floor_geometry.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

struct Xf {
  ImVec2 o;
  float px, py, s;
  ImVec2 scr(PlanPoint p) const {
    return {o.x + static_cast<float>(p.x - px) * s, o.y + static_cast<float>(p.y - py) * s};
  }
  PlanPoint plan(ImVec2 q) const { return {px + (q.x - o.x) / s, py + (q.y - o.y) / s}; }
};

bool selected(const EditorView& v, const Uuid& id) {
  return std::find(v.selection.begin(), v.selection.end(), id) != v.selection.end();
}

Table* table_at(EditorView& v, PlanPoint p) {
  for (auto it = v.draft.tables.rbegin(); it != v.draft.tables.rend(); ++it)
    if (table_contains(*it, nullptr, p)) return &*it;
  return nullptr;
}

Zone* zone_at(EditorView& v, PlanPoint p) {
  for (auto it = v.draft.zones.rbegin(); it != v.draft.zones.rend(); ++it)
    if (p.x >= it->position_x && p.x <= it->position_x + it->width && p.y >= it->position_y &&
        p.y <= it->position_y + it->height)
      return &*it;
  return nullptr;
}

void move_by(EditorView& v, float dx, float dy) {
  if (!v.selection.empty()) {
    for (Table& t : v.draft.tables)
      if (selected(v, t.id)) t.position_x += dx, t.position_y += dy;
  } else if (v.selected_zone) {
    // A zone carries its tables: the manager moves the room, not only its colour.
    for (Zone& z : v.draft.zones)
      if (z.id == *v.selected_zone) z.position_x += dx, z.position_y += dy;
    for (Table& t : v.draft.tables)
      if (t.zone_id == v.selected_zone) t.position_x += dx, t.position_y += dy;
  }
}

Table* single_selected(EditorView& v) {
  if (v.selection.size() != 1) return nullptr;
  for (Table& t : v.draft.tables)
    if (t.id == v.selection.front()) return &t;
  return nullptr;
}

// How far the rotate handle stands off the table's top edge, in plan units.
float rotate_lift(const Xf& x) { return touch_target() * 0.8f / x.s; }

// Where the resize grip is drawn and touched: off the table's corner, away
// from its centre, so the grip's touch target never covers the table itself.
// The drag subtracts the same offset, so the corner follows the finger.
ImVec2 resize_offset(const Xf& x, const Table& t, PlanPoint corner) {
  const ImVec2 c = x.scr(table_center(t)), k = x.scr(corner);
  const float dx = k.x - c.x, dy = k.y - c.y, len = std::sqrt(dx * dx + dy * dy);
  if (len < 1) return ImVec2(0, 0);
  const float reach = touch_target() * 0.71f;  // half the target's diagonal
  return ImVec2(dx / len * reach, dy / len * reach);
}

ImVec2 resize_grip(const Xf& x, const Table& t, PlanPoint corner) {
  const ImVec2 k = x.scr(corner), off = resize_offset(x, t, corner);
  return ImVec2(k.x + off.x, k.y + off.y);
}

bool near(ImVec2 a, ImVec2 b) {
  float r = touch_target() / 2;  // the handle's touch target, >= 48 px across
  return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) <= r * r;
}

// A handle of the selected table or zone under the pointer, if any.
EditorGrip handle_at(EditorView& v, const Xf& x, ImVec2 m) {
  if (Table* t = single_selected(v)) {
    TableHandles h = table_handles(*t, rotate_lift(x));
    if (near(m, x.scr(h.rotate))) return EditorGrip::TableRotate;
    if (near(m, resize_grip(x, *t, h.resize))) return EditorGrip::TableResize;
  } else if (Zone* z = v.selection.empty() ? editor_selected_zone(v) : nullptr) {
    if (near(m, x.scr(zone_resize_handle(*z)))) return EditorGrip::ZoneResize;
  }
  return EditorGrip::None;
}

void begin_press(EditorView& v, const Xf& x, ImVec2 m) {
  v.typing_in.clear();  // typing again after touching the plan is a new step
  v.drag_start = v.draft;
  v.grip = handle_at(v, x, m);
  if (v.grip != EditorGrip::None) return;
  v.grip = EditorGrip::Move;
  PlanPoint p = x.plan(m);
  if (Table* t = table_at(v, p)) {
    v.selected_zone.reset();
    if (v.multi) {
      auto it = std::find(v.selection.begin(), v.selection.end(), t->id);
      if (it == v.selection.end())
        v.selection.push_back(t->id);
      else
        v.selection.erase(it);
    } else if (!selected(v, t->id)) {
      v.selection = {t->id};
    }
  } else if (Zone* z = zone_at(v, p)) {
    if (!v.multi) v.selection.clear();
    v.selected_zone = z->id;
  } else {
    v.selection.clear();
    v.selected_zone.reset();
  }
}

// The pointer moved while pressed: what it does depends on what it grabbed.
void drag_to(EditorView& v, const Xf& x, ImVec2 m, ImVec2 delta) {
  float grid = v.snap ? v.grid : 0.0f;
  switch (v.grip) {
    case EditorGrip::TableResize:
      if (Table* t = single_selected(v)) {
        const ImVec2 off = resize_offset(x, *t, table_handles(*t, rotate_lift(x)).resize);
        resize_table_to(*t, x.plan(ImVec2(m.x - off.x, m.y - off.y)), grid);
      }
      break;
    case EditorGrip::TableRotate:
      if (Table* t = single_selected(v)) rotate_table_towards(*t, x.plan(m), v.snap);
      break;
    case EditorGrip::ZoneResize:
      if (Zone* z = editor_selected_zone(v)) resize_zone_to(*z, x.plan(m), grid);
      break;
    case EditorGrip::Move:
      move_by(v, delta.x / x.s, delta.y / x.s);
      break;
    case EditorGrip::None:
      break;
  }
}

void end_drag(EditorView& v) {
  EditorGrip grip = std::exchange(v.grip, EditorGrip::None);
  if (!v.drag_start) return;
  if (grip == EditorGrip::Move)
    for (Table& t : v.draft.tables)
      if (selected(v, t.id)) {
        if (v.snap) {
          t.position_x = snap_to(static_cast<float>(t.position_x), v.grid);
          t.position_y = snap_to(static_cast<float>(t.position_y), v.grid);
        }
        const auto& was = v.drag_start->tables;
        auto before =
            std::find_if(was.begin(), was.end(), [&](const Table& o) { return o.id == t.id; });
        if (before == was.end() || !(*before == t))
          editor_place_in_zone(v.draft, t);  // maybe into another zone
      }
  if (v.snap && grip == EditorGrip::Move && v.selection.empty())
    if (const Zone* z = editor_selected_zone(v)) {  // its tables follow the snap
      const auto x = static_cast<float>(z->position_x), y = static_cast<float>(z->position_y);
      move_by(v, snap_to(x, v.grid) - x, snap_to(y, v.grid) - y);
    }
  if (!(v.draft == *v.drag_start)) {  // one undo step for the whole drag
    v.undo.push_back(std::move(*v.drag_start));
    v.typing_in.clear();
    v.redo.clear();
  }
  v.drag_start.reset();
}

ImU32 zone_colour(const std::string& hex) {
  unsigned r = 136, g = 136, b = 136;
  if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
  return IM_COL32(r, g, b, 90);
}

void draw_zones(const EditorView& v, const Xf& x, ImDrawList* dl) {
  for (const Zone& z : v.draft.zones) {
    ImVec2 a = x.scr({static_cast<float>(z.position_x), static_cast<float>(z.position_y)});
    ImVec2 b = x.scr(
        {static_cast<float>(z.position_x + z.width), static_cast<float>(z.position_y + z.height)});
    dl->AddRectFilled(a, b, zone_colour(z.color));
    if (v.selected_zone == z.id) dl->AddRect(a, b, IM_COL32(255, 255, 255, 255), 0, 0, 2.0f);
    dl->AddText(ImVec2(a.x + em(0.3f), a.y + em(0.2f)), IM_COL32(230, 230, 230, 255),
                z.name.c_str());
    // The zone's name strip, a touch target tall, so a script can select the
    // zone; a table standing on it takes the tap first (the zone is its ground).
    std::string id = "edit_zone_" + z.name;
    record_rect(id.c_str(), a.x, a.y, std::min(b.x, a.x + std::max(em(6), touch_target())),
                std::min(b.y, a.y + touch_target()));
  }
}

void draw_table(const EditorView& v, const Xf& x, const Table& t, bool bad, ImDrawList* dl) {
  ImU32 fill = bad ? IM_COL32(200, 60, 50, 255) : IM_COL32(120, 120, 130, 255);
  ImU32 line = selected(v, t.id) ? IM_COL32(255, 230, 0, 255) : IM_COL32(30, 30, 30, 255);
  for (const PlanPoint& c : chair_positions(t))
    dl->AddCircleFilled(x.scr(c), std::max(2.0f, 7 * x.s), IM_COL32(150, 140, 130, 255));
  auto k = table_corners(t);
  ImVec2 p[4] = {x.scr(k[0]), x.scr(k[1]), x.scr(k[2]), x.scr(k[3])};
  if (t.shape == TableShape::Round) {
    PlanPoint s = table_extent(t);
    ImVec2 c = x.scr(table_center(t));
    dl->AddCircleFilled(c, std::min(s.x, s.y) / 2 * x.s, fill);
    dl->AddCircle(c, std::min(s.x, s.y) / 2 * x.s, line, 0, 2.0f);
  } else {
    dl->AddQuadFilled(p[0], p[1], p[2], p[3], fill);
    dl->AddQuad(p[0], p[1], p[2], p[3], line, 2.0f);
  }
  ImVec2 c = x.scr(table_center(t));
  ImVec2 ts = ImGui::CalcTextSize(t.name.c_str());
  dl->AddText(ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(255, 255, 255, 255), t.name.c_str());
  PlanPoint mn, mx;
  table_bounds(t, nullptr, mn, mx);
  ImVec2 a = x.scr(mn), b = x.scr(mx);
  std::string id = "edit_table_" + t.name;
  record_rect(id.c_str(), a.x, a.y, b.x, b.y);
}

// A handle: drawn small, recorded with its whole touch target.
void draw_handle(const char* id, ImVec2 at, bool round, ImDrawList* dl) {
  float r = em(0.55f), hit = touch_target() / 2;
  ImU32 fill = IM_COL32(255, 230, 0, 255), line = IM_COL32(30, 30, 30, 255);
  if (round) {  // rotate: a round knob
    dl->AddCircleFilled(at, r, fill);
    dl->AddCircle(at, r, line, 0, 1.5f);
  } else {  // resize: a square corner grip
    dl->AddRectFilled(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), fill);
    dl->AddRect(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), line, 0, 0, 1.5f);
  }
  record_rect(id, at.x - hit, at.y - hit, at.x + hit, at.y + hit);
}

void draw_handles(EditorView& v, const Xf& x, ImDrawList* dl) {
  if (const Table* t = single_selected(v)) {
    TableHandles h = table_handles(*t, rotate_lift(x));
    ImVec2 c = x.scr(table_center(*t)), rot = x.scr(h.rotate);
    dl->AddLine(c, rot, IM_COL32(255, 230, 0, 200), 2.0f);
    draw_handle("edit_handle_rotate", rot, true, dl);
    const ImVec2 corner = x.scr(h.resize), grip = resize_grip(x, *t, h.resize);
    dl->AddLine(corner, grip, IM_COL32(255, 230, 0, 200), 2.0f);
    draw_handle("edit_handle_resize", grip, false, dl);
  } else if (const Zone* z = v.selection.empty() ? editor_selected_zone(v) : nullptr) {
    draw_handle("edit_zone_resize", x.scr(zone_resize_handle(*z)), false, dl);
  }
}

void draw_plan(EditorView& v, const Xf& x, const std::vector<EditorIssue>& issues, ImDrawList* dl) {
  draw_zones(v, x, dl);
  for (const Table& t : v.draft.tables) {
    bool bad = std::any_of(issues.begin(), issues.end(), [&](const EditorIssue& i) {
      return std::find(i.table_ids.begin(), i.table_ids.end(), t.id) != i.table_ids.end();
    });
    draw_table(v, x, t, bad, dl);
  }
  draw_handles(v, x, dl);
}

void draw_grid(const EditorView& v, const Xf& x, ImVec2 origin, ImVec2 size, ImDrawList* dl) {
  if (!v.snap || v.grid * x.s < 6) return;  // grid lines only when they are not a blur
  float step = v.grid * x.s * (v.grid * x.s < 12 ? 5 : 1);
  // Lines through plan multiples of the grid, from the canvas's left and top edges.
  float gx0 = x.o.x - std::fmod(v.pan_x * x.s, step), gy0 = x.o.y - std::fmod(v.pan_y * x.s, step);
  gx0 -= std::ceil((gx0 - origin.x) / step) * step,
      gy0 -= std::ceil((gy0 - origin.y) / step) * step;
  for (float gx = gx0; gx < origin.x + size.x; gx += step)
    dl->AddLine(ImVec2(gx, origin.y), ImVec2(gx, origin.y + size.y), IM_COL32(60, 60, 66, 255));
  for (float gy = gy0; gy < origin.y + size.y; gy += step)
    dl->AddLine(ImVec2(origin.x, gy), ImVec2(origin.x + size.x, gy), IM_COL32(60, 60, 66, 255));
}

// Zoom by `factor` about the screen point `m`, keeping the plan point under it.
void zoom_at(EditorView& v, const Xf& x, float base, ImVec2 m, float factor) {
  PlanPoint q = x.plan(m);
  v.zoom = std::clamp(v.zoom * factor, 0.25f, 8.0f);
  v.pan_x = q.x - (m.x - x.o.x) / (base * v.zoom);
  v.pan_y = q.y - (m.y - x.o.y) / (base * v.zoom);
}

}  // namespace

void draw_editor_canvas(EditorView& v, const Desk& d, const std::vector<EditorIssue>& issues) {
  ImVec2 avail = ImGui::GetContentRegionAvail();
  avail.x = std::max(avail.x, em(10)), avail.y = std::max(avail.y, em(10));
  // The scale fits the plan as saved, so it does not jump while a table is dragged.
  std::vector<const Table*> tp;
  std::vector<const Zone*> zp;
  for (const Table& t : v.saved.tables) tp.push_back(&t);
  for (const Zone& z : v.saved.zones) zp.push_back(&z);
  PlanPoint mn, mx;
  plan_bounds(tp, zp, mn, mx);
  // Room above and left of the plan for the handles of tables along its edges.
  ImVec2 margin(em(0.5f), touch_target());
  const float fit =
      std::min((avail.x - margin.x) / (mx.x + 40), (avail.y - margin.y) / (mx.y + 40));
  // Never a table under a fingertip: on a small screen the plan keeps that size and scrolls.
  const float base = std::max(fit, touch_target() / smallest_table_side(tp));
  const bool scrolls = base > fit * 1.001f;
  ImVec2 size = avail;
  if (scrolls) {
    ImGui::BeginChild("editor_scroll", avail, false, ImGuiWindowFlags_HorizontalScrollbar);
    const float bar = ImGui::GetStyle().ScrollbarSize;
    size = ImVec2(std::max<float>(margin.x + (mx.x + 40) * base, avail.x - bar),
                  std::max<float>(margin.y + (mx.y + 40) * base, avail.y - bar));
  }
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("editor_canvas", size);
  record_item("editor_canvas");
  ImVec2 plan_origin(origin.x + margin.x, origin.y + margin.y);
  ImGuiIO& io = ImGui::GetIO();
  Xf x{plan_origin, v.pan_x, v.pan_y, base * v.zoom};
  if (ImGui::IsItemHovered() && io.MouseWheel != 0)
    zoom_at(v, x, base, io.MousePos, std::pow(1.15f, io.MouseWheel));
  if (d.gestures.pinch_scale != 1.0f)
    zoom_at(v, x, base, ImVec2(d.gestures.center_x, d.gestures.center_y), d.gestures.pinch_scale);
  if (d.gestures.pan_dx != 0 || d.gestures.pan_dy != 0) {
    v.pan_x -= d.gestures.pan_dx / (base * v.zoom);
    v.pan_y -= d.gestures.pan_dy / (base * v.zoom);
  }
  x = Xf{plan_origin, v.pan_x, v.pan_y, base * v.zoom};
  PlanPoint centre = x.plan(ImVec2(origin.x + size.x / 2, origin.y + size.y / 2));
  v.view_cx = centre.x, v.view_cy = centre.y;
  if (ImGui::IsItemActivated()) begin_press(v, x, io.MousePos);
  if (d.gestures.fingers >= 2 &&
      v.drag_start) {  // a pinch, not a drag: undo what its first finger moved
    v.draft = *v.drag_start;
    v.grip = EditorGrip::None;
  }
  if (ImGui::IsItemActive() && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) && v.drag_start)
    drag_to(v, x, io.MousePos, io.MouseDelta);
  if (ImGui::IsItemDeactivated()) end_drag(v);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                    IM_COL32(40, 40, 44, 255));
  draw_grid(v, x, origin, size, dl);
  draw_plan(v, x, issues, dl);
  dl->PopClipRect();
  if (scrolls) ImGui::EndChild();
}

}  // namespace foh::ui
