#pragma once
// The reservation status machine. Every change produces the reservation_events
// row that records it (from, to, changed_by, metadata). The engine makes no ids
// and reads no clock: the caller passes the event id and "now".
//
//   Pending   -> Confirmed, Arrived, Seated, Cancelled
//   Confirmed -> Arrived, Seated, No-show, Cancelled
//   Arrived   -> Arrived (partial arrival: arrived_count changes), Seated, No-show, Cancelled
//   Seated    -> Completed, Cancelled
//   Completed, Cancelled, No-show: final, except for an undo.
// Cancelling and undoing are sensitive (permissions.hpp): Manager or Admin.
// Undoing a Cancelled/No-show puts the reservation back on its table: the
// caller checks conflicts_with (rules.hpp) before writing it.
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/language.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

struct TransitionContext {
  std::optional<Uuid> changed_by;  // the team member (null: the system)
  Role role = Role::Server;        // the role that authorised it (after a manager PIN, Manager)
  LocalInstant now;                // restaurant-local now
  // Timestamp text for seated_at and the event's created_at; empty = now.str()
  // (local, no zone). Callers that talk to the backend pass a timestamptz.
  std::string now_timestamp;
  Uuid event_id;                     // the new event's id (required)
  std::optional<int> arrived_count;  // Arrived (partial arrival) and Seated
  Json metadata = Json::object();    // context for the audit row: {"reason": "..."}, ...
  Language language = Language::En;  // of the refusals a host reads (errors' messages)
};

struct Transition {
  Reservation reservation;  // the updated row
  ReservationEvent event;   // the audit row to write with it
};

// Is `from -> to` in the table above (Arrived -> Arrived included)?
bool is_allowed(ReservationStatus from, ReservationStatus to);

// Change the status. Refusals say why: "cannot go from Completed to Seated",
// "arrived_count must be 1..4, got 5", "cancelling needs a Manager or Admin".
// Arrived sets arrived_count (ctx.arrived_count, else the party size); Seated
// sets seated_at; the event's metadata carries arrived_count and ctx.metadata.
Result<Transition> transition(const Reservation& r, ReservationStatus to,
                              const TransitionContext& ctx);

// The event recording a new reservation (from_status empty). A walk-in is
// created Seated (seated_at set). Only live statuses can be created.
Result<Transition> create(const Reservation& r, const TransitionContext& ctx);

// The last event of `reservation_id` in `history` (history in write order).
const ReservationEvent* last_event(const std::vector<ReservationEvent>& history,
                                   const Uuid& reservation_id);

// Undo the last transition (a Manager or Admin only): back to last.from_status,
// recorded as an event with metadata {"undo_of": last.id}. Refused when `last`
// is not this reservation's latest change (its to_status differs from the
// current status) or when it is the creation.
Result<Transition> undo(const Reservation& r, const ReservationEvent& last,
                        const TransitionContext& ctx);
// Undo `r`'s latest change in `history` (write order); "nothing to undo" when
// it has none.
Result<Transition> undo_last(const Reservation& r, const std::vector<ReservationEvent>& history,
                             const TransitionContext& ctx);

}  // namespace foh
