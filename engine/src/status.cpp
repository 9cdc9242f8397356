#include "foh/engine/status.hpp"

#include "foh/engine/permissions.hpp"
#include "phrases.hpp"

namespace foh {
namespace {

using RS = ReservationStatus;

std::string timestamp(const TransitionContext& ctx) {
  return ctx.now_timestamp.empty() ? ctx.now.str() : ctx.now_timestamp;
}

ReservationEvent make_event(const Reservation& r, std::string from, RS to,
                            const TransitionContext& ctx) {
  ReservationEvent e;
  e.id = ctx.event_id;
  e.reservation_id = r.id;
  e.customer_id = r.customer_id;
  e.changed_by = ctx.changed_by;
  e.from_status = std::move(from);
  e.to_status = to_string(to);
  e.metadata = ctx.metadata.is_object() ? ctx.metadata : Json::object();
  e.created_at = timestamp(ctx);
  return e;
}

std::string role_refusal(std::string_view action, Language l) {
  return phrase::needs_manager(l, action == action::kCancel);
}

// Arrived and Seated may carry the number of guests present.
Status apply_arrival(Reservation& r, RS to, const TransitionContext& ctx) {
  const Language l = ctx.language;
  if (to == RS::Arrived) {
    int count = ctx.arrived_count.value_or(r.party_size);
    if (count < 1 || count > r.party_size)
      return Error{"arrived_count", phrase::arrived_count_range(l, r.party_size, count)};
    if (r.status == RS::Arrived && r.arrived_count == count)
      return Error{"status", phrase::already_arrived(l, count, r.party_size)};
    r.arrived_count = count;
  } else if (to == RS::Seated && ctx.arrived_count) {
    if (*ctx.arrived_count < 1 || *ctx.arrived_count > r.party_size)
      return Error{"arrived_count",
                   phrase::arrived_count_range(l, r.party_size, *ctx.arrived_count)};
    r.arrived_count = ctx.arrived_count;
  }
  return ok();
}

}  // namespace

bool is_allowed(RS from, RS to) {
  switch (from) {
    case RS::Pending:
      return to == RS::Confirmed || to == RS::Arrived || to == RS::Seated || to == RS::Cancelled;
    case RS::Confirmed:
    case RS::Arrived:  // Arrived again: more of the party came (partial arrival)
      return to == RS::Arrived || to == RS::Seated || to == RS::NoShow || to == RS::Cancelled;
    case RS::Seated:
      return to == RS::Completed || to == RS::Cancelled;
    case RS::Completed:
    case RS::Cancelled:
    case RS::NoShow:
      return false;
  }
  return false;
}

Result<Transition> transition(const Reservation& r, RS to, const TransitionContext& ctx) {
  if (ctx.event_id.empty()) return Error{"event_id", "an event id is required"};
  if (r.status == to && to != RS::Arrived)
    return Error{"status", phrase::already(ctx.language, to)};
  if (!is_allowed(r.status, to))
    return Error{"status", phrase::cannot_go(ctx.language, r.status, to)};
  if (to == RS::Cancelled && !may_authorize(ctx.role, action::kCancel))
    return Error{"status", role_refusal(action::kCancel, ctx.language)};
  Transition t{r, {}};
  std::optional<int> previous_count = r.arrived_count;
  if (auto st = apply_arrival(t.reservation, to, ctx); !st) return st.error();
  t.reservation.status = to;
  if (to == RS::Seated) t.reservation.seated_at = timestamp(ctx);
  t.event = make_event(r, to_string(r.status), to, ctx);
  if (t.reservation.arrived_count && (to == RS::Arrived || to == RS::Seated))
    t.event.metadata["arrived_count"] = *t.reservation.arrived_count;
  if (r.status == RS::Arrived && to == RS::Arrived && previous_count)
    t.event.metadata["previous_arrived_count"] = *previous_count;  // so an undo restores it
  return t;
}

Result<Transition> create(const Reservation& r, const TransitionContext& ctx) {
  if (ctx.event_id.empty()) return Error{"event_id", "an event id is required"};
  if (!is_live(r.status)) return Error{"status", phrase::cannot_create(ctx.language, r.status)};
  Transition t{r, {}};
  if (r.status == RS::Seated && !t.reservation.seated_at) t.reservation.seated_at = timestamp(ctx);
  if (r.status == RS::Arrived && !t.reservation.arrived_count)
    t.reservation.arrived_count = ctx.arrived_count.value_or(r.party_size);
  t.event = make_event(r, "", r.status, ctx);
  return t;
}

const ReservationEvent* last_event(const std::vector<ReservationEvent>& history,
                                   const Uuid& reservation_id) {
  for (auto it = history.rbegin(); it != history.rend(); ++it)
    if (it->reservation_id == reservation_id) return &*it;
  return nullptr;
}

Result<Transition> undo_last(const Reservation& r, const std::vector<ReservationEvent>& history,
                             const TransitionContext& ctx) {
  const ReservationEvent* last = last_event(history, r.id);
  if (!last) return Error{"status", phrase::nothing_to_undo(ctx.language)};
  return undo(r, *last, ctx);
}

Result<Transition> undo(const Reservation& r, const ReservationEvent& last,
                        const TransitionContext& ctx) {
  if (ctx.event_id.empty()) return Error{"event_id", "an event id is required"};
  const Language l = ctx.language;
  if (!may_authorize(ctx.role, action::kUndo))
    return Error{"status", role_refusal(action::kUndo, l)};
  if (last.reservation_id != r.id)
    return Error{"status", "event " + last.id + " belongs to another reservation"};
  if (last.from_status.empty()) return Error{"status", phrase::cannot_undo_creation(l)};
  auto back = parse_reservation_status(last.from_status);
  if (!back) return Error{"status", "unknown status \"" + last.from_status + "\""};
  if (last.to_status != to_string(r.status))
    return Error{"status", phrase::undo_not_current(l, last.from_status, last.to_status, r.status)};
  Transition t{r, {}};
  Reservation& u = t.reservation;
  u.status = *back;
  if (*back != RS::Seated && *back != RS::Completed) u.seated_at.reset();
  if (*back == RS::Pending || *back == RS::Confirmed) u.arrived_count.reset();
  if (*back == RS::Arrived && last.metadata.contains("previous_arrived_count") &&
      last.metadata["previous_arrived_count"].is_number_integer())
    u.arrived_count = last.metadata["previous_arrived_count"].get<int>();
  t.event = make_event(r, to_string(r.status), *back, ctx);
  t.event.metadata["undo_of"] = last.id;
  return t;
}

}  // namespace foh
