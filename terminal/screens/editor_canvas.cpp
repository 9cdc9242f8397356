// The editor's canvas: tap to select (multi-select mode adds), drag to move
// the selection or a zone, snapped to the grid on release; one undo step per
// drag. Issues are outlined in red.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "screens/editor.hpp"
#include "screens/editor_canvas.hpp"
#include "view/floor_geometry.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

struct Xf {
  ImVec2 o;
  float px, py, s;
  ImVec2 scr(Vec2 p) const { return {o.x + (p.x - px) * s, o.y + (p.y - py) * s}; }
  Vec2 plan(ImVec2 q) const { return {px + (q.x - o.x) / s, py + (q.y - o.y) / s}; }
};

bool selected(const EditorView& v, const Uuid& id) {
  return std::find(v.selection.begin(), v.selection.end(), id) != v.selection.end();
}

Table* table_at(EditorView& v, Vec2 p) {
  for (auto it = v.draft.tables.rbegin(); it != v.draft.tables.rend(); ++it)
    if (table_contains(*it, nullptr, p)) return &*it;
  return nullptr;
}

Zone* zone_at(EditorView& v, Vec2 p) {
  for (auto it = v.draft.zones.rbegin(); it != v.draft.zones.rend(); ++it)
    if (p.x >= it->position_x && p.x <= it->position_x + it->width && p.y >= it->position_y &&
        p.y <= it->position_y + it->height)
      return &*it;
  return nullptr;
}

void begin_press(EditorView& v, Vec2 p) {
  v.drag_start = v.draft;
  if (Table* t = table_at(v, p)) {
    v.selected_zone.reset();
    if (v.multi) {
      auto it = std::find(v.selection.begin(), v.selection.end(), t->id);
      if (it == v.selection.end()) v.selection.push_back(t->id);
      else v.selection.erase(it);
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

void move_by(EditorView& v, float dx, float dy) {
  if (!v.selection.empty()) {
    for (Table& t : v.draft.tables)
      if (selected(v, t.id)) t.position_x += dx, t.position_y += dy;
  } else if (v.selected_zone) {
    for (Zone& z : v.draft.zones)
      if (z.id == *v.selected_zone) z.position_x += dx, z.position_y += dy;
  }
}

void end_drag(EditorView& v) {
  if (!v.drag_start) return;
  if (v.snap)
    for (Table& t : v.draft.tables)
      if (selected(v, t.id)) {
        t.position_x = snap_to(static_cast<float>(t.position_x), v.grid);
        t.position_y = snap_to(static_cast<float>(t.position_y), v.grid);
      }
  if (v.snap && v.selected_zone)
    for (Zone& z : v.draft.zones)
      if (z.id == *v.selected_zone) {
        z.position_x = snap_to(static_cast<float>(z.position_x), v.grid);
        z.position_y = snap_to(static_cast<float>(z.position_y), v.grid);
      }
  if (!(v.draft == *v.drag_start)) {  // one undo step for the whole drag
    v.undo.push_back(std::move(*v.drag_start));
    v.redo.clear();
  }
  v.drag_start.reset();
}

ImU32 zone_colour(const std::string& hex) {
  unsigned r = 136, g = 136, b = 136;
  if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
  return IM_COL32(r, g, b, 90);
}

void draw_plan(const EditorView& v, const Xf& x, const std::vector<EditorIssue>& issues, ImDrawList* dl) {
  for (const Zone& z : v.draft.zones) {
    ImVec2 a = x.scr({static_cast<float>(z.position_x), static_cast<float>(z.position_y)});
    ImVec2 b = x.scr({static_cast<float>(z.position_x + z.width), static_cast<float>(z.position_y + z.height)});
    dl->AddRectFilled(a, b, zone_colour(z.color));
    if (v.selected_zone == z.id) dl->AddRect(a, b, IM_COL32(255, 255, 255, 255), 0, 0, 2.0f);
    dl->AddText(ImVec2(a.x + em(0.3f), a.y + em(0.2f)), IM_COL32(230, 230, 230, 255), z.name.c_str());
  }
  for (const Table& t : v.draft.tables) {
    bool bad = std::any_of(issues.begin(), issues.end(), [&](const EditorIssue& i) {
      return std::find(i.table_ids.begin(), i.table_ids.end(), t.id) != i.table_ids.end();
    });
    ImU32 fill = bad ? IM_COL32(200, 60, 50, 255) : IM_COL32(120, 120, 130, 255);
    ImU32 line = selected(v, t.id) ? IM_COL32(255, 230, 0, 255) : IM_COL32(30, 30, 30, 255);
    for (const Vec2& c : chair_positions(t)) dl->AddCircleFilled(x.scr(c), std::max(2.0f, 7 * x.s), IM_COL32(150, 140, 130, 255));
    auto k = table_corners(t);
    ImVec2 p[4] = {x.scr(k[0]), x.scr(k[1]), x.scr(k[2]), x.scr(k[3])};
    if (t.shape == TableShape::Round) {
      Vec2 s = table_size(t);
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
    Vec2 mn, mx;
    table_bounds(t, nullptr, mn, mx);
    ImVec2 a = x.scr(mn), b = x.scr(mx);
    std::string id = "edit_table_" + t.name;
    record_rect(id.c_str(), a.x, a.y, b.x, b.y);
  }
}

}  // namespace

void draw_editor_canvas(EditorView& v, const Desk& d, const std::vector<EditorIssue>& issues) {
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, em(10)), size.y = std::max(size.y, em(10));
  ImGui::InvisibleButton("editor_canvas", size);
  record_item("editor_canvas");
  std::vector<const Table*> tp;
  std::vector<const Zone*> zp;
  for (const Table& t : v.saved.tables) tp.push_back(&t);
  for (const Zone& z : v.saved.zones) zp.push_back(&z);
  Vec2 mn, mx;
  plan_bounds(tp, zp, mn, mx);
  float base = std::min(size.x / (mx.x + 40), size.y / (mx.y + 40));
  ImGuiIO& io = ImGui::GetIO();
  Xf x{origin, v.pan_x, v.pan_y, base * v.zoom};
  if (ImGui::IsItemHovered() && io.MouseWheel != 0) {
    Vec2 q = x.plan(io.MousePos);
    v.zoom = std::clamp(v.zoom * std::pow(1.15f, io.MouseWheel), 0.25f, 8.0f);
    v.pan_x = q.x - (io.MousePos.x - origin.x) / (base * v.zoom);
    v.pan_y = q.y - (io.MousePos.y - origin.y) / (base * v.zoom);
  }
  if (d.gestures.pan_dx != 0 || d.gestures.pan_dy != 0) {
    v.pan_x -= d.gestures.pan_dx / (base * v.zoom);
    v.pan_y -= d.gestures.pan_dy / (base * v.zoom);
  }
  x = Xf{origin, v.pan_x, v.pan_y, base * v.zoom};
  if (ImGui::IsItemActivated()) begin_press(v, x.plan(io.MousePos));
  if (ImGui::IsItemActive() && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) && v.drag_start)
    move_by(v, io.MouseDelta.x / x.s, io.MouseDelta.y / x.s);
  if (ImGui::IsItemDeactivated()) end_drag(v);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(40, 40, 44, 255));
  if (v.snap && v.grid * x.s >= 6) {  // grid lines when they are not a blur
    float step = v.grid * x.s * (v.grid * x.s < 12 ? 5 : 1);
    for (float gx = origin.x - std::fmod(v.pan_x * x.s, step); gx < origin.x + size.x; gx += step)
      dl->AddLine(ImVec2(gx, origin.y), ImVec2(gx, origin.y + size.y), IM_COL32(60, 60, 66, 255));
    for (float gy = origin.y - std::fmod(v.pan_y * x.s, step); gy < origin.y + size.y; gy += step)
      dl->AddLine(ImVec2(origin.x, gy), ImVec2(origin.x + size.x, gy), IM_COL32(60, 60, 66, 255));
  }
  draw_plan(v, x, issues, dl);
  dl->PopClipRect();
}

}  // namespace foh::ui
