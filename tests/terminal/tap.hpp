#pragma once
// Simulated taps over a few frames: move, press, release (ImGui 1.86 reports
// a button on the release frame). Returns the intents of the release frame.
#include <doctest/doctest.h>

#include "fixture.hpp"

namespace foh::test {

template <class Intents, class Draw>
Intents tap_at(Headless& h, float x, float y, Draw&& draw) {
  Intents ignore;
  h.move(x, y);
  h.frame([&] { Intents i; draw(i); });
  h.press();
  h.frame([&] { Intents i; draw(i); });
  h.release();
  Intents out;
  h.frame([&] { draw(out); });
  return out;
}

// Draws one frame to learn where `id` is, then taps its centre.
template <class Intents, class Draw>
Intents tap_item(Headless& h, const std::string& id, Draw&& draw) {
  h.frame([&] { Intents i; draw(i); });
  auto r = h.item(id);
  REQUIRE_MESSAGE(r.has_value(), "item not drawn: " << id);
  return tap_at<Intents>(h, r->cx(), r->cy(), draw);
}

}  // namespace foh::test
