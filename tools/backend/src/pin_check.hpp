#pragma once
// PIN verification for pin-login, delegated to the engine (foh/engine/pin.hpp:
// PBKDF2-HMAC-SHA256, "pbkdf2-sha256$<iterations>$<hex>" with a hex salt).
#include <string>

#include "foh/engine/model.hpp"

namespace foh::backend {

bool pin_matches(const std::string& pin, const TeamMember& member);

}  // namespace foh::backend
