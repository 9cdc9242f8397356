#pragma once
// The language of the engine's host-facing reasons (the one-line reason of a
// table choice, refusals of assignment, pacing and status changes). English is
// the default: foh-plan's output and the audit trail stay English; the
// terminal passes its locale. Data-validation errors (codec, validate) are for
// files and developers and stay English.
#include "foh/engine/model.hpp"

namespace foh {

enum class Language { En, Fr };

// A reservation status as hosts read it: "No-show" / "Non venue". The one
// place a status is named; the terminal shows these too.
const char* status_name(Language l, ReservationStatus s);

}  // namespace foh
