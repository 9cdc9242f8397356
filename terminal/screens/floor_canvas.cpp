// The floor canvas: zones, tables with chairs, state tones, highlight of a
// suggestion; tap to select, long-press for a table's actions, wheel/pinch
// to zoom, drag/two fingers to pan.
// Off-screen tables are culled, so a large plan costs only what is visible.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "foh/engine/floor.hpp"
#include "screens/floor.hpp"
#include "screens/floor_tile.hpp"
#include "view/floor_geometry.hpp"
#include "view/join_link.hpp"
#include "view/table_state.hpp"
#include "widgets/palette.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

struct Xform {
  ImVec2 origin;
  float pan_x, pan_y, s;
  ImVec2 to_screen(PlanPoint p) const {
    return {origin.x + static_cast<float>(p.x - pan_x) * s,
            origin.y + static_cast<float>(p.y - pan_y) * s};
  }
  PlanPoint to_plan(ImVec2 q) const {
    return {pan_x + (q.x - origin.x) / s, pan_y + (q.y - origin.y) / s};
  }
};

ImU32 parse_colour(const std::string& hex, float alpha) {
  unsigned r = 136, g = 136, b = 136;
  if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
  return ImGui::GetColorU32(ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, alpha));
}

FloorCamera& camera_of(FloorView& v, const Uuid& plan) {
  for (auto& [id, cam] : v.cameras)
    if (id == plan) return cam;
  v.cameras.emplace_back(plan, FloorCamera{});
  return v.cameras.back().second;
}

bool contains(const std::vector<Uuid>& ids, const Uuid& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void zoom_at(FloorCamera& cam, const Xform& x, float base, ImVec2 m, float factor) {
  PlanPoint q = x.to_plan(m);
  cam.zoom = std::clamp(cam.zoom * factor, 0.25f, 8.0f);
  float s = base * cam.zoom;
  cam.pan_x = q.x - (m.x - x.origin.x) / s;
  cam.pan_y = q.y - (m.y - x.origin.y) / s;
}

// The box inside a table's shape where its words go (screen pixels): the
// inscribed square of a round table, the rectangle of an upright one, the
// largest upright square inside a turned one.
void inner_box(const Xform& x, const Table& t, const DailyTableOverride* o, ImVec2& lo,
               ImVec2& hi) {
  const PlanPoint s = table_extent(t);
  float w = s.x * x.s, h = s.y * x.s;
  if (t.shape == TableShape::Round) {
    w = h = std::min(w, h) / std::sqrt(2.0f);
  } else {
    const PlanPoint u = plan_axes(t.rotation).u;  // cos and sin of the turn
    const float c = std::fabs(static_cast<float>(u.x));
    const float sn = std::fabs(static_cast<float>(u.y));
    if (sn < 1e-3f) {
    } else if (c < 1e-3f) {
      std::swap(w, h);
    } else {
      w = h = std::min(w, h) / (c + sn);
    }
  }
  const float pad = em(0.15f);
  const ImVec2 c = x.to_screen(table_center(t, o));
  lo = ImVec2(c.x - w / 2 + pad, c.y - h / 2 + pad);
  hi = ImVec2(c.x + w / 2 - pad, c.y + h / 2 - pad);
}

// The tile: chairs, the shape filled with its tone (hatched when blocked),
// outlined (thick and white when selected), then its face and marks
// (screens/floor_tile.cpp). A section ring goes around the outline.
void draw_table(ImDrawList* dl, const Xform& x, const Table& t, const DailyTableOverride* o,
                const TableStatus& st, bool selected, Language l) {
  const ToneStyle& tone = tone_style(tone_of(st));
  ImU32 fill = packed(tone.fill), line = IM_COL32(200, 200, 200, 255);
  const ImU32 edge = selected ? IM_COL32(255, 255, 255, 255) : line;
  const float edge_w = selected ? 3.0f : 1.0f;
  float cr = std::max(2.0f, 7.0f * x.s);
  for (const PlanPoint& c : chair_positions(t, o))
    dl->AddCircleFilled(x.to_screen(c), cr, IM_COL32(150, 140, 130, 255));
  const bool hatched = st.state == TableState::Blocked;
  const ImU32 hatch = packed(tone.text, 90);
  if (t.shape == TableShape::Round) {
    PlanPoint s = table_extent(t);
    ImVec2 c = x.to_screen(table_center(t, o));
    const float r = std::min(s.x, s.y) / 2 * x.s;
    dl->AddCircleFilled(c, r, fill);
    if (hatched) {
      ImVec2 p[16];
      for (int i = 0; i < 16; ++i)
        p[i] = ImVec2(c.x + r * std::cos(i * 0.3927f), c.y + r * std::sin(i * 0.3927f));
      hatch_convex(dl, p, 16, em(0.5f), hatch);
    }
    dl->AddCircle(c, r, edge, 0, edge_w);
  } else {
    auto k = table_corners(t, o);
    ImVec2 p[4] = {x.to_screen(k[0]), x.to_screen(k[1]), x.to_screen(k[2]), x.to_screen(k[3])};
    dl->AddQuadFilled(p[0], p[1], p[2], p[3], fill);
    if (hatched) hatch_convex(dl, p, 4, em(0.5f), hatch);
    dl->AddQuad(p[0], p[1], p[2], p[3], edge, edge_w);
  }
  ImVec2 lo, hi;
  inner_box(x, t, o, lo, hi);
  draw_tile_face(dl, lo, hi, t, st, l);
  PlanPoint mn, mx;
  table_bounds(t, o, mn, mx);
  draw_tile_marks(dl, x.to_screen(mn), x.to_screen(mx), st);
}

const DailyTableOverride* override_for(const Desk& d, const Uuid& id) {
  return d.index ? d.index->override_of(id) : nullptr;
}

// Outlines a group of tables; a combination is linked centre to centre.
// Outlines the tables of `ids` that stand on `plan` (a choice on another plan
// is not drawn here: its tab shows it).
void outline_group(ImDrawList* dl, const Xform& x, const Desk& d, const Uuid& plan,
                   const std::vector<Uuid>& ids, ImU32 col, float w) {
  ImVec2 prev{};
  bool first = true;
  for (const Uuid& id : ids) {
    const Table* t = d.floor ? d.floor->table(id) : nullptr;
    if (!t || t->floor_plan_id != plan) continue;
    const DailyTableOverride* o = override_for(d, t->id);
    PlanPoint mn, mx;
    table_bounds(*t, o, mn, mx);
    float pad = em(0.3f);
    ImVec2 a = x.to_screen(mn), b = x.to_screen(mx);
    dl->AddRect(ImVec2(a.x - pad, a.y - pad), ImVec2(b.x + pad, b.y + pad), col, em(0.3f), 0, w);
    ImVec2 c = x.to_screen(table_center(*t, o));
    if (!first) dl->AddLine(prev, c, col, w);
    prev = c, first = false;
  }
}

// The day's joins (issue 13 item 5) on `plan`: a thick bar between the two
// tiles' facing edges and the key ("2+3") on its middle.
void draw_day_joins(ImDrawList* dl, const Xform& x, const Desk& d, const Uuid& plan) {
  if (!d.floor) return;
  const ImU32 col = IM_COL32(255, 170, 60, 255);
  for (const Combination& c : d.floor->combinations()) {
    if (!c.daily || c.table_ids.size() < 2) continue;
    const Table* ta = d.floor->table(c.table_ids[0]);
    const Table* tb = d.floor->table(c.table_ids[1]);
    if (!ta || !tb || ta->floor_plan_id != plan || tb->floor_plan_id != plan) continue;
    PlanPoint amn, amx, bmn, bmx;
    table_bounds(*ta, override_for(d, ta->id), amn, amx);
    table_bounds(*tb, override_for(d, tb->id), bmn, bmx);
    JoinLink l = join_link(amn, amx, bmn, bmx);
    dl->AddLine(x.to_screen(l.from), x.to_screen(l.to), col, em(0.5f));
    ImVec2 m = x.to_screen(l.label);
    ImVec2 ts = ImGui::CalcTextSize(c.key.c_str());
    ImVec2 p0(m.x - ts.x / 2 - em(0.2f), m.y - ts.y / 2);
    dl->AddRectFilled(p0, ImVec2(m.x + ts.x / 2 + em(0.2f), m.y + ts.y / 2), col, em(0.2f));
    dl->AddText(ImVec2(m.x - ts.x / 2, m.y - ts.y / 2), IM_COL32(20, 20, 20, 255), c.key.c_str());
  }
}

// Pan/zoom from the mouse (wheel, drag) and the platform's touch gestures;
// returns the plan point tapped this frame, if any (a long-press's release is none).
std::optional<PlanPoint> handle_input(FloorView& v, FloorCamera& cam, const Xform& x, float base,
                                      const Desk& d) {
  ImGuiIO& io = ImGui::GetIO();
  std::optional<PlanPoint> tap;
  bool hovered = ImGui::IsItemHovered();
  if (hovered && io.MouseWheel != 0)
    zoom_at(cam, x, base, io.MousePos, std::pow(1.15f, io.MouseWheel));
  if (d.gestures.pinch_scale != 1.0f)
    zoom_at(cam, x, base, ImVec2(d.gestures.center_x, d.gestures.center_y), d.gestures.pinch_scale);
  float s = base * cam.zoom;
  if (d.gestures.pan_dx != 0 || d.gestures.pan_dy != 0) {
    cam.pan_x -= d.gestures.pan_dx / s;
    cam.pan_y -= d.gestures.pan_dy / s;
  }
  // A new press starts clean: the menu a long-press opens may take the active item
  // away, so that press's release never reached the end below.
  if (ImGui::IsItemActivated()) v.dragging = v.long_pressed = false;
  // Two fingers pinch or pan: the first one's pointer must not drag the floor as well.
  if (d.gestures.fingers >= 2)
    v.dragging = true;
  else if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    v.dragging = true;
    cam.pan_x -= io.MouseDelta.x / s;
    cam.pan_y -= io.MouseDelta.y / s;
  }
  if (ImGui::IsItemDeactivated()) {
    if (!v.dragging && !v.long_pressed) tap = x.to_plan(io.MousePos);
    v.dragging = v.long_pressed = false;
  }
  return tap;
}

// A long-press on a table of this canvas opens its actions there.
void handle_long_press(FloorView& v, const Desk& d, const Xform& x,
                       const std::vector<const Table*>& tables) {
  if (!d.gestures.long_press || !ImGui::IsItemActive() || v.dragging) return;
  ImVec2 at(d.gestures.press_x, d.gestures.press_y);
  PlanPoint p = x.to_plan(at);
  for (const Table* t : tables) {
    const DailyTableOverride* o = d.index->override_of(t->id);
    if ((o && o->is_hidden) || !table_contains(*t, o, p)) continue;
    v.long_pressed = true;
    v.actions_table = t->id;
    v.actions_x = at.x, v.actions_y = at.y;
    return;
  }
}

}  // namespace

void draw_floor_canvas(FloorView& v, const Desk& d, const FloorHighlight* hl, FloorIntents& out) {
  if (!d.venue || !d.index || d.venue->floor_plans.empty()) return;
  if (!v.floor_plan_id) v.floor_plan_id = d.venue->floor_plans.front().id;
  const Uuid& plan = *v.floor_plan_id;
  const auto& tables = d.index->tables_of_plan(plan);
  std::vector<const Zone*> zones;
  for (const Zone& z : d.venue->zones)
    if (z.floor_plan_id == plan) zones.push_back(&z);

  ImVec2 avail = ImGui::GetContentRegionAvail();
  avail.x = std::max(avail.x, em(10)), avail.y = std::max(avail.y, em(10));
  PlanPoint mn, mx;
  plan_bounds(tables, zones, mn, mx);
  // The whole plan fits the space, unless its smallest table would then be
  // under a fingertip (a small screen): the plan keeps that size and scrolls.
  const float fit = std::min(avail.x / (mx.x + 20), avail.y / (mx.y + 20));
  const float base = std::max(fit, touch_target() / smallest_table_side(tables));
  const bool scrolls = base > fit * 1.001f;
  ImVec2 size = avail;
  if (scrolls) {
    ImGui::BeginChild("floor_scroll", avail, false, ImGuiWindowFlags_HorizontalScrollbar);
    const float bar = ImGui::GetStyle().ScrollbarSize;
    size = ImVec2(std::max<float>((mx.x + 20) * base, avail.x - bar),
                  std::max<float>((mx.y + 20) * base, avail.y - bar));
  }
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("floor_canvas", size);
  FloorCamera& cam = camera_of(v, plan);
  Xform x{origin, cam.pan_x, cam.pan_y, base * cam.zoom};
  std::optional<PlanPoint> tap = handle_input(v, cam, x, base, d);
  x = Xform{origin, cam.pan_x, cam.pan_y, base * cam.zoom};
  handle_long_press(v, d, x, tables);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                    IM_COL32(40, 40, 44, 255));
  for (const Zone* z : zones) {
    ImVec2 a = x.to_screen({static_cast<float>(z->position_x), static_cast<float>(z->position_y)});
    ImVec2 b = x.to_screen({static_cast<float>(z->position_x + z->width),
                            static_cast<float>(z->position_y + z->height)});
    dl->AddRectFilled(a, b, parse_colour(z->color, 0.35f), em(0.3f));
    dl->AddText(ImVec2(a.x + em(0.3f), a.y + em(0.2f)), parse_colour(z->color, 1.0f),
                z->name.c_str());
  }
  // What shows of the canvas (a scrolled plan shows part of it).
  const ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
  ImVec4 clip = ImVec4(cmin.x, cmin.y, cmax.x, cmax.y);
  for (const Table* t : tables) {
    const DailyTableOverride* o = d.index->override_of(t->id);
    if (o && o->is_hidden) continue;  // hidden today
    PlanPoint tmn, tmx;
    table_bounds(*t, o, tmn, tmx);
    ImVec2 a = x.to_screen(tmn), b = x.to_screen(tmx);
    float m = em(1);
    if (b.x < clip.x - m || a.x > clip.z + m || b.y < clip.y - m || a.y > clip.w + m)
      continue;  // culled
    TableStatus st = table_status(d, *t);
    bool sel = v.selected_table && *v.selected_table == t->id;
    draw_table(dl, x, *t, o, st, sel, d.locale);
    draw_section_mark(dl, v.sections, d, *t, a.x, a.y, b.x, b.y);  // screens/floor_sections
    std::string id = "table_" + t->name;
    record_rect(id.c_str(), a.x, a.y, b.x, b.y);
    if (tap && table_contains(*t, o, *tap)) {
      out.tapped_table = t->id;
      out.select_table = t->id;
      v.selected_table = t->id;
      tap.reset();
    }
  }
  draw_day_joins(dl, x, d, plan);
  if (hl) {
    for (size_t k = 0; k < hl->alternatives.size(); ++k) {
      outline_group(dl, x, d, plan, hl->alternatives[k], IM_COL32(200, 200, 255, 200), 2.0f);
      if (out.tapped_table && contains(hl->alternatives[k], *out.tapped_table))
        out.picked_alternative = static_cast<int>(k);
    }
    outline_group(dl, x, d, plan, hl->suggested, IM_COL32(255, 230, 0, 255), 4.0f);
  }
  dl->PopClipRect();
  if (scrolls) ImGui::EndChild();
}

}  // namespace foh::ui
