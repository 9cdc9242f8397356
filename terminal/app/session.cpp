#include "app/session.hpp"

#include <algorithm>

namespace foh::app {

bool Session::may(Tab t) const {
  if (!who_) return false;
  // Seating is floor work: whoever has the floor may seat, unless the seat tab is named.
  if (t == Tab::Seat) return who_->may("seat") || who_->may("floor");
  // The shift at a glance is for whoever runs the book: managers and hosts.
  if (t == Tab::Shift) return who_->may("shift") || who_->may("reservations");
  return who_->may(tab_name(t));
}

bool Session::needs_manager() const { return !who_ || who_->member.role == Role::Server; }

bool Session::idle(LocalInstant now, int idle_seconds) const {
  return who_ && idle_seconds > 0 && now.seconds - last_input_.seconds >= idle_seconds;
}

std::optional<int64_t> Session::ms_until_idle(LocalInstant now, int idle_seconds) const {
  if (!who_ || idle_seconds <= 0) return std::nullopt;  // 0: no idle logout, nothing to wait for
  return std::max<int64_t>(0, (last_input_.seconds + idle_seconds - now.seconds) * 1000);
}

}  // namespace foh::app
