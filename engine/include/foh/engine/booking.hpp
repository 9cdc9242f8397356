#pragma once
// A booking's own rules, apart from its table: a service must run at its date
// and time, and pacing must take its covers (pacing.hpp). A new booking and an
// edit of date, time or party size are checked; a Manager or Admin may
// override a refusal explicitly, and the override is written into the
// booking's notes (the model's one free-text column that travels with the
// row), naming who overrode what.
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/language.hpp"
#include "foh/engine/model.hpp"

namespace foh {

// Who overrides a refusal: a Manager or Admin (permissions.hpp kOverride).
struct BookingOverride {
  std::optional<Uuid> by;  // team_members.id
  std::string by_name;     // as the note names them
};

enum class BookingRefusal { None, Closed, Pacing };

struct BookingCheck {
  bool allowed = true;
  bool overridden = false;  // refused, then allowed by an override
  BookingRefusal refusal = BookingRefusal::None;
  std::string reason;  // the refusal in the language asked ("Refusé : fermé à 20:30 ...")
};

// Is `r` bookable at its date and time? Opening hours (service_at), then
// pacing against `day` (r's own id left out, so an edit does not count
// itself). With `override_with`, a refusal is allowed and marked overridden.
BookingCheck check_booking(const Reservation& r, const std::vector<Reservation>& day,
                           const Settings& s, const std::vector<Service>& services,
                           const std::optional<BookingOverride>& override_with = std::nullopt,
                           Language language = Language::En);

// Does an edit from `before` to `after` need check_booking? When the date,
// time or party size changes and the party has not arrived: a party at the
// door (Arrived, Seated) is the host's call, as seating now is.
bool needs_booking_check(const Reservation& before, const Reservation& after);

// The line an override adds to the notes, in `language`:
// "Dérogation de Julien Moreau : Refusé : fermé à 20:30 (pas de service)".
std::string override_note(const BookingCheck& c, const BookingOverride& o, Language language);

// `notes` with the override line appended on its own line (nothing when the
// check was not overridden).
std::string with_override_note(const std::string& notes, const BookingCheck& c,
                               const BookingOverride& o, Language language);

}  // namespace foh
