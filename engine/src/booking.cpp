// A booking's hours and pacing, and the note that records an override.
#include "foh/engine/booking.hpp"

#include "foh/engine/pacing.hpp"
#include "foh/engine/rules.hpp"
#include "phrases.hpp"

namespace foh {

BookingCheck check_booking(const Reservation& r, const std::vector<Reservation>& day,
                           const Settings& s, const std::vector<Service>& services,
                           const std::optional<BookingOverride>& override_with, Language language) {
  BookingCheck c;
  if (!service_at(r.date, r.time, services)) {
    c.refusal = BookingRefusal::Closed;
    c.reason = phrase::refused_closed(language, r.time);
  } else {
    PacingCheck p = check_pacing(r, day, s, services, std::nullopt, language);
    if (!p.allowed) {
      c.refusal = BookingRefusal::Pacing;
      c.reason = phrase::refused_pacing(language, p.reason);
    }
  }
  if (c.refusal == BookingRefusal::None) return c;
  c.allowed = c.overridden = override_with.has_value();
  return c;
}

bool needs_booking_check(const Reservation& before, const Reservation& after) {
  const bool at_door = after.status == ReservationStatus::Arrived ||
                       after.status == ReservationStatus::Seated || !is_live(after.status);
  if (at_door) return false;
  return before.date != after.date || before.time != after.time ||
         before.party_size != after.party_size;
}

std::string override_note(const BookingCheck& c, const BookingOverride& o, Language language) {
  const std::string who = o.by_name.empty() ? o.by.value_or("?") : o.by_name;
  return (language == Language::Fr ? "Dérogation de " + who + " : " : "Override by " + who + ": ") +
         c.reason;
}

std::string with_override_note(const std::string& notes, const BookingCheck& c,
                               const BookingOverride& o, Language language) {
  if (!c.overridden) return notes;
  return notes + (notes.empty() ? "" : "\n") + override_note(c, o, language);
}

}  // namespace foh
