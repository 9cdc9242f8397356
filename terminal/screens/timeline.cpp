// The timeline: tables x time for one floor plan. Drag a booking to another
// table or time; the engine's overlap rule accepts the drop or refuses it
// with its reason. A party too big for the table it is dropped on goes to a
// declared combination with that table ("7" -> "7+8") when one seats it. Rows are clipped
// (ImGuiListClipper) and bars outside the visible time range are skipped, so 300 tables x 3 000
// bookings stay cheap.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>

#include "foh/engine/floor.hpp"
#include "foh/engine/move_check.hpp"
#include "foh/engine/rules.hpp"
#include "screens/reservations.hpp"
#include "view/day_index.hpp"
#include "view/table_state.hpp"
#include "widgets/palette.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

constexpr int kSnapMinutes = 15;

struct Geometry {
  ImVec2 origin;              // top-left of row 0 (after the hour header)
  float label_w, row_h, ppm;  // pixels per minute
  int t0;                     // first minute shown (service-day minutes)
  int64_t day0;               // epoch minute of the day's midnight
  float x_of(int64_t epoch_minute) const {
    return origin.x + label_w + (epoch_minute - day0 - t0) * ppm;
  }
  int minute_at(float x) const { return t0 + static_cast<int>((x - origin.x - label_w) / ppm); }
};

// First and last minute of the day's services (open all day: 11:00-24:00).
void time_range(const Desk& d, int& t0, int& t1) {
  t0 = 24 * 60, t1 = 0;
  for (const Service& s : d.venue->services) {
    int a = s.start_time.minutes(), b = s.end_time.minutes();
    if (b <= a) b += 1440;
    t0 = std::min(t0, a), t1 = std::max(t1, b);
  }
  if (t1 <= t0) t0 = 11 * 60, t1 = 24 * 60;
  t0 -= 30, t1 += 60;  // room for early arrivals and late finishes
}

// Plan toggles; returns the plan shown.
Uuid plan_bar(ReservationsView& v, const Desk& d) {
  if (d.venue->floor_plans.empty()) return {};
  if (!v.timeline_plan) v.timeline_plan = d.venue->floor_plans.front().id;
  for (const FloorPlan& p : d.venue->floor_plans) {
    ImGui::PushID(p.id.c_str());
    std::string label = p.name + "###tl_plan_" + p.name;
    if (toggle_button(label.c_str(), v.timeline_plan == p.id)) v.timeline_plan = p.id;
    ImGui::PopID();
    ImGui::SameLine();
  }
  ImGui::Dummy(ImVec2(em(1), 0));  // the row goes on: the caller adds to it
  return *v.timeline_plan;
}

void draw_header(const Geometry& g, int t1, ImDrawList* dl) {
  for (int m = (g.t0 + 59) / 60 * 60; m <= t1; m += 60) {
    float x = g.origin.x + g.label_w + (m - g.t0) * g.ppm;
    dl->AddLine(ImVec2(x, g.origin.y - em(1.2f)), ImVec2(x, g.origin.y),
                IM_COL32(160, 160, 160, 255));
    dl->AddText(ImVec2(x + em(0.2f), g.origin.y - em(1.2f)), IM_COL32(200, 200, 200, 255),
                TimeOfDay::from_minutes(m).hhmm().c_str());
  }
}

void draw_row(const Table& t, int row, const Geometry& g, float vis_x0, float vis_x1, const Desk& d,
              const ReservationsView& v, ImDrawList* dl) {
  float y = g.origin.y + row * g.row_h;
  dl->AddLine(ImVec2(g.origin.x, y + g.row_h), ImVec2(vis_x1, y + g.row_h),
              IM_COL32(70, 70, 70, 255));
  for (int i : d.index->on_table(t.id)) {
    const Booking& b = d.index->bookings()[i];
    if (!is_live(b.r->status) && b.r->status != ReservationStatus::Completed) continue;
    float x0 = g.x_of(b.start), x1 = g.x_of(b.end);
    if (x1 < vis_x0 || x0 > vis_x1) continue;  // culled
    bool dragged = v.drag && v.drag->reservation_id == b.r->id;
    const ToneStyle& tone = tone_style(booking_tone(b, d));
    ImU32 c = packed(tone.fill, dragged ? 0x60 : 0xFF);
    ImVec2 a(x0, y + em(0.2f)), z(x1 - 1, y + g.row_h - em(0.2f));
    dl->AddRectFilled(a, z, c, em(0.25f));
    if (v.selected == b.r->id) dl->AddRect(a, z, IM_COL32(255, 255, 255, 255), em(0.25f), 0, 2.0f);
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s (%d)", b.r->guest_name.c_str(), b.r->party_size);
    dl->PushClipRect(a, z, true);
    float tx = x0 + em(0.3f);
    if (has_icon(tone.icon)) {  // the status's icon first: never colour alone
      char icon[5];
      utf8(tone.icon, icon);
      dl->AddText(ImVec2(tx, y + em(0.35f)), packed(tone.text), icon);
      tx += ImGui::CalcTextSize(icon).x + em(0.2f);
    }
    dl->AddText(ImVec2(tx, y + em(0.35f)), packed(tone.text), buf);
    dl->PopClipRect();
    // A name cut by a short bar can be read whole: held under a finger (or a mouse over it).
    const ImGuiIO& io = ImGui::GetIO();
    const bool held = io.MouseDown[0] && io.MouseDownDuration[0] > 0.4f &&
                      std::abs(ImGui::GetMouseDragDelta(0, 0.0f).x) < em(0.5f);
    if (ImGui::IsMouseHoveringRect(a, z, false) && (!io.MouseDown[0] || held))
      ImGui::SetTooltip("%s %s", b.r->time.hhmm().c_str(), buf);
    std::string id = "bar_" + b.r->guest_name;
    record_rect(id.c_str(), a.x, a.y, z.x, z.y);
  }
  // The table's name stays pinned at the left edge while the hours scroll under it.
  dl->AddRectFilled(ImVec2(vis_x0, y), ImVec2(vis_x0 + g.label_w, y + g.row_h),
                    ImGui::GetColorU32(ImGuiCol_WindowBg) | IM_COL32_A_MASK);  // opaque
  dl->AddText(ImVec2(vis_x0 + em(0.3f), y + em(0.3f)), IM_COL32(230, 230, 230, 255),
              t.name.c_str());
  const std::string id = "tl_name_" + t.name;  // a heading: for scripts and tests, not a target
  record_rect(id.c_str(), vis_x0, y, vis_x0 + g.label_w, y + g.row_h);
}

// The booking bar under the pointer on row `row`, if any.
const Booking* bar_at(const Table& t, const Geometry& g, float x, const Desk& d) {
  for (int i : d.index->on_table(t.id)) {
    const Booking& b = d.index->bookings()[i];
    if (!is_live(b.r->status)) continue;
    if (x >= g.x_of(b.start) && x < g.x_of(b.end)) return &b;
  }
  return nullptr;
}

// Ghost of the drop place on every row it books: green when the engine accepts it, red otherwise.
void draw_ghost(const TimelineDrag& dr, int row, int minutes, const Geometry& g,
                const std::vector<const Table*>& tables) {
  const DropVerdict& at = dr.verdict;
  ImU32 c = at.allowed ? IM_COL32(80, 220, 120, 160) : IM_COL32(230, 70, 60, 160);
  float x0 = g.origin.x + g.label_w + (dr.over_minute - g.t0) * g.ppm, w = minutes * g.ppm;
  for (int k = 0; k < static_cast<int>(tables.size()); ++k) {
    bool member = std::find(at.choice.table_ids.begin(), at.choice.table_ids.end(),
                            tables[k]->id) != at.choice.table_ids.end();
    if (k != row && !(at.allowed && member)) continue;
    float y = g.origin.y + k * g.row_h;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + g.row_h), c,
                                              em(0.25f));
  }
}

void update_drag(ReservationsView& v, const Desk& d, const Geometry& g,
                 const std::vector<const Table*>& tables, ReservationsIntents& out) {
  ImGuiIO& io = ImGui::GetIO();
  TimelineDrag& dr = *v.drag;
  int row = static_cast<int>((io.MousePos.y - g.origin.y) / g.row_h);
  row = std::clamp(row, 0, static_cast<int>(tables.size()) - 1);
  const Booking* b = d.index->booking(dr.reservation_id);
  if (!b) {
    v.drag.reset();
    return;
  }
  int start = g.minute_at(io.MousePos.x - dr.grab_dx);
  start = (start + kSnapMinutes / 2) / kSnapMinutes * kSnapMinutes;
  if (dr.over_table != tables[row]->id || dr.over_minute != start) {
    dr.over_table = tables[row]->id;
    dr.over_minute = start;
    dr.verdict = propose_drop(*b->r, *tables[row], TimeOfDay::from_minutes(start), d);
  }
  draw_ghost(dr, row, static_cast<int>(b->end - b->start), g, tables);
  if (!io.MouseDown[0]) {  // dropped
    DropVerdict& at = dr.verdict;
    bool moved =
        at.choice.table_ids != b->tables || dr.over_minute != static_cast<int>(b->start - g.day0);
    if (moved && at.allowed)
      out.move = MoveCommand{dr.reservation_id, std::move(at.choice),
                             TimeOfDay::from_minutes(dr.over_minute)};
    else if (moved)
      v.refusal = at.choice.reason;
    v.drag.reset();
  }
}

// The picked booking's row (a booking just made is picked) comes into view
// when the timeline opens or shows another plan: the host sees where it went.
void bring_picked_into_view(ReservationsView& v, const Booking* picked,
                            const std::vector<const Table*>& tables, const Geometry& g,
                            const Uuid& plan) {
  constexpr int kTries = 3;  // the new plan's scroll range is known a frame or two late
  const std::string key = plan + "|" + (picked ? picked->r->id : std::string());
  if (ImGui::IsWindowAppearing() || key != v.timeline_in_view) v.timeline_view_tries = 0;
  v.timeline_in_view = key;
  if (!picked || !picked->r->table_id || v.timeline_view_tries >= kTries) return;
  ++v.timeline_view_tries;
  for (size_t row = 0; row < tables.size(); ++row) {
    if (tables[row]->id != *picked->r->table_id) continue;
    const float header = g.origin.y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
    const float target = header + row * g.row_h - ImGui::GetWindowHeight() / 3;
    ImGui::SetScrollY(std::clamp(target, 0.0f, ImGui::GetScrollMaxY()));
    if (target <= ImGui::GetScrollMaxY()) v.timeline_view_tries = kTries;
  }
}

}  // namespace

DropVerdict check_move(const Reservation& r, TableChoice to, TimeOfDay t, const Desk& d) {
  // The rule is the engine's; the screen only words the yes.
  MoveVerdict v = foh::check_move(r, to.table_ids, to.table_number, t, d.day->reservations,
                                  *d.floor, d.settings(), d.venue->services, d.locale);
  to.reason = v.allowed ? tr_args(d.locale, "drop.free", {to.table_number, t.hhmm()})
                        : std::move(v.refusal);
  return {v.allowed, std::move(to)};
}

DropVerdict propose_drop(const Reservation& r, const Table& table, TimeOfDay t, const Desk& d) {
  DropVerdict single = check_move(r, TableChoice{{table.id}, table.name, ""}, t, d);
  int at = d.floor->index_of(table.id);
  if (single.allowed || r.party_size <= table.capacity_max || at < 0) return single;
  // Too big for the table alone: the declared combinations with it that seat the party.
  std::vector<const Combination*> fits;
  for (int c : d.floor->combinations_with(at))
    if (d.floor->combinations()[c].seats >= r.party_size)
      fits.push_back(&d.floor->combinations()[c]);
  std::sort(fits.begin(), fits.end(), [](const Combination* a, const Combination* b) {
    return std::tie(a->seats, a->key) < std::tie(b->seats, b->key);
  });
  std::string refusal = single.choice.reason;
  for (const Combination* c : fits) {
    DropVerdict combo = check_move(r, TableChoice{c->table_ids, c->key, ""}, t, d);
    if (!combo.allowed) {
      if (refusal == single.choice.reason) refusal = std::move(combo.choice.reason);  // the best's
      continue;
    }
    combo.choice.reason =  // why not the table alone, too
        tr_args(d.locale, "drop.combination",
                {c->key, std::to_string(c->seats), t.hhmm(), table.name,
                 std::to_string(table.capacity_min), std::to_string(table.capacity_max)});
    return combo;
  }
  single.choice.reason = std::move(refusal);
  return single;
}

void draw_timeline(ReservationsView& v, const Desk& d, ReservationsIntents& out) {
  if (!d.venue || !d.index || !d.floor || !d.day) return;
  Language l = d.locale;
  const Booking* picked = v.selected ? d.index->booking(*v.selected) : nullptr;
  if (!v.refusal.empty())
    inline_error(v.refusal.c_str());
  else if (picked)
    ImGui::Text("%s %s (%d)", picked->r->time.hhmm().c_str(), picked->r->guest_name.c_str(),
                picked->r->party_size);
  else
    ImGui::TextUnformatted(tr(l, "res.drag_hint"));
  const Uuid plan = plan_bar(v, d);
  // The tapped booking, to edit (the booking form), on the plans' row: the
  // button is always there, so the rows never shift under a finger that
  // starts a drag.
  ImGui::SameLine();
  if (touch_button((std::string(tr(l, "action.edit")) + "###tl_edit").c_str(), 0.0f,
                   picked != nullptr))
    return start_edit(v, *picked->r);
  const auto& tables = d.index->tables_of_plan(plan);
  int t0, t1;
  time_range(d, t0, t1);
  ImGui::BeginChild("timeline", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  Geometry g;
  g.label_w = em(4), g.row_h = touch_target() + em(0.4f), g.ppm = em(0.1f), g.t0 = t0;
  g.day0 = d.day->date.days_since_epoch() * 1440;
  ImVec2 start = ImGui::GetCursorScreenPos();
  g.origin = ImVec2(start.x, start.y + em(1.4f));
  float width = g.label_w + (t1 - t0) * g.ppm;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 clip_min = ImGui::GetWindowPos(),
         clip_max(clip_min.x + ImGui::GetWindowWidth(), clip_min.y + ImGui::GetWindowHeight());
  const float names_x1 = clip_min.x + g.label_w;  // right edge of the pinned names
  dl->PushClipRect(ImVec2(names_x1, clip_min.y), clip_max, true);
  draw_header(g, t1, dl);
  dl->PopClipRect();
  ImGui::Dummy(ImVec2(width, em(1.4f)));
  // Now line.
  float now_x = g.x_of(d.now.seconds / 60);
  // It opens on now (at 19:30, dinner), a quarter of the view before the line;
  // the scroll range is known from the second frame of a fresh window.
  if (ImGui::IsWindowAppearing()) v.timeline_on_now = false;
  if (!v.timeline_on_now && ImGui::GetScrollMaxX() > 0) {
    const float now_in_content = now_x - start.x + ImGui::GetScrollX();
    ImGui::SetScrollX(std::max(0.0f, now_in_content - g.label_w - ImGui::GetWindowWidth() * 0.25f));
    v.timeline_on_now = true;
  }
  bring_picked_into_view(v, picked, tables, g, plan);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(tables.size()), g.row_h);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const Table& t = *tables[row];
      ImGui::PushID(t.id.c_str());
      ImGui::SetCursorScreenPos(ImVec2(g.origin.x, g.origin.y + row * g.row_h));
      ImGui::InvisibleButton("row", ImVec2(width, g.row_h));
      record_item(("tl_row_" + t.name).c_str());
      if (ImGui::IsItemActivated() && !v.drag) {
        float mx = ImGui::GetIO().MousePos.x;
        const Booking* b = mx >= names_x1 ? bar_at(t, g, mx, d) : nullptr;
        if (b) {
          v.drag = TimelineDrag{b->r->id, mx - g.x_of(b->start), "", -1, {}};
          v.selected = b->r->id;
          v.refusal.clear();
          out.select = b->r->id;
        }
      }
      draw_row(t, row, g, clip_min.x, clip_max.x, d, v, dl);
      ImGui::PopID();
    }
  }
  clipper.End();
  // Room under the last row for the horizontal scrollbar: ImGui does not count
  // it when it decides on a vertical one, and the last row would hide under it.
  ImGui::Dummy(ImVec2(width, ImGui::GetStyle().ScrollbarSize));
  if (now_x >= names_x1)
    dl->AddLine(ImVec2(now_x, g.origin.y), ImVec2(now_x, g.origin.y + tables.size() * g.row_h),
                IM_COL32(255, 80, 80, 255), 2.0f);
  if (v.drag) update_drag(v, d, g, tables, out);
  ImGui::EndChild();
}

}  // namespace foh::ui
