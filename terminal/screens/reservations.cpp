// Reservations: the day's list per service with search, status filter,
// covers per slot against pacing, and status actions with undo; a manager's
// "Optimise tonight" and its preview in place of the list or the timeline.
#include "screens/reservations.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "foh/engine/permissions.hpp"
#include "foh/engine/search.hpp"
#include "foh/engine/status.hpp"
#include "screens/floor_legend.hpp"
#include "view/day_index.hpp"
#include "view/table_state.hpp"
#include "widgets/guest_texts.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Language l, const char* key, const char* id) {
  return std::string(tr(l, key)) + "###" + id;
}

void draw_mode_bar(ReservationsView& v, const Desk& d, ReservationsIntents& out) {
  Language l = d.locale;
  if (toggle_button(L(l, "res.list", "mode_list").c_str(), v.mode == ReservationsMode::List))
    v.mode = ReservationsMode::List;
  ImGui::SameLine();
  if (toggle_button(L(l, "res.timeline", "mode_timeline").c_str(),
                    v.mode == ReservationsMode::Timeline))
    v.mode = ReservationsMode::Timeline;
  ImGui::SameLine();
  if (toggle_button(L(l, "res.new", "mode_form").c_str(), v.mode == ReservationsMode::Form))
    v.mode = ReservationsMode::Form;
  ImGui::SameLine();
  // The day's re-plan moves everyone's tables: managers and admins only.
  if (v.mode != ReservationsMode::Form && d.member && may_authorize(*d.member, action::kOptimise)) {
    if (touch_button(L(l, "res.optimise", "res_optimise").c_str())) out.optimise = true;
    ImGui::SameLine();
  }
  ImGui::TextUnformatted(d.day ? format_date(l, d.day->date).c_str() : "");
}

void draw_service_bar(ReservationsView& v, const Desk& d) {
  Language l = d.locale;
  if (toggle_button(L(l, "res.all_day", "svc_all").c_str(), !v.service_id)) v.service_id.reset();
  for (const Service& s : d.venue->services) {
    ImGui::SameLine();
    ImGui::PushID(s.id.c_str());
    std::string label = s.name + "###svc_" + s.name;
    if (toggle_button(label.c_str(), v.service_id == s.id)) v.service_id = s.id;
    ImGui::PopID();
  }
}

void draw_filters(ReservationsView& v, const Desk& d) {
  Language l = d.locale;
  // After the services where it fits: on a short screen the list keeps its room.
  const std::string search = L(l, "res.search", "res_search");
  constexpr float kSearchEm = 14.0f;
  flow(em(kSearchEm) + ImGui::GetStyle().ItemInnerSpacing.x +
       ImGui::CalcTextSize(search.c_str(), nullptr, true).x);
  text_field(search.c_str(), v.search, FieldError::None, l, kSearchEm);
  // The filters wrap like words: on a narrow tablet they take a second row.
  const std::string any = L(l, "res.any_status", "filter_any");
  flow(touch_button_width(any.c_str()));
  if (toggle_button(any.c_str(), !v.status_filter)) v.status_filter.reset();
  static constexpr ReservationStatus kStatuses[] = {
      ReservationStatus::Pending, ReservationStatus::Confirmed, ReservationStatus::Arrived,
      ReservationStatus::Seated,  ReservationStatus::Completed, ReservationStatus::Cancelled,
      ReservationStatus::NoShow};
  for (ReservationStatus s : kStatuses) {
    std::string label = std::string(status_text(l, s)) + "###filter_" + to_string(s);
    flow(touch_button_width(label.c_str()));
    if (toggle_button(label.c_str(), v.status_filter == s)) v.status_filter = s;
  }
}

// Covers per pacing slot for the service shown, against max_covers_per_slot.
void draw_covers(const ReservationsView& v, const Desk& d) {
  const Settings& s = d.settings();
  const Service* svc = nullptr;
  for (const Service& x : d.venue->services)
    if (v.service_id == x.id) svc = &x;
  int shown = 0;
  for (const auto& [slot, covers] : d.index->covers_per_slot()) {
    int m = static_cast<int>(slot);
    if (svc) {
      int a = svc->start_time.minutes(), b = svc->end_time.minutes();
      if (b <= a) b += 1440;
      if (m < a || m >= b) continue;
    }
    if (shown++) ImGui::SameLine();
    bool over = s.max_covers_per_slot > 0 && covers > s.max_covers_per_slot;
    ImVec4 c = over ? ImVec4(0.95f, 0.35f, 0.3f, 1) : ImVec4(0.75f, 0.75f, 0.75f, 1);
    if (s.max_covers_per_slot > 0)
      ImGui::TextColored(c, "%s %d/%d", TimeOfDay::from_minutes(m).hhmm().c_str(), covers,
                         s.max_covers_per_slot);
    else
      ImGui::TextColored(c, "%s %d", TimeOfDay::from_minutes(m).hhmm().c_str(), covers);
  }
}

// The status as the timeline and the floor colour it (one palette): chip, then word.
void draw_status_cell(const Reservation& r, const Desk& d) {
  const Booking* b = d.index->booking(r.id);
  tone_chip(b ? booking_tone(*b, d) : tone_of(r.status), d.locale, false);
  ImGui::SameLine();
  ImGui::TextUnformatted(status_text(d.locale, r.status));
}

void status_button(const Reservation& r, ReservationStatus to, const char* key, const char* id,
                   Language l, ReservationsIntents& out, std::optional<int> count = std::nullopt) {
  if (!is_allowed(r.status, to) && !(to == r.status && count)) return;
  const std::string label = L(l, key, id);
  flow(touch_button_width(label.c_str()));
  if (touch_button(label.c_str())) out.status = StatusCommand{r.id, to, count};
}

// The party stepper's width (- n +), so that the row can wrap before it.
float stepper_width() {
  const ImGuiStyle& s = ImGui::GetStyle();
  return 2 * std::max(em(3), touch_target()) + ImGui::CalcTextSize("99").x + 2 * s.ItemSpacing.x;
}

void draw_actions(ReservationsView& v, const Desk& d, ReservationsIntents& out) {
  const Booking* b = v.selected ? d.index->booking(*v.selected) : nullptr;
  if (!b) return;
  const Reservation& r = *b->r;
  Language l = d.locale;
  ImGui::Separator();
  ImGui::Text("%s %s — %s (%d) — %s %s", r.time.hhmm().c_str(), r.guest_name.c_str(),
              r.guest_phone.c_str(), r.party_size, tr(l, "floor.table"), r.table_number.c_str());
  if (!r.notes.empty()) ImGui::TextWrapped("%s", r.notes.c_str());
  draw_guest_texts(d, r);  // the last text, its delivery and any reply
  // The actions wrap like words on a narrow screen; this region scrolls on a short one.
  if (touch_button(L(l, "action.edit", "st_edit").c_str())) start_edit(v, r);
  status_button(r, ReservationStatus::Confirmed, "action.confirm", "st_confirm", l, out);
  // Only today's bookings arrive or sit down: a later day's party is not here yet.
  const bool today = d.shows_today();
  if (today && (is_allowed(r.status, ReservationStatus::Arrived) ||
                r.status == ReservationStatus::Arrived)) {
    if (v.arrived_count < 1 || v.arrived_count > r.party_size) v.arrived_count = r.party_size;
    flow(stepper_width());
    party_stepper("arrived_count", v.arrived_count);
    status_button(r, ReservationStatus::Arrived, "action.arrived", "st_arrived", l, out,
                  v.arrived_count);
  }
  if (today && is_allowed(r.status, ReservationStatus::Seated)) {
    const std::string seat = L(l, "action.seat", "st_seat");
    flow(touch_button_width(seat.c_str()));
    if (touch_button(seat.c_str())) out.open_seat = r.id;
  }
  status_button(r, ReservationStatus::Completed, "action.complete", "st_complete", l, out);
  const std::string undo = L(l, "action.undo", "st_undo");
  flow(touch_button_width(undo.c_str()));
  if (touch_button(undo.c_str())) out.undo_last = r.id;
  if (today) confirm_button(v, r, ReservationStatus::NoShow, l);  // asked again, in red
  confirm_button(v, r, ReservationStatus::Cancelled, l);
  draw_status_confirm(v, d, out);
}

void draw_list(ReservationsView& v, const Desk& d, ReservationsIntents& out) {
  Language l = d.locale;
  std::vector<const Reservation*> rows = filtered_reservations(v, d);
  ImGui::TextUnformatted(
      count_text(l, static_cast<int>(rows.size()), "res.count_one", "res.count").c_str());
  // The selected booking's details and two rows of actions under the list.
  float actions_h =
      v.selected ? action_area_height(2) + 3 * ImGui::GetTextLineHeightWithSpacing() : 0.0f;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // Never past the screen's bottom; with a booking selected, room left for
  // its actions to scroll into view on a short screen.
  const float most = v.selected ? avail.y - 2 * touch_target() : avail.y;
  const float list_h = std::max(avail.y - actions_h, std::min(em(8), most));
  if (!ImGui::BeginTable(
          "res_list", 6,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
          ImVec2(avail.x, std::max(list_h, touch_target()))))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* h :
       {"field.time", "field.name", "field.party", "floor.table", "field.status", "field.phone"})
    ImGui::TableSetupColumn(tr(l, h));
  ImGui::TableHeadersRow();
  float row_h = touch_target() * 0.75f;
  ImGuiListClipper clipper;  // only the visible rows are drawn: 3 000 bookings cost like 20
  clipper.Begin(static_cast<int>(rows.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Reservation& r = *rows[i];
      ImGui::PushID(r.id.c_str());
      ImGui::TableNextRow(0, row_h);
      ImGui::TableNextColumn();
      bool sel = v.selected == r.id;
      std::string label = r.time.hhmm() + "###row_" + r.guest_name;
      if (ImGui::Selectable(label.c_str(), sel, ImGuiSelectableFlags_SpanAllColumns,
                            ImVec2(0, row_h))) {
        v.selected = r.id;
        v.arrived_count = r.party_size;
        out.select = r.id;
      }
      record_item(label.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.guest_name.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d", r.party_size);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.table_number.c_str());
      ImGui::TableNextColumn();
      draw_status_cell(r, d);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.guest_phone.c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  if (!v.selected) return;
  ImGui::BeginChild("res_actions", ImVec2(0, 0), false);  // the rest, scrolling on a short screen
  draw_actions(v, d, out);
  ImGui::EndChild();
}

// The re-plan before it is written, in place of the list or the timeline
// (a decision: Apply or Cancel): covers, the buttons, one line per party.
void draw_optimise(ReservationsView& v, const Desk& d, ReservationsIntents& out) {
  const OptimisePreview& p = *v.optimise;
  const bool none = p.moves.empty();
  Language l = d.locale;
  ImGui::Separator();
  if (none) {
    ImGui::TextUnformatted(tr(l, "opt.nothing"));
    record_item("opt_nothing");
  } else {
    ImGui::Text("%s — %s %d → %d", tr(l, "opt.title"), tr(l, "opt.covers"), p.covers_before,
                p.covers_after);
    inline_error(p.refusal.c_str());
    if (touch_button(L(l, "opt.apply", "opt_apply").c_str(), 0.0f, p.refusal.empty()))
      out.apply_moves = p.moves;
    ImGui::SameLine();
  }
  if (touch_button(L(l, none ? "action.close" : "opt.cancel", "opt_cancel").c_str())) {
    v.optimise.reset();
    return;
  }
  if (none) return;
  ImGui::BeginChild("opt_lines", ImVec2(0, 0), true);  // the rest of the screen, scrolling
  for (size_t i = 0; i < p.lines.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextUnformatted(p.lines[i].c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace

std::vector<const Reservation*> filtered_reservations(const ReservationsView& v, const Desk& d) {
  std::vector<const Reservation*> out;
  if (!d.index) return out;
  out.reserve(d.index->bookings().size());
  for (const Booking& b : d.index->bookings()) {
    const Reservation& r = *b.r;
    if (v.service_id && b.service_id != *v.service_id) continue;
    if (v.status_filter && r.status != *v.status_filter) continue;
    if (!guest_matches(r.guest_name, r.guest_phone, v.search)) continue;
    out.push_back(&r);
  }
  return out;
}

void draw_reservations(ReservationsView& v, const Desk& d, ReservationsIntents& out) {
  if (!d.venue || !d.day || !d.index) return;
  ImGui::PushID("reservations");
  draw_mode_bar(v, d, out);
  if (v.optimise && v.mode != ReservationsMode::Form) {
    draw_optimise(v, d, out);
  } else if (v.mode == ReservationsMode::Timeline) {
    draw_timeline(v, d, out);
  } else if (v.mode == ReservationsMode::Form) {
    draw_booking_form(v, d, out);
  } else {
    draw_service_bar(v, d);
    draw_filters(v, d);
    draw_covers(v, d);
    draw_list(v, d, out);
  }
  ImGui::PopID();
}

}  // namespace foh::ui
