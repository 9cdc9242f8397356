#include "foh/platform/pacer.hpp"

namespace foh::platform {

void FramePacer::schedule(uint64_t due_ms) {
  if (!due_ || due_ms < *due_) due_ = due_ms;
}

std::optional<uint64_t> FramePacer::wait_ms(uint64_t now_ms) const {
  if (settle_ > 0) return 0;
  if (!due_) return std::nullopt;
  return *due_ > now_ms ? *due_ - now_ms : 0;
}

bool FramePacer::frame_due(uint64_t now_ms) {
  bool due = false;
  if (settle_ > 0) {
    --settle_;
    due = true;
  }
  if (due_ && now_ms >= *due_) {
    due_.reset();  // a timer fires once; its owner schedules the next
    due = true;
  }
  return due;
}

}  // namespace foh::platform
