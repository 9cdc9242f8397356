// Turns script steps into per-frame actions. Each input step is followed by
// a few frames so ImGui sees hover, press and release in separate frames and
// the shell applies the resulting intents before the next step.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "app/clock.hpp"
#include "app/script.hpp"
#include "foh/platform/gestures.hpp"
#include "foh/platform/platform.hpp"

namespace foh::app {

namespace {
using platform::FingerPhase;
constexpr int kSettleAfterInput = 8;         // frames after a tap before the next step
constexpr int kMoveFrames = 10;              // frames a drag or pinch is spread over
constexpr int kTapItemPatienceFrames = 90;   // an item may appear a few frames late
constexpr int64_t kMaxRealWaitMs = 1500;     // fixed clock: wait_ms is virtual beyond this
constexpr int64_t kWaitFileMs = 60000;       // a test's go-ahead file
constexpr uint64_t kBusyPatienceMs = 30000;  // a job longer than this: the script goes on
}  // namespace

namespace {
// Waits `n` frames (counted in the Before phase).
std::function<bool(ScriptHost&, int)> frames_counter(int n) {
  auto left = std::make_shared<int>(n);
  return [left](ScriptHost&, int before) { return before != 0 && (*left)-- <= 0; };
}
}  // namespace

ScriptPlayer::ScriptPlayer(std::vector<Step> steps) {
  for (const Step& s : steps) expand(s);
}

ScriptPlayer::Jobs ScriptPlayer::jobs(ScriptHost& h) {
  const uint64_t now = h.platform.ticks_ms();
  if (h.busy && h.busy() && (!busy_since_ || now - *busy_since_ < kBusyPatienceMs)) {
    if (!busy_since_) busy_since_ = now;
    h.platform.pacer().schedule(now + 20);
    return Jobs::Busy;
  }
  // Landed: a few frames for the screen it leaves, as after a tap.
  if (busy_since_) busy_since_.reset(), settle_left_ = kSettleAfterInput;
  if (settle_left_ > 0) {
    --settle_left_;
    h.platform.pacer().request_frames(1);
    return Jobs::Settling;
  }
  return Jobs::Idle;
}

bool ScriptPlayer::wait_for_jobs(ScriptHost& h) { return jobs(h) != Jobs::Idle; }

void ScriptPlayer::push_tap(std::deque<Action>& out, float x, float y, bool wait_jobs) {
  out.push_back([this, x, y, wait_jobs](ScriptHost& h, Phase p) {
    if (p != Phase::Before || (wait_jobs && wait_for_jobs(h))) return false;
    h.platform.inject_finger(FingerPhase::Down, 1, x, y);
    h.platform.inject_finger(FingerPhase::Up, 1, x, y);
    return true;
  });
}

void ScriptPlayer::push_inject(std::deque<Action>& out,
                               std::function<void(platform::Platform&)> fn) {
  out.push_back([fn](ScriptHost& h, Phase p) {
    if (p != Phase::Before) return false;
    fn(h.platform);
    return true;
  });
}

void ScriptPlayer::push_wait(std::deque<Action>& out, int frames) {
  auto c = frames_counter(frames);
  out.push_back([c](ScriptHost& h, Phase p) { return c(h, p == Phase::Before ? 1 : 0); });
}

void ScriptPlayer::push_drag(std::deque<Action>& out, float x0, float y0, float x1, float y1,
                             int steps) {
  auto inject = [&out](std::function<void(platform::Platform&)> fn) {
    push_inject(out, std::move(fn));
  };
  auto wait_frames = [&out](int n) { push_wait(out, n); };
  inject([=](platform::Platform& p) { p.inject_finger(FingerPhase::Down, 1, x0, y0); });
  wait_frames(3);  // the press lands before the first move
  for (int i = 1; i <= steps; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(steps);
    inject([=](platform::Platform& p) {
      p.inject_finger(FingerPhase::Move, 1, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
    });
    wait_frames(1);
  }
  wait_frames(2);
  inject([=](platform::Platform& p) { p.inject_finger(FingerPhase::Up, 1, x1, y1); });
  wait_frames(kSettleAfterInput);
}

void ScriptPlayer::push_long_press(std::deque<Action>& out, float x, float y) {
  auto inject = [&out](std::function<void(platform::Platform&)> fn) {
    push_inject(out, std::move(fn));
  };
  auto wait_frames = [&out](int n) { push_wait(out, n); };
  inject([=](platform::Platform& p) { p.inject_finger(FingerPhase::Down, 1, x, y); });
  const auto until = std::make_shared<std::optional<uint64_t>>();
  out.push_back([until](ScriptHost& h, Phase p) {
    if (p != Phase::Before) return false;
    const uint64_t now = h.platform.ticks_ms();
    if (!*until) *until = now + platform::kLongPressMs + 150;
    h.platform.pacer().request_frames(1);
    return now >= **until;
  });
  wait_frames(3);
  inject([=](platform::Platform& p) { p.inject_finger(FingerPhase::Up, 1, x, y); });
  wait_frames(kSettleAfterInput);
}

void ScriptPlayer::push_pinch(std::deque<Action>& out, float cx, float cy, float scale) {
  auto inject = [&out](std::function<void(platform::Platform&)> fn) {
    push_inject(out, std::move(fn));
  };
  auto wait_frames = [&out](int n) { push_wait(out, n); };
  const float d0 = 80;  // half the starting finger distance, pixels
  inject([=](platform::Platform& p) {
    p.inject_finger(FingerPhase::Down, 1, cx - d0, cy);
    p.inject_finger(FingerPhase::Down, 2, cx + d0, cy);
  });
  wait_frames(3);
  for (int i = 1; i <= kMoveFrames; ++i) {
    const float d = d0 * (1 + (scale - 1) * static_cast<float>(i) / kMoveFrames);
    inject([=](platform::Platform& p) {
      p.inject_finger(FingerPhase::Move, 1, cx - d, cy);
      p.inject_finger(FingerPhase::Move, 2, cx + d, cy);
    });
    wait_frames(1);
  }
  inject([=](platform::Platform& p) {
    p.inject_finger(FingerPhase::Up, 2, cx + d0 * scale, cy);
    p.inject_finger(FingerPhase::Up, 1, cx - d0 * scale, cy);
  });
  wait_frames(kSettleAfterInput);
}

// Waits (a few frames at most) for an item to be drawn, then becomes the
// actions `then` makes for its centre.
ScriptPlayer::Action ScriptPlayer::find_item_then(
    const std::string& id, const std::string& where,
    std::function<std::deque<Action>(float cx, float cy)> then) {
  auto tries = std::make_shared<int>(0);
  return [this, id, where, tries, then](ScriptHost& h, Phase p) {
    if (p != Phase::Before) return false;
    const Jobs state = jobs(h);  // while busy, only what is drawn now (Cancel) is tapped
    if (state == Jobs::Settling) return false;
    if (auto r = h.platform.items().find(id)) {
      replacement_ = then(r->cx(), r->cy());  // run() swaps it in: never free a running action
      return false;
    }
    if (state == Jobs::Busy || ++*tries < kTapItemPatienceFrames) {
      h.platform.pacer().request_frames(1);
      return false;
    }
    std::string known;
    for (const auto& name : h.platform.items().names()) known += (known.empty() ? "" : ", ") + name;
    error_ = Error{where, "no item \"" + id + "\" drawn; drawn: " + known};
    return false;
  };
}

// After the frame is drawn; with `wait_jobs`, once no job is running (a
// host sees the result, not the busy state).
ScriptPlayer::Action ScriptPlayer::output(const std::string& where, bool wait_jobs,
                                          std::function<Status(ScriptHost&)> write) {
  auto waiting = std::make_shared<bool>(wait_jobs);  // until a Before phase has looked
  return [this, where, wait_jobs, waiting, write](ScriptHost& h, Phase p) {
    if (p == Phase::Before) *waiting = wait_jobs && wait_for_jobs(h);
    if (p != Phase::After || *waiting) return false;
    if (auto st = write(h); !st) error_ = Error{where, st.error().text()};
    return true;
  };
}

ScriptPlayer::Action ScriptPlayer::wait_until(const std::string& where, int64_t ms,
                                              std::function<bool(ScriptHost&)> ready,
                                              const std::string& what) {
  auto until = std::make_shared<std::optional<uint64_t>>();
  return [this, where, ms, ready, what, until](ScriptHost& h, Phase p) {
    if (p != Phase::Before) return false;
    const uint64_t now = h.platform.ticks_ms();
    if (!*until) *until = now + static_cast<uint64_t>(ms);
    if (ready(h)) return true;
    if (now >= **until) {
      error_ = Error{where, what + " within " + std::to_string(ms) + " ms"};
      return false;
    }
    h.platform.pacer().schedule(std::min(**until, now + 50));  // look again soon
    return false;
  };
}

void ScriptPlayer::expand(const Step& s) {
  auto wait_frames = [this](int n) {
    auto c = frames_counter(n);
    actions_.push_back([c](ScriptHost& h, Phase p) { return c(h, p == Phase::Before ? 1 : 0); });
  };
  auto inject = [this](std::function<void(platform::Platform&)> fn) {
    actions_.push_back([fn](ScriptHost& h, Phase p) {
      if (p != Phase::Before) return false;
      fn(h.platform);
      return true;
    });
  };
  const auto n = [&s](size_t i) { return static_cast<float>(s.numbers[i]); };
  switch (s.kind) {
    case Step::Kind::Tap:
      push_tap(actions_, n(0), n(1));
      wait_frames(kSettleAfterInput);
      break;
    case Step::Kind::Drag: {
      const int steps = std::clamp(static_cast<int>(s.numbers[4] / 16.0), 4, 120);
      push_drag(actions_, n(0), n(1), n(2), n(3), steps);
      break;
    }
    case Step::Kind::DragItem: {
      const float dx = n(0), dy = n(1);
      actions_.push_back(find_item_then(s.text, s.where, [this, dx, dy](float cx, float cy) {
        std::deque<Action> drag;
        push_drag(drag, cx, cy, cx + dx, cy + dy, 20);
        return drag;
      }));
      break;
    }
    case Step::Kind::LongPress:
      push_long_press(actions_, n(0), n(1));
      break;
    case Step::Kind::Pinch:
      push_pinch(actions_, n(0), n(1), n(2));
      break;
    case Step::Kind::LongPressItem:
      actions_.push_back(find_item_then(s.text, s.where, [this](float cx, float cy) {
        std::deque<Action> press;
        push_long_press(press, cx, cy);
        return press;
      }));
      break;
    case Step::Kind::PinchItem: {
      const float scale = n(0);
      actions_.push_back(find_item_then(s.text, s.where, [this, scale](float cx, float cy) {
        std::deque<Action> pinch;
        push_pinch(pinch, cx, cy, scale);
        return pinch;
      }));
      break;
    }
    case Step::Kind::Text: {
      const std::string text = s.text;
      inject([text](platform::Platform& p) { p.inject_text(text); });
      wait_frames(4);
      break;
    }
    case Step::Kind::Key: {
      const std::string key = s.text;
      inject([key](platform::Platform& p) { p.inject_key(key, true); });
      wait_frames(2);  // ImGui 1.86 has no key queue: down and up in separate frames
      inject([key](platform::Platform& p) { p.inject_key(key, false); });
      wait_frames(4);
      break;
    }
    case Step::Kind::TapItem:
    case Step::Kind::DoubleTapItem: {
      const int taps = s.kind == Step::Kind::TapItem ? 1 : 2;
      // While a job runs, the busy state's own items are tapped at once; others wait for it.
      const bool busy_item = s.text.rfind("busy", 0) == 0;
      actions_.push_back(
          find_item_then(s.text, s.where, [this, taps, busy_item](float cx, float cy) {
            std::deque<Action> tap;
            push_tap(tap, cx, cy, !busy_item);
            // A second tap follows at once, whatever the first started: the pointer
            // queue gives it frames after the first's release, so it meets the screen that left.
            if (taps == 2) push_tap(tap, cx, cy, false);
            push_wait(tap, kSettleAfterInput);
            return tap;
          }));
      break;
    }
    case Step::Kind::WaitMs: {
      const int64_t ms = static_cast<int64_t>(s.numbers[0]);
      auto until = std::make_shared<std::optional<uint64_t>>();
      actions_.push_back([ms, until](ScriptHost& h, Phase p) {
        if (p != Phase::Before) return false;
        const uint64_t now = h.platform.ticks_ms();
        if (!*until) {
          h.clock.advance_ms(ms);  // no-op effect on a real clock
          *until = now + (h.clock.fixed() ? std::min(ms, kMaxRealWaitMs) : ms);
        }
        h.platform.pacer().schedule(**until);
        return now >= **until;
      });
      wait_frames(2);
      break;
    }
    case Step::Kind::WaitFrames:
      wait_frames(static_cast<int>(s.numbers[0]));
      break;
    case Step::Kind::Screenshot:
    case Step::Kind::ScreenshotNow: {
      const std::string path = s.text;
      actions_.push_back(output(s.where, s.kind == Step::Kind::Screenshot,
                                [path](ScriptHost& h) { return h.platform.screenshot(path); }));
      break;
    }
    case Step::Kind::WaitItem: {
      const std::string id = s.text;
      auto drawn = [id](ScriptHost& h) { return h.platform.items().find(id).has_value(); };
      actions_.push_back(wait_until(s.where, static_cast<int64_t>(s.numbers[0]), drawn,
                                    "no item \"" + id + "\" drawn"));
      break;
    }
    case Step::Kind::WaitFile: {
      const std::string path = s.text;
      auto exists = [path](ScriptHost&) { return std::filesystem::exists(path); };
      actions_.push_back(wait_until(s.where, kWaitFileMs, exists, "no file " + path));
      break;
    }
    case Step::Kind::Dump:
    case Step::Kind::DumpNow: {
      const std::string path = s.text;
      actions_.push_back(output(s.where, s.kind == Step::Kind::Dump, [path](ScriptHost& h) {
        std::ofstream out(path);
        out << h.dump().dump(2) << "\n";
        return out ? ok() : Status(Error{"dump", "cannot write the dump to " + path});
      }));
      break;
    }
  }
}

void ScriptPlayer::run(ScriptHost& host, Phase phase) {
  while (!actions_.empty() && !error_) {
    if (actions_.front()(host, phase)) {
      actions_.pop_front();
      continue;
    }
    if (replacement_) {  // tap_item found its item: the tap takes its place
      actions_.pop_front();
      actions_.insert(actions_.begin(), replacement_->begin(), replacement_->end());
      replacement_.reset();
      continue;
    }
    break;
  }
  if (!actions_.empty()) host.platform.pacer().request_frames(1);  // a script never idles
}

void ScriptPlayer::before_frame(ScriptHost& host) {
  ++frame_;
  run(host, Phase::Before);
}
void ScriptPlayer::after_frame(ScriptHost& host) { run(host, Phase::After); }

}  // namespace foh::app
