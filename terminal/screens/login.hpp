#pragma once
// PIN login: active team members by name, a keypad, a shake on a wrong PIN
// (a timer in the view, run down by the frame time; no statics), the lockout
// countdown from net.
#include <optional>
#include <string>

#include "desk.hpp"

namespace foh::ui {

struct LoginView {
  std::optional<Uuid> member_id;  // the name tapped
  std::string pin;                // digits typed; cleared after each attempt, never logged
  float shake_left = 0;  // seconds of shake left: set by login_failed(), run down by frame time
  std::string message;   // "Wrong PIN" etc., set by the shell through login_failed()
};

struct PinAttempt {
  Uuid member_id;
  std::string pin;  // hand to net's login immediately, then drop
};

struct LoginIntents {
  std::optional<PinAttempt> attempt;  // a member + complete PIN (4-6 digits, OK pressed)
  std::optional<Language> switch_locale;
};

// The shell calls this when net refuses a PIN: starts the shake, shows `message`.
void login_failed(LoginView& v, LocalInstant now, std::string message);
// Horizontal shake offset in em (0 when not shaking).
float shake_offset_em(const LoginView& v);

void draw_login(LoginView& v, const Desk& d, LoginIntents& out);

}  // namespace foh::ui
