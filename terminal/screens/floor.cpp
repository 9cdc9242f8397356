// The live floor screen: plan tabs, the canvas, the selected table's panel
// (who is there, next reservations, actions) and the day's floor notes.
#include "screens/floor.hpp"

#include <imgui.h>

#include <string>

#include "foh/engine/floor.hpp"
#include "view/table_state.hpp"
#include "widgets/customer_card.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Language l, const char* key, const char* id) {
  return std::string(tr(l, key)) + "###" + id;
}

void draw_plan_tabs(FloorView& v, const Desk& d) {
  for (const FloorPlan& p : d.venue->floor_plans) {
    ImGui::PushID(p.id.c_str());
    bool sel = v.floor_plan_id && *v.floor_plan_id == p.id;
    std::string label = p.name + "###plan_" + p.name;
    if (toggle_button(label.c_str(), sel)) {
      v.floor_plan_id = p.id;
      v.selected_table.reset();
    }
    ImGui::PopID();
    ImGui::SameLine();
  }
  draw_legend_button(v.legend, d.locale);
}

void draw_booking_line(const Booking& b, const Desk& d) {
  const Reservation& r = *b.r;
  ImGui::Text("%s  %s (%d)  %s", r.time.hhmm().c_str(), r.guest_name.c_str(), r.party_size,
              status_text(d.locale, r.status));
}

// What a host can do at the table now: clear it, seat a walk-in, block it
// for today. Shared by the table panel (tap) and the actions popup (long-press).
void draw_table_actions(FloorView& v, const Desk& d, const Table& table, const TableStatus& st,
                        FloorIntents& out) {
  Language l = d.locale;
  const Table* t = &table;
  if (st.seated && touch_button(L(l, "action.complete", "table_complete").c_str(), -1.0f))
    out.complete_reservation = st.seated->r->id;
  if (!st.seated && st.state != TableState::Blocked) {
    ImGui::TextUnformatted(tr(l, "floor.walk_in"));
    party_stepper("walkin_party", v.walk_in_party);
    if (touch_button(L(l, "floor.seat_walk_in", "seat_walkin").c_str(), -1.0f)) {
      SeatCommand c;
      c.source = PartySource::WalkIn;
      c.party_size = v.walk_in_party;
      c.table = TableChoice{{t->id}, t->name, ""};
      out.seat_walk_in = c;
    }
  }
  bool blocked = d.index->is_blocked(t->id);
  if (touch_button(L(l, blocked ? "floor.unblock" : "floor.block", "table_block").c_str(), -1.0f))
    out.block_table = std::make_pair(t->id, !blocked);
  draw_split_action(d, table, out.day);
}

void draw_table_panel(FloorView& v, const Desk& d, FloorIntents& out) {
  Language l = d.locale;
  const Table* t = d.floor->table(*v.selected_table);
  if (!t) return;
  TableStatus st = table_status(d, *t);
  ImGui::Text("%s %s", tr(l, "floor.table"), t->name.c_str());
  ImGui::Text("%d-%d %s", t->capacity_min, t->capacity_max, tr(l, "floor.seats"));
  if (st.seated) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr(l, "floor.now_seated"));
    draw_booking_line(*st.seated, d);
    // The guest at the table: allergy and VIP first, notes, visits.
    if (const Customer* c = d.index->customer_of(*st.seated->r))
      customer_card("table_guest", *c, l);
    ImGui::Text("%s %s", tr(l, "floor.elapsed"), format_minutes(l, st.elapsed_minutes).c_str());
    if (st.state == TableState::Overdue) inline_error(tr(l, "floor.overdue"));
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr(l, "floor.next"));
  int shown = 0;
  int64_t now = now_minutes(d);
  for (int i : d.index->on_table(t->id)) {
    const Booking& b = d.index->bookings()[i];
    if (!is_live(b.r->status) || b.r->status == ReservationStatus::Seated || b.end <= now) continue;
    ImGui::PushID(b.r->id.c_str());
    draw_booking_line(b, d);
    if (const Customer* c = d.index->customer_of(*b.r)) tag_chips("next_guest", c->tags, l);
    if (is_late(b, now, d)) {
      ImGui::SameLine();
      inline_error(tr(l, "floor.late"));
    }
    if (touch_button(L(l, "action.seat", "table_seat_next").c_str()))
      out.open_seat_for_reservation = b.r->id;
    ImGui::PopID();
    if (++shown == 3) break;
  }
  if (shown == 0) ImGui::TextUnformatted(tr(l, "floor.none"));
  ImGui::Separator();
  draw_table_actions(v, d, *t, st, out);
}

// The table's actions popup, opened by a long-press where the finger was.
void draw_actions_popup(FloorView& v, const Desk& d, FloorIntents& out) {
  const Table* t = v.actions_table ? d.floor->table(*v.actions_table) : nullptr;
  if (!t) {
    v.actions_table.reset();
    return;
  }
  if (!ImGui::IsPopupOpen("table_actions")) {
    ImGui::SetNextWindowPos(ImVec2(v.actions_x, v.actions_y));
    ImGui::OpenPopup("table_actions");
  }
  ImGui::SetNextWindowSize(ImVec2(em(16), 0));
  if (!ImGui::BeginPopup("table_actions")) {  // closed by a tap outside
    v.actions_table.reset();
    return;
  }
  ImGui::Text("%s %s", tr(d.locale, "floor.table"), t->name.c_str());
  TableStatus st = table_status(d, *t);
  FloorIntents acted;
  draw_table_actions(v, d, *t, st, acted);
  if (touch_button(L(d.locale, "action.close", "table_actions_close").c_str(), -1.0f) ||
      acted.seat_walk_in || acted.complete_reservation || acted.block_table || acted.day.split) {
    v.actions_table.reset();
    ImGui::CloseCurrentPopup();
  }
  ImVec2 a = ImGui::GetWindowPos(), z = ImGui::GetWindowSize();
  record_rect("table_actions", a.x, a.y, a.x + z.x, a.y + z.y);
  ImGui::EndPopup();
  if (acted.seat_walk_in) out.seat_walk_in = acted.seat_walk_in;
  if (acted.complete_reservation) out.complete_reservation = acted.complete_reservation;
  if (acted.block_table) out.block_table = acted.block_table;
  if (acted.day.split) out.day.split = acted.day.split;
}

// The canvas; in join mode a tapped table is picked for the join (shown
// highlighted) and does not open its panel.
void draw_joining_canvas(FloorView& v, const Desk& d, FloorIntents& out) {
  if (!v.day.joining) return draw_floor_canvas(v, d, nullptr, out);
  FloorHighlight picked;
  picked.suggested = join_picked(v.day);
  const auto selected = v.selected_table;
  draw_floor_canvas(v, d, &picked, out);
  if (!out.select_table) return;
  floor_join_pick(v.day, d, *out.select_table);
  v.selected_table = selected;
  out.select_table.reset();
  out.tapped_table.reset();
}

}  // namespace

void draw_floor(FloorView& v, const Desk& d, FloorIntents& out) {
  if (!d.venue || !d.index || !d.floor) return;
  ImGui::PushID("floor");
  if (!v.floor_plan_id && !d.venue->floor_plans.empty())
    v.floor_plan_id = d.venue->floor_plans.front().id;
  draw_plan_tabs(v, d);
  draw_floor_day_bar(v.day, d, v.floor_plan_id, out.day);
  draw_sections_bar(v.sections, d, out.sections);
  float panel = v.selected_table ? em(18) : 0.0f;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("canvas", ImVec2(avail.x - panel, avail.y), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const auto selected = v.selected_table;
  draw_joining_canvas(v, d, out);
  // Sections mode: a tap gives the table to the picked server (or takes it back).
  if (out.select_table && sections_tap(v.sections, d, *out.select_table, out.sections))
    v.selected_table = selected, out.select_table.reset(), out.tapped_table.reset();
  ImGui::EndChild();
  if (v.selected_table) {
    ImGui::SameLine();
    ImGui::BeginChild("table_panel", ImVec2(0, avail.y), true);
    draw_table_panel(v, d, out);
    if (touch_button(L(d.locale, "action.close", "table_panel_close").c_str(), -1.0f))
      v.selected_table.reset();
    ImGui::EndChild();
  }
  draw_actions_popup(v, d, out);
  draw_legend_popup(v.legend, d.locale);
  ImGui::PopID();
}

}  // namespace foh::ui
