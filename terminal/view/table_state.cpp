// Table state at "now" for the floor colours.
#include "view/table_state.hpp"

#include <algorithm>

#include "foh/engine/customer.hpp"
#include "foh/engine/rules.hpp"

namespace foh::ui {

// A later day is a plan, not a service: seen from its start (nobody seated or late).
int64_t now_minutes(const Desk& d) {
  if (d.shows_today()) return d.now.seconds / 60;
  return LocalInstant::at(d.day->date, TimeOfDay{}).seconds / 60;
}

bool is_late(const Booking& b, int64_t now, const Desk& d) {
  static const Settings defaults;  // no venue yet: the settings' defaults
  return foh::is_late(b.r->status, b.start, now, d.venue ? d.settings() : defaults);
}

// When a seated party is expected to leave: the engine's turn rule (foh::expected_leave).
int64_t expected_leave(const Booking& b, const Desk& d) {
  return foh::expected_leave(*b.r, Span{b.start, b.end}, d.day ? d.day->utc_offset_s : 0);
}

TableStatus table_status(const Desk& d, const Table& t) {
  TableStatus st;
  if (!d.index) return st;
  int64_t now = now_minutes(d);
  st.seated = d.index->seated_at(t.id, now);
  st.next = d.index->next_on(t.id, now);
  if (st.next) {
    st.next_late = is_late(*st.next, now, d);
    if (st.next_late) st.late_minutes = static_cast<int>(now - st.next->start);
  }
  if (d.index->is_blocked(t.id)) {
    st.state = TableState::Blocked;
  } else if (st.seated) {
    int64_t since = st.seated->start;
    if (st.seated->r->seated_at)
      if (auto at = d.local_time(*st.seated->r->seated_at)) since = at->seconds / 60;
    st.elapsed_minutes = static_cast<int>(std::max<int64_t>(0, now - since));
    st.turn_minutes = static_cast<int>(st.seated->end - st.seated->start);
    if (const Customer* c = d.index->customer_of(*st.seated->r)) {
      st.allergy = has_tag(*c, GuestTag::Allergy);
      st.vip = has_tag(*c, GuestTag::Vip);
    }
    st.state = now >= expected_leave(*st.seated, d) ? TableState::Overdue : TableState::Seated;
  } else if (st.next_late) {
    st.state = TableState::Held;
  } else if (st.next && (st.next->start - now <= kArrivingSoonMinutes ||
                         st.next->r->status == ReservationStatus::Arrived)) {  // at the door
    st.state = TableState::ArrivingSoon;
  }
  return st;
}

Tone booking_tone(const Booking& b, const Desk& d) {
  const int64_t now = now_minutes(d);
  return tone_of(b.r->status, is_late(b, now, d), now >= expected_leave(b, d));
}

Tone tone_of(const TableStatus& st) {
  switch (st.state) {
    case TableState::Free:
      return Tone::Free;
    case TableState::ArrivingSoon:
      return st.next && st.next->r->status == ReservationStatus::Arrived ? Tone::Arrived
                                                                         : Tone::Booked;
    case TableState::Held:
      return Tone::Late;
    case TableState::Seated:
      return Tone::Seated;
    case TableState::Overdue:
      return Tone::Overdue;
    case TableState::Blocked:
      return Tone::Blocked;
  }
  return Tone::Free;
}

}  // namespace foh::ui
