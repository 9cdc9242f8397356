#include "foh/platform/pointer_queue.hpp"

namespace foh::platform {

PointerState PointerQueue::last_queued() const { return queue_.empty() ? current_ : queue_.back(); }

void PointerQueue::finger_down(Point p) {
  // Frame 1: the pointer arrives (ImGui computes hover); frame 2: the press.
  queue_.push_back({true, p, false});
  queue_.push_back({true, p, true});
  last_is_transition_ = true;
}

void PointerQueue::finger_move(Point p) {
  PointerState last = last_queued();
  if (!last.present) return;  // a move without a finger down (stale event)
  if (!queue_.empty() && !last_is_transition_) {
    queue_.back().pos = p;  // coalesce moves: one frame per movement burst
    return;
  }
  queue_.push_back({true, p, last.down});
  last_is_transition_ = false;
}

void PointerQueue::finger_up(Point p) {
  // The release gets a frame of its own (so a quick tap still has a press
  // frame), then the pointer leaves: touch has no hover.
  queue_.push_back({true, p, false});
  queue_.push_back({false, p, false});
  last_is_transition_ = true;
}

PointerState PointerQueue::next_frame() {
  if (!queue_.empty()) {
    current_ = queue_.front();
    queue_.pop_front();
    if (queue_.empty()) last_is_transition_ = false;
  }
  return current_;
}

}  // namespace foh::platform
