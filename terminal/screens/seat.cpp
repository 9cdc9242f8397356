// Seat a party: pick who (reservation, waitlist entry, walk-in), see the
// engine's suggestion on the floor with its reason, tap an alternative, seat.
#include "screens/seat.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "foh/engine/floor.hpp"
#include "screens/reservations.hpp"
#include "screens/waitlist.hpp"
#include "view/day_index.hpp"
#include "view/seating.hpp"
#include "widgets/customer_card.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Language l, const char* key, const char* id) {
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
      v.no_pick = false;
    }
    ImGui::PopID();
    ++shown;
  }
  if (shown == 0) ImGui::TextUnformatted(tr(d.locale, "seat.no_reservations"));
}

// The picked booking as it arrived: the stepper changes the party itself
// ("booked 6, arrived 8"), the engine proposes a table for the new size, and
// Seat writes both; Edit opens the booking form for the rest.
void draw_booked_party(SeatView& v, const Desk& d, SeatIntents& out) {
  const Booking* b = v.reservation_id ? d.index->booking(*v.reservation_id) : nullptr;
  if (!b) return;
  ImGui::TextWrapped("%s \u2014 %s %d", b->r->guest_name.c_str(), tr(d.locale, "seat.party"),
                     v.party_size);
  // The guest at the door: allergy and VIP first, then notes and visits.
  if (const Customer* c = d.index->customer_of(*b->r)) customer_card("seat_guest", *c, d.locale);
  party_stepper("seat_booked_party", v.party_size);
  if (touch_button(L(d.locale, "action.edit", "seat_edit").c_str(), -1.0f))
    out.edit_booking = b->r->id;
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
      v.no_pick = false;
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

// Who to seat: a walk-in (with its party size), the next two hours' bookings, the waitlist.
void draw_pick_list(SeatView& v, const Desk& d, SeatIntents& out) {
  const Language l = d.locale;
  if (toggle_button(L(l, "seat.walk_in", "src_walkin").c_str(),
                    !v.no_pick && v.source == PartySource::WalkIn, -1.0f)) {
    v.source = PartySource::WalkIn;
    v.guest_name.clear();
    v.chosen = -1;
    v.no_pick = false;
  }
  if (!v.no_pick && v.source == PartySource::WalkIn) party_stepper("seat_party", v.party_size);
  if (!v.no_pick && v.source == PartySource::Reservation) draw_booked_party(v, d, out);
  ImGui::Separator();
  ImGui::TextUnformatted(tr(l, "seat.reservations"));
  pick_reservations(v, d);
  ImGui::Separator();
  ImGui::TextUnformatted(tr(l, "wl.title"));
  pick_waitlist(v, d);
}

// A table or combination the suggestion does not hold (tapped, or quoted by
// the waitlist): taken as it is, with check_move's reason, when the overlap
// rule and capacity allow, else the refusal says why.
void pick_other(SeatView& v, const Desk& d, TableChoice want) {
  Reservation r;
  if (v.source == PartySource::Reservation && v.reservation_id)
    if (const Booking* b = d.index->booking(*v.reservation_id)) r = *b->r;
  r.id = v.reservation_id.value_or("walk-in");
  r.date = d.day->date;
  r.party_size = v.party_size;
  r.status = ReservationStatus::Seated;
  DropVerdict pick = check_move(r, std::move(want), time_now(d), d);
  if (!pick.allowed) {
    v.refusal = std::move(pick.choice.reason);
    return;
  }
  v.refusal.clear();
  v.suggestion->alternatives.push_back(std::move(pick.choice));
  v.chosen = static_cast<int>(v.suggestion->alternatives.size()) - 1;
}

// The host taps a table the engine did not propose: take it when the rules allow.
void pick_any_table(SeatView& v, const Desk& d, const Uuid& table_id) {
  const Table* t = d.floor->table(table_id);
  if (!t || !v.suggestion) return;
  if (v.suggestion->table_ids == std::vector<Uuid>{table_id}) {
    v.chosen = -1;
    v.refusal.clear();
    return;
  }
  pick_other(v, d, TableChoice{{table_id}, t->name, ""});
}

// The waitlist's recommendation opened the screen: its choice is the one
// chosen (the engine's best when the same table, else that alternative, each
// with the reason it was judged with; else the quoted choice itself when the
// rules allow it; when they do not, the refusal says why and the best stays).
void take_proposal(SeatView& v, const Desk& d) {
  TableChoice want = std::move(*v.proposed);
  v.proposed.reset();
  const auto& alts = v.suggestion->alternatives;
  if (v.suggestion->table_ids == want.table_ids) {
    v.chosen = -1;
    return;
  }
  for (size_t k = 0; k < alts.size(); ++k)
    if (alts[k].table_ids == want.table_ids) {
      v.chosen = static_cast<int>(k);
      return;
    }
  if (!want.table_ids.empty()) pick_other(v, d, std::move(want));
}

const TableChoice* chosen_choice(const SeatView& v) {
  if (!v.suggestion || v.no_pick) return nullptr;  // just seated: no table until a new pick
  if (v.chosen >= 0 && v.chosen < static_cast<int>(v.suggestion->alternatives.size()))
    return &v.suggestion->alternatives[v.chosen];
  return v.suggestion->accepted ? &*v.suggestion : nullptr;  // the best, a TableChoice
}

void draw_choice(SeatView& v, const Desk& d) {
  Language l = d.locale;
  if (v.no_pick) return ImGui::TextWrapped("%s", tr(l, "seat.pick_next"));
  const Decision& s = *v.suggestion;
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
}

// The primary action, in the action area below the floor: always whole.
void draw_seat_button(SeatView& v, const Desk& d, SeatIntents& out) {
  const Language l = d.locale;
  const TableChoice* c = chosen_choice(v);
  std::string seat =
      std::string(tr(l, "action.seat")) + (c ? " " + c->table_number : "") + "###seat_confirm";
  // Disabled while this command's write has not landed (Desk::pending_writes).
  if (touch_button(seat.c_str(), 16.0f,
                   c != nullptr && validate_party(v.party_size) == FieldError::None &&
                       !d.writing(v.command_id))) {
    SeatCommand cmd;
    cmd.command_id = v.command_id;  // the same tap again is recognised, never a second party
    cmd.source = v.source;
    cmd.reservation_id = v.source == PartySource::Reservation ? v.reservation_id : std::nullopt;
    cmd.waitlist_entry_id = v.source == PartySource::Waitlist ? v.waitlist_entry_id : std::nullopt;
    cmd.party_size = v.party_size;
    cmd.guest_name = v.guest_name;
    cmd.table = *c;
    if (c == &*v.suggestion) cmd.moves = v.suggestion->moved;  // alternatives move no one
    out.seat = cmd;
  }
}

}  // namespace

Decision suggest_for(const SeatView& v, const Desk& d) {
  PartyToSeat p;
  p.party_size = v.party_size;
  if (v.source == PartySource::Reservation) p.reservation_id = v.reservation_id;
  if (p.reservation_id && d.index)
    if (const Booking* b = d.index->booking(*p.reservation_id)) p.duration = b->r->duration;
  return suggest_now(p, d);
}

void draw_seat(SeatView& v, const Desk& d, SeatIntents& out) {
  if (!d.venue || !d.index || !d.floor || !d.day) return;
  ImGui::PushID("seat");
  draw_warnings(v, d, out);
  // Portrait: who to seat above the floor; landscape: beside it.
  const bool tall = portrait();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 list =
      tall ? ImVec2(0, avail.y * 0.3f) : ImVec2(std::min(em(20), avail.x * 0.35f), avail.y);
  ImGui::BeginChild("pick", list, true);
  draw_pick_list(v, d, out);
  ImGui::EndChild();
  if (!tall) ImGui::SameLine();
  ImGui::BeginGroup();
  std::string key = pick_key(v, d);
  if (key != v.suggestion_key) {
    v.suggestion = suggest_for(v, d);
    v.suggestion_key = key;
    v.refusal.clear();
    if (v.chosen >= static_cast<int>(v.suggestion->alternatives.size())) v.chosen = -1;
  }
  if (v.proposed) take_proposal(v, d);
  FloorHighlight hl;
  if (const TableChoice* c = chosen_choice(v)) hl.suggested = c->table_ids;
  if (!v.no_pick)
    for (const TableChoice& a : v.suggestion->alternatives) hl.alternatives.push_back(a.table_ids);
  // Below the floor: the reason and the alternatives (scrolling when long),
  // then the seat button in an action area that is never cut.
  const float choice_h = em(3.5f) + touch_target();
  const float floor_h = ImGui::GetContentRegionAvail().y - choice_h - action_area_height(1);
  ImGui::BeginChild("seat_floor", ImVec2(0, std::max(em(6), floor_h)), false,
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
  ImGui::BeginChild("seat_choice", ImVec2(0, choice_h), false,
                    ImGuiWindowFlags_HorizontalScrollbar);
  draw_choice(v, d);
  ImGui::EndChild();
  draw_seat_button(v, d, out);
  ImGui::EndGroup();
  ImGui::PopID();
}

}  // namespace foh::ui
