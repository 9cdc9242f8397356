#pragma once
// PIN verification for pin-login, delegated to the engine (foh/engine/pin.hpp:
// PBKDF2-HMAC-SHA256, "pbkdf2-sha256$<iterations>$<hex>" with a hex salt).
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/model.hpp"

namespace foh::backend {

bool pin_matches(const std::string& pin, const TeamMember& member);

// The same check in the same time whether or not there is a member to check:
// without one (unknown, inactive, no usable hash) or with a PIN of the wrong
// form, a dummy of `dummy_iterations` is hashed and the answer is false, so
// that an attacker cannot tell unknown members from wrong PINs by the clock.
bool pin_matches_timed(std::string_view pin, const TeamMember* member, int dummy_iterations);

// The dummy's cost: the highest iteration count among `stored` hashes (a
// restaurant's members), or the engine's kPinIterations when none parses.
int dummy_iterations(const std::vector<std::string>& stored);

}  // namespace foh::backend
