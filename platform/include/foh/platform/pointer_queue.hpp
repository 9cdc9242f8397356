#pragma once
// Touch -> ImGui pointer, spread across frames.
// Dear ImGui 1.86 predates input queues and touch sources: it samples
// MousePos and MouseDown once per frame, and an item only takes a press that
// lands while it is already hovered. A finger that appears and presses in the
// same frame therefore misses the first tap (tabs notably). So a finger-down
// becomes two frames: the position first, the press in the next; a quick
// down+up still gets its own press frame; after the lift the pointer leaves
// (touch has no hover).
#include <deque>
#include <optional>

#include "foh/platform/gestures.hpp"

namespace foh::platform {

struct PointerState {
  bool present = false;  // false: no pointer (io.MousePos = -FLT_MAX)
  Point pos;
  bool down = false;
};

class PointerQueue {
 public:
  void finger_down(Point p);
  void finger_move(Point p);
  void finger_up(Point p);

  // The state for the frame about to start (pops one queued state).
  PointerState next_frame();
  bool pending() const { return !queue_.empty(); }  // keep drawing until drained

 private:
  PointerState last_queued() const;
  std::deque<PointerState> queue_;
  PointerState current_;
  bool last_is_transition_ = false;  // the last queued state changes `down`: keep it whole
};

}  // namespace foh::platform
