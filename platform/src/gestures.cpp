#include "foh/platform/gestures.hpp"

#include <cmath>

namespace foh::platform {

namespace {
float distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }
}  // namespace

Point GestureRecognizer::centre() const {
  Point c;
  for (const auto& [id, f] : fingers_) {
    c.x += f.pos.x;
    c.y += f.pos.y;
  }
  if (!fingers_.empty()) {
    c.x /= static_cast<float>(fingers_.size());
    c.y /= static_cast<float>(fingers_.size());
  }
  return c;
}

float GestureRecognizer::spread() const {
  // Mean distance of the first two fingers from their centre: the pinch measure.
  if (fingers_.size() < 2) return 0;
  auto a = fingers_.begin();
  auto b = std::next(a);
  return distance(a->second.pos, b->second.pos);
}

void GestureRecognizer::down(int64_t finger, Point p, uint64_t ms) {
  fingers_[finger] = Finger{p, p, ms, false, false};
  if (fingers_.size() >= 2) {
    multi_ = true;  // a two-finger gesture: the first finger's drag ends here
    if (frame_.dragging) {
      frame_.dragging = false;
      frame_.drag_ended = true;
    }
  }
  frame_.fingers = static_cast<int>(fingers_.size());
}

void GestureRecognizer::move(int64_t finger, Point p, uint64_t /*ms*/) {
  auto it = fingers_.find(finger);
  if (it == fingers_.end()) return;
  if (multi_ && fingers_.size() >= 2) {
    const Point c0 = centre();
    const float s0 = spread();
    it->second.pos = p;
    const Point c1 = centre();
    const float s1 = spread();
    if (s0 > 1 && s1 > 1) frame_.pinch_scale *= s1 / s0;
    frame_.pinch_center = c1;
    frame_.pan_delta.x += c1.x - c0.x;
    frame_.pan_delta.y += c1.y - c0.y;
    return;
  }
  Finger& f = it->second;
  const Point prev = f.pos;
  f.pos = p;
  if (multi_) return;  // the second finger lifted: wait until all are up
  if (!f.moved && distance(f.start, p) > slop_) {
    f.moved = true;
    frame_.dragging = true;
    frame_.drag_start = f.start;
  }
  if (f.moved) {
    frame_.dragging = true;
    frame_.drag_pos = p;
    frame_.drag_delta.x += p.x - prev.x;
    frame_.drag_delta.y += p.y - prev.y;
  }
}

void GestureRecognizer::up(int64_t finger, Point p, uint64_t /*ms*/) {
  auto it = fingers_.find(finger);
  if (it == fingers_.end()) return;
  const Finger f = it->second;
  fingers_.erase(it);
  frame_.fingers = static_cast<int>(fingers_.size());
  if (!multi_) {
    if (f.moved) {
      frame_.dragging = false;
      frame_.drag_ended = true;
      frame_.drag_pos = p;
    } else if (!f.long_fired) {
      frame_.tap = p;
    }
  }
  if (fingers_.empty()) multi_ = false;
}

void GestureRecognizer::cancel() {
  fingers_.clear();
  multi_ = false;
  frame_.dragging = false;
  frame_.fingers = 0;
}

std::optional<uint64_t> GestureRecognizer::next_deadline() const {
  if (multi_ || fingers_.size() != 1) return std::nullopt;
  const Finger& f = fingers_.begin()->second;
  if (f.moved || f.long_fired) return std::nullopt;
  return f.down_ms + kLongPressMs;
}

Gestures GestureRecognizer::take(uint64_t now_ms) {
  if (auto due = next_deadline(); due && now_ms >= *due) {
    Finger& f = fingers_.begin()->second;
    f.long_fired = true;
    frame_.long_press = f.pos;
  }
  Gestures out = frame_;
  out.fingers = static_cast<int>(fingers_.size());
  // One-shot fields reset; the drag state carries over.
  frame_.tap.reset();
  frame_.long_press.reset();
  frame_.drag_ended = false;
  frame_.drag_delta = {};
  frame_.pinch_scale = 1.0f;
  frame_.pan_delta = {};
  return out;
}

}  // namespace foh::platform
