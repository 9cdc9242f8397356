#pragma once
// Simulated pointer input over a few frames: move, press, drag, release
// (ImGui 1.86 reports a button on the release frame). `Draw` draws one screen
// into the Intents it is given.
#include <doctest/doctest.h>

#include "fixture.hpp"

namespace foh::test {

// One frame whose intents are dropped.
template <class Intents, class Draw>
void frame(Headless& h, Draw&& draw) {
  h.frame([&] {
    Intents ignore;
    draw(ignore);
  });
}

// Moves to (x, y) and presses there, a frame each: later frames drag from it.
template <class Intents, class Draw>
void press_at(Headless& h, float x, float y, Draw&& draw) {
  h.move(x, y);
  frame<Intents>(h, draw);
  h.press();
  frame<Intents>(h, draw);
}

// Moves the pointer (held or not) to (x, y): one frame.
template <class Intents, class Draw>
void move_to(Headless& h, float x, float y, Draw&& draw) {
  h.move(x, y);
  frame<Intents>(h, draw);
}

// Releases the button; returns the intents of the release frame.
template <class Intents, class Draw>
Intents release(Headless& h, Draw&& draw) {
  h.release();
  Intents out;
  h.frame([&] { draw(out); });
  return out;
}

// A tap: returns the intents of the release frame.
template <class Intents, class Draw>
Intents tap_at(Headless& h, float x, float y, Draw&& draw) {
  press_at<Intents>(h, x, y, draw);
  return release<Intents>(h, draw);
}

// Draws one frame to learn where `id` is, then taps its centre.
template <class Intents, class Draw>
Intents tap_item(Headless& h, const std::string& id, Draw&& draw) {
  frame<Intents>(h, draw);
  auto r = h.item(id);
  REQUIRE_MESSAGE(r.has_value(), "item not drawn: " << id);
  return tap_at<Intents>(h, r->cx(), r->cy(), draw);
}

// Presses on `id`'s centre, drags by (dx, dy) pixels in `steps` frames, releases.
template <class Intents, class Draw>
Intents drag_item(Headless& h, const std::string& id, float dx, float dy, Draw&& draw,
                  int steps = 4) {
  frame<Intents>(h, draw);
  auto r = h.item(id);
  REQUIRE_MESSAGE(r.has_value(), "item not drawn: " << id);
  press_at<Intents>(h, r->cx(), r->cy(), draw);
  for (int k = 1; k <= steps; ++k)
    move_to<Intents>(h, r->cx() + dx * k / steps, r->cy() + dy * k / steps, draw);
  return release<Intents>(h, draw);
}

}  // namespace foh::test
