#pragma once
// Scripted input for UI tests and documentation screenshots: the real binary
// replays taps, drags, long-presses, pinches, text and keys through SDL's
// event queue (the same path as a finger), and writes screenshots and state
// dumps along the way.
//
// A script is a JSON array, or JSON lines (blank lines and lines starting
// with # are skipped), of steps with one key each:
//   {"tap":[x,y]}  {"drag":[x0,y0,x1,y1,ms]}  {"long_press":[x,y]}
//   {"pinch":[cx,cy,scale]}  {"text":"..."}  {"key":"Enter"}
//   {"tap_item":"id"}  (the centre of the item recorded under id last frame)
//   {"drag_item":["id",dx,dy]}  (drag from that centre by dx, dy pixels)
//   {"long_press_item":"id"}  {"pinch_item":["id",scale]}  (at that centre)
//   {"wait_ms":N}  {"wait_frames":N}  {"screenshot":"path"}  {"dump":"path"}
//   {"wait_item":["id",ms]}  (real time until the item is drawn: data from the backend)
//   {"wait_file":"path"}  (real time, up to 60 s, until the file exists: a test's go-ahead)
//   {"double_tap_item":"id"}  (two taps at that centre, the second at once, even while
//   the first one's job runs: whatever is drawn there then takes it, as under a finger)
//   {"dump_now":"path"}  {"screenshot_now":"path"}  (this frame, even while a job runs:
//   the busy state itself; dump and screenshot wait for jobs to land)
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh::platform {
class Platform;
}

namespace foh::app {

class AppClock;

struct Step {
  enum class Kind {
    Tap,
    Drag,
    LongPress,
    Pinch,
    Text,
    Key,
    TapItem,
    DragItem,
    WaitMs,
    WaitFrames,
    Screenshot,
    Dump,
    LongPressItem,
    PinchItem,
    WaitItem,
    WaitFile,
    DoubleTapItem,
    DumpNow,
    ScreenshotNow
  };
  Kind kind = Kind::WaitFrames;
  std::vector<double> numbers;  // tap: x y; drag: x0 y0 x1 y1 ms; pinch: cx cy scale; waits: n;
                                // drag_item: dx dy; pinch_item: scale
  std::string text;             // text, key, tap_item/drag_item id, screenshot/dump path
  std::string where;            // "script.json:3" for messages
};

// Errors name the line (JSON lines) or index (array) and the key.
Result<std::vector<Step>> parse_script(const std::string& text, const std::string& name);
Result<std::vector<Step>> load_script(const std::string& path);

// What the player needs from the shell.
struct ScriptHost {
  platform::Platform& platform;
  AppClock& clock;
  std::function<Json()> dump;  // the app state as JSON
  // A job (a PIN check, a re-plan) has not landed: taps by position, dumps and
  // screenshots wait for it, as a host waits for the busy state; tap_item
  // taps the busy state's own items ("busy…": Cancel) at once.
  std::function<bool()> busy;
};

class ScriptPlayer {
 public:
  explicit ScriptPlayer(std::vector<Step> steps);
  // Before a frame (after pumping events): injects this frame's input.
  void before_frame(ScriptHost& host);
  // After the frame is drawn, before present: screenshots and dumps.
  void after_frame(ScriptHost& host);
  bool done() const { return actions_.empty() || error_.has_value(); }
  const std::optional<Error>& error() const { return error_; }

 private:
  enum class Phase { Before, After };
  // An action returns true when finished (the next one runs), false to be
  // called again next time (waiting for frames, time, or the After phase).
  using Action = std::function<bool(ScriptHost&, Phase)>;
  void run(ScriptHost& host, Phase phase);
  void expand(const Step& s);
  static void push_inject(std::deque<Action>& out, std::function<void(platform::Platform&)> fn);
  static void push_wait(std::deque<Action>& out, int frames);  // frames counted before drawing
  // `wait_jobs`: the tap waits for a running job to land (a host waits for
  // the busy state); not for the busy state's Cancel, nor a double tap's second.
  void push_tap(std::deque<Action>& out, float x, float y, bool wait_jobs = true);
  void push_drag(std::deque<Action>& out, float x0, float y0, float x1, float y1, int steps);
  void push_long_press(std::deque<Action>& out, float x, float y);
  void push_pinch(std::deque<Action>& out, float cx, float cy, float scale);
  // Real time, at most `ms`, until `ready`; then the next step. An error names `what`.
  Action wait_until(const std::string& where, int64_t ms, std::function<bool(ScriptHost&)> ready,
                    const std::string& what);
  Action output(const std::string& where, bool wait_jobs, std::function<Status(ScriptHost&)> write);
  Action find_item_then(const std::string& id, const std::string& where,
                        std::function<std::deque<Action>(float cx, float cy)> then);
  std::deque<Action> actions_;
  std::optional<std::deque<Action>> replacement_;  // what the running action becomes
  // The host's jobs: running (for at most kBusyPatienceMs), just landed (a
  // few frames to settle), or none. wait_for_jobs: not Idle.
  enum class Jobs { Idle, Busy, Settling };
  Jobs jobs(ScriptHost& h);
  bool wait_for_jobs(ScriptHost& h);
  int settle_left_ = 0;
  std::optional<Error> error_;
  std::optional<uint64_t> busy_since_;
  uint64_t frame_ = 0;
};

}  // namespace foh::app
