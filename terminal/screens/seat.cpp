// Seat a party: pick who (reservation, waitlist entry, walk-in), see the
// engine's suggestion on the floor with its reason, tap an alternative, seat.
#include "screens/seat.hpp"

#include <imgui.h>

#include <string>

#include "foh/engine/floor.hpp"
#include "screens/reservations.hpp"
#include "screens/waitlist.hpp"
#include "view/day_index.hpp"
#include "view/seating.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Locale l, const char* key, const char* id) {
  return std::string(tr(l, key)) + "###" + id;
}

std::string pick_key(const SeatView& v, const Desk& d) {
  return std::to_string(static_cast<int>(v.source)) + "|" + v.reservation_id.value_or("") + "|" +
         v.waitlist_entry_id.value_or("") + "|" + std::to_string(v.party_size) + "|" +
         std::to_string(d.revision) + "|" + std::to_string(d.now.seconds / 60) + "|" +
         locale_code(d.locale);  // the reasons are worded in the host's language
}

void pick_reservations(SeatView& v, const Desk& d) {
  int64_t now = d.now.seconds / 60;
  int shown = 0;
  for (const Booking& b : d.index->bookings()) {
    const Reservation& r = *b.r;
    bool waiting = r.status == ReservationStatus::Confirmed ||
                   r.status == ReservationStatus::Pending || r.status == ReservationStatus::Arrived;
    if (!waiting || b.end <= now || b.start > now + 120) continue;  // the next two hours
    ImGui::PushID(r.id.c_str());
    char label[256];
    std::snprintf(label, sizeof label, "%s %s (%d) %s###pick_%s", r.time.hhmm().c_str(),
                  r.guest_name.c_str(), r.party_size, r.table_number.c_str(), r.guest_name.c_str());
    bool sel = v.source == PartySource::Reservation && v.reservation_id == r.id;
    if (toggle_button(label, sel, -1.0f)) {
      v.source = PartySource::Reservation;
      v.reservation_id = r.id;
      v.party_size = r.status == ReservationStatus::Arrived && r.arrived_count ? *r.arrived_count
                                                                               : r.party_size;
      v.guest_name = r.guest_name;
      v.chosen = -1;
    }
    ImGui::PopID();
    ++shown;
  }
  if (shown == 0) ImGui::TextUnformatted(tr(d.locale, "seat.no_reservations"));
}

void pick_waitlist(SeatView& v, const Desk& d) {
  for (const QueueRow& q : waitlist_queue(d)) {
    if (is_unconfirmed(*q.entry)) continue;
    ImGui::PushID(q.entry->id.c_str());
    std::string label = std::to_string(q.position) + ". " + q.entry->guest_name + " (" +
                        std::to_string(q.entry->party_size) + ")###pickwl_" + q.entry->guest_name;
    bool sel = v.source == PartySource::Waitlist && v.waitlist_entry_id == q.entry->id;
    if (toggle_button(label.c_str(), sel, -1.0f)) {
      v.source = PartySource::Waitlist;
      v.waitlist_entry_id = q.entry->id;
      v.party_size = q.entry->party_size;
      v.guest_name = q.entry->guest_name;
      v.chosen = -1;
    }
    ImGui::PopID();
  }
}

void draw_warnings(SeatView& v, const Desk& d, SeatIntents& out) {
  int64_t minute = d.now.seconds / 60;
  if (minute != v.warnings_minute || d.revision != v.warnings_revision ||
      d.locale != v.warnings_locale) {
    v.warnings = overstay_warnings(d);
    v.warnings_minute = minute;
    v.warnings_revision = d.revision;
    v.warnings_locale = d.locale;
  }
  for (const OverstayWarning& w : v.warnings) {
    ImGui::PushID(w.next_reservation_id.c_str());
    inline_error(w.text.c_str());
    if (w.proposal) {
      ImGui::SameLine();
      std::string label = std::string(tr(d.locale, "seat.move_to")) + " " +
                          w.proposal->table_number + "###overstay_move";
      if (touch_button(label.c_str())) {
        const Booking* b = d.index->booking(w.next_reservation_id);
        out.move_next =
            MoveCommand{w.next_reservation_id, *w.proposal, b ? b->r->time : TimeOfDay{}};
      }
    }
    ImGui::PopID();
  }
}

// The host taps a table the engine did not propose: take it when the overlap
// rule and capacity allow (check_move), else say why.
void pick_any_table(SeatView& v, const Desk& d, const Uuid& table_id) {
  const Table* t = d.floor->table(table_id);
  if (!t || !v.suggestion) return;
  if (v.suggestion->best.table_ids == std::vector<Uuid>{table_id}) {
    v.chosen = -1;
    v.refusal.clear();
    return;
  }
  Reservation r;
  if (v.source == PartySource::Reservation && v.reservation_id)
    if (const Booking* b = d.index->booking(*v.reservation_id)) r = *b->r;
  r.id = v.reservation_id.value_or("walk-in");
  r.date = d.day->date;
  r.party_size = v.party_size;
  r.status = ReservationStatus::Seated;
  TableChoice c{{table_id}, t->name, ""};
  auto [ok, why] = check_move(r, c, time_now(d), d);
  c.reason = why;
  if (!ok) {
    v.refusal = why;
    return;
  }
  v.refusal.clear();
  v.suggestion->alternatives.push_back(c);
  v.chosen = static_cast<int>(v.suggestion->alternatives.size()) - 1;
}

const TableChoice* chosen_choice(const SeatView& v) {
  if (!v.suggestion) return nullptr;
  if (v.chosen >= 0 && v.chosen < static_cast<int>(v.suggestion->alternatives.size()))
    return &v.suggestion->alternatives[v.chosen];
  return v.suggestion->accepted ? &v.suggestion->best : nullptr;
}

void draw_choice(SeatView& v, const Desk& d, SeatIntents& out) {
  Locale l = d.locale;
  const SeatSuggestion& s = *v.suggestion;
  const TableChoice* c = chosen_choice(v);
  if (!s.accepted && !c) inline_error(s.reason.c_str());
  if (!v.refusal.empty()) inline_error(v.refusal.c_str());
  if (c) ImGui::TextWrapped("%s", c->reason.c_str());
  for (size_t k = 0; k < s.alternatives.size(); ++k) {
    ImGui::PushID(static_cast<int>(k));
    std::string label = s.alternatives[k].table_number + "###alt_" + s.alternatives[k].table_number;
    if (toggle_button(label.c_str(), v.chosen == static_cast<int>(k)))
      v.chosen = static_cast<int>(k);
    ImGui::SameLine();
    ImGui::PopID();
  }
  if (s.accepted && !s.alternatives.empty()) {
    if (toggle_button(L(l, "seat.best", "alt_best").c_str(), v.chosen < 0)) v.chosen = -1;
  }
  ImGui::NewLine();
  std::string seat =
      std::string(tr(l, "action.seat")) + (c ? " " + c->table_number : "") + "###seat_confirm";
  if (touch_button(seat.c_str(), 16.0f,
                   c != nullptr && validate_party(v.party_size) == FieldError::None)) {
    SeatCommand cmd;
    cmd.source = v.source;
    cmd.reservation_id = v.source == PartySource::Reservation ? v.reservation_id : std::nullopt;
    cmd.waitlist_entry_id = v.source == PartySource::Waitlist ? v.waitlist_entry_id : std::nullopt;
    cmd.party_size = v.party_size;
    cmd.guest_name = v.guest_name;
    cmd.table = *c;
    if (c == &v.suggestion->best) cmd.moves = v.suggestion->moves;  // alternatives move no one
    out.seat = cmd;
  }
}

}  // namespace

void draw_seat(SeatView& v, const Desk& d, SeatIntents& out) {
  if (!d.venue || !d.index || !d.floor || !d.day) return;
  Locale l = d.locale;
  ImGui::PushID("seat");
  draw_warnings(v, d, out);
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("pick", ImVec2(em(20), avail.y), true);
  if (toggle_button(L(l, "seat.walk_in", "src_walkin").c_str(), v.source == PartySource::WalkIn,
                    -1.0f)) {
    v.source = PartySource::WalkIn;
    v.guest_name.clear();
    v.chosen = -1;
  }
  if (v.source == PartySource::WalkIn) party_stepper("seat_party", v.party_size);
  ImGui::Separator();
  ImGui::TextUnformatted(tr(l, "seat.reservations"));
  pick_reservations(v, d);
  ImGui::Separator();
  ImGui::TextUnformatted(tr(l, "wl.title"));
  pick_waitlist(v, d);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginGroup();
  std::string key = pick_key(v, d);
  if (key != v.suggestion_key) {
    v.suggestion = suggest_for(v, d);
    v.suggestion_key = key;
    v.refusal.clear();
    if (v.chosen >= static_cast<int>(v.suggestion->alternatives.size())) v.chosen = -1;
  }
  FloorHighlight hl;
  if (const TableChoice* c = chosen_choice(v)) hl.suggested = c->table_ids;
  for (const TableChoice& a : v.suggestion->alternatives) hl.alternatives.push_back(a.table_ids);
  float footer = touch_target() * 2 + em(3);
  ImGui::BeginChild("seat_floor", ImVec2(0, std::max(em(10), avail.y - footer)), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  // A new choice brings its plan into view; the host may still switch tabs after.
  if (!hl.suggested.empty() && hl.suggested.front() != v.shown_table) {
    v.shown_table = hl.suggested.front();
    if (const Table* t = d.floor->table(v.shown_table)) v.floor.floor_plan_id = t->floor_plan_id;
  }
  draw_floor_canvas(v.floor, d, &hl, out.floor);
  ImGui::EndChild();
  if (out.floor.picked_alternative)
    v.chosen = *out.floor.picked_alternative, v.refusal.clear();
  else if (out.floor.tapped_table)
    pick_any_table(v, d, *out.floor.tapped_table);
  draw_choice(v, d, out);
  ImGui::EndGroup();
  ImGui::PopID();
}

}  // namespace foh::ui
