#include "pin_check.hpp"

#include "foh/engine/pin.hpp"

namespace foh::backend {

bool pin_matches(const std::string& pin, const TeamMember& member) {
  return verify_pin(pin, member);
}

}  // namespace foh::backend
