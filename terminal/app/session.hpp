#pragma once
// Who is logged in at this terminal and when the terminal was last touched:
// what the screens may show them, whether their actions need a manager's
// PIN, and when the idle logout is due. The PIN checks and the lockout are
// net::PinLogin's; this only holds their outcome.
#include <cstdint>
#include <optional>

#include "app/screen_states.hpp"
#include "foh/engine/calendar.hpp"
#include "foh/net/login.hpp"

namespace foh::app {

class Session {
 public:
  void begin(net::Session who) { who_ = std::move(who); }  // a PIN checked
  void end() { who_.reset(); }
  explicit operator bool() const { return who_.has_value(); }
  net::Session* operator->() { return &*who_; }  // only while logged in
  const net::Session* operator->() const { return &*who_; }
  net::Session& operator*() { return *who_; }
  const net::Session& operator*() const { return *who_; }

  void touched(LocalInstant now) { last_input_ = now; }  // input arrived
  bool may(Tab t) const;                                 // false when nobody is logged in
  bool needs_manager() const;  // a server (or nobody): sensitive actions ask a manager PIN
  // The idle logout is due (idle_seconds 0: never).
  bool idle(LocalInstant now, int idle_seconds) const;
  // Milliseconds until it is due; none when nobody is logged in or it is off (0).
  std::optional<int64_t> ms_until_idle(LocalInstant now, int idle_seconds) const;

 private:
  std::optional<net::Session> who_;
  LocalInstant last_input_;
};

}  // namespace foh::app
