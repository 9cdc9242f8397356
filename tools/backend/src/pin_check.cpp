#include "pin_check.hpp"

#include <algorithm>

#include "foh/engine/pin.hpp"

namespace foh::backend {
namespace {
// Any well-formed PIN and salt: only the cost of hashing them matters.
constexpr std::string_view kDummyPin = "0000";
constexpr std::string_view kDummySalt = "00112233445566778899aabbccddeeff";
}  // namespace

bool pin_matches(const std::string& pin, const TeamMember& member) {
  return verify_pin(pin, member);
}

bool pin_matches_timed(std::string_view pin, const TeamMember* member, int dummy_iterations) {
  if (member && is_valid_pin_format(pin) && pin_hash_iterations(member->pin) > 0 &&
      is_valid_salt(member->pin_salt))
    return verify_pin(pin, *member);
  (void)hash_pin(kDummyPin, kDummySalt, dummy_iterations);
  return false;
}

int dummy_iterations(const std::vector<std::string>& stored) {
  int most = 0;
  for (const auto& s : stored) most = std::max(most, pin_hash_iterations(s));
  return most > 0 ? most : kPinIterations;
}

}  // namespace foh::backend
