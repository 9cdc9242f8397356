#pragma once
// When to draw. An idle terminal must cost near zero CPU: with nothing
// changed and no timer due, the loop waits for events instead of redrawing.
// After any input, ImGui needs a few frames to settle (hover, release,
// animations), so every event buys kSettleFrames more frames.
#include <cstdint>
#include <optional>

namespace foh::platform {

inline constexpr int kSettleFrames = 3;

class FramePacer {
 public:
  void on_event() { settle_ = kSettleFrames; }
  void request_frames(int n) { settle_ = settle_ > n ? settle_ : n; }
  void schedule(uint64_t due_ms);  // a timer (clock, countdown, long-press); earliest kept

  // How long the loop may block in SDL_WaitEventTimeout before the next
  // frame: 0 = draw now; nullopt = wait for events with no timeout.
  std::optional<uint64_t> wait_ms(uint64_t now_ms) const;
  // Whether a frame is due now; consumes one settle frame and due timers.
  bool frame_due(uint64_t now_ms);

 private:
  int settle_ = kSettleFrames;  // the first frames after start
  std::optional<uint64_t> due_;
};

}  // namespace foh::platform
