#pragma once
// Touch gestures of one frame, recognised from SDL finger events (and the
// left mouse button, so a desktop and a headless script behave the same).
// The floor screen reads them: tap, drag, long-press, pinch-zoom, pan.
#include <cstdint>
#include <map>
#include <optional>

namespace foh::platform {

struct Point {
  float x = 0, y = 0;
};

struct Gestures {
  std::optional<Point> tap;         // released quickly without moving
  std::optional<Point> long_press;  // held still for kLongPressMs (fires once, while held)
  bool dragging = false;            // one finger moved past the slop and is still down
  bool drag_ended = false;          // the drag's finger lifted this frame
  Point drag_start, drag_pos;       // screen pixels
  Point drag_delta;                 // movement of this frame
  float pinch_scale = 1.0f;         // two fingers: multiplicative zoom of this frame
  Point pinch_center;
  Point pan_delta;  // two fingers: movement of their centre this frame
  int fingers = 0;  // fingers down now
};

inline constexpr int kLongPressMs = 550;
inline constexpr float kTapSlopPx = 12.0f;  // at scale 1; scaled by the recogniser

// Turns pointer events (finger id, pixels, milliseconds) into Gestures.
// Pure logic: no SDL, testable with synthetic timestamps.
class GestureRecognizer {
 public:
  explicit GestureRecognizer(float scale = 1.0f) : slop_(kTapSlopPx * scale) {}
  void set_scale(float scale) { slop_ = kTapSlopPx * scale; }

  void down(int64_t finger, Point p, uint64_t ms);
  void move(int64_t finger, Point p, uint64_t ms);
  void up(int64_t finger, Point p, uint64_t ms);
  void cancel();  // all fingers gone (window lost focus)

  // Call once per frame, before reading: fires a due long-press, returns this
  // frame's gestures and clears the one-shot fields for the next frame.
  Gestures take(uint64_t now_ms);
  // When the next long-press would fire, so an idle loop can wake for it.
  std::optional<uint64_t> next_deadline() const;

 private:
  struct Finger {
    Point start, pos;
    uint64_t down_ms = 0;
    bool moved = false, long_fired = false;
  };
  Point centre() const;
  float spread() const;

  std::map<int64_t, Finger> fingers_;
  Gestures frame_;
  float slop_;
  bool multi_ = false;  // a second finger joined: no tap/drag until all lift
};

}  // namespace foh::platform
