// foh-terminal: the front-of-house terminal. Parses options, opens the
// window and the cache, then runs the frame loop: wait for input or a timer
// (idle costs nothing), draw, apply intents, present.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>

#include "app/app.hpp"
#include "app/clock.hpp"
#include "app/options.hpp"
#include "app/script.hpp"
#include "app/seed.hpp"
#include "foh/platform/item_registry.hpp"
#include "foh/platform/platform.hpp"
#include "widgets/widgets.hpp"

namespace {

using foh::app::App;
using foh::platform::Platform;

// Exit codes: scripts and CI tell failures apart by them.
enum Exit { kOk = 0, kUsage = 2, kDisplay = 3, kFont = 4, kData = 5, kScript = 6 };

// CLOCK_MONOTONIC is system-wide: a launcher compares it with its own spawn time.
double monotonic_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Idle measurement: after the UI settled, the CPU the process burns while
// nobody touches it (issue 4 §3: idle CPU <= 2 %).
struct IdleBench {
  double seconds = 0;
  uint64_t start_ms = 0, end_ms = 0;
  double cpu_start = 0;
  bool started = false;
};

struct Loop {
  Platform& platform;
  App& app;
  foh::app::AppClock& clock;
  const foh::app::Options& options;
  std::unique_ptr<foh::app::ScriptPlayer> player;
  std::optional<IdleBench> bench;
  std::chrono::steady_clock::time_point started;
  double first_frame_ms = -1;
  double first_frame_at_ms = -1;   // CLOCK_MONOTONIC when the first frame was presented
  double first_frame_cpu_ms = -1;  // CPU time of all threads by then: the figure load can't inflate
  double window_ms = 0, data_ms = 0;  // start-up split: window+GL+font, then cache+snapshot
  uint64_t frames = 0;
  std::vector<double> app_frame_ms{};  // each app.frame() under a script: screens, intents, reloads

  int run();
  foh::Json frame_times() const;
  bool finish_frame(foh::app::ScriptHost& host, int& exit_code);
};

// The frame never waits (issue 12): what app.frame() took, for a test that
// drives it against a backend that hangs.
foh::Json Loop::frame_times() const {
  std::vector<double> v = app_frame_ms;
  std::sort(v.begin(), v.end());
  auto at = [&v](double p) { return v.empty() ? 0.0 : v[static_cast<size_t>(p * (v.size() - 1))]; };
  return {{"count", v.size()}, {"p50", at(0.5)}, {"p99", at(0.99)}, {"max", at(1.0)}};
}

// After drawing, before present: script outputs and the end conditions.
// Returns false when the program should end.
bool Loop::finish_frame(foh::app::ScriptHost& host, int& exit_code) {
  if (player) {
    player->after_frame(host);
    if (player->error()) {
      std::cerr << "foh-terminal: script: " << player->error()->text() << "\n";
      exit_code = kScript;
      return false;
    }
  }
  const bool script_done = !player || player->done();
  const bool settle_done = frames >= 12;  // a screenshot without a script: let ImGui settle
  if (!options.screenshot.empty() && script_done && (player || settle_done)) {
    if (auto st = platform.screenshot(options.screenshot); !st) {
      std::cerr << "foh-terminal: screenshot: " << st.error().text() << "\n";
      exit_code = kScript;
    }
    return false;
  }
  return !(player && script_done);
}

int Loop::run() {
  foh::app::ScriptHost host{platform, clock,
                            [this] {
                              auto j = app.dump();
                              j["first_frame_ms"] = first_frame_ms;
                              j["monotonic_ms"] = monotonic_ms();     // when, for a test's clock
                              j["items"] = platform.items().names();  // what a tap_item can reach
                              j["frame_ms"] = frame_times();
                              return j;
                            },
                            [this] { return app.busy(); }};
  int exit_code = kOk;
  for (;;) {
    auto& pacer = platform.pacer();
    const bool input = platform.pump(pacer.wait_ms(platform.ticks_ms()));
    if (input) app.note_input();
    if (platform.quit_requested()) return exit_code;
    if (app.kiosk_left()) platform.unlock();
    const uint64_t now = platform.ticks_ms();
    if (bench && bench->started && now >= bench->end_ms) {
      const double cpu = cpu_seconds() - bench->cpu_start;
      const double wall = static_cast<double>(now - bench->start_ms) / 1000.0;
      std::printf(
          "{\"first_frame_ms\": %.1f, \"first_frame_at_ms\": %.3f, "
          "\"first_frame_cpu_ms\": %.1f, \"window_ms\": %.1f, \"data_ms\": %.1f, "
          "\"idle_seconds\": %.2f, \"cpu_seconds\": %.4f, "
          "\"idle_cpu_percent\": %.3f, \"frames\": %llu}\n",
          first_frame_ms, first_frame_at_ms, first_frame_cpu_ms, window_ms, data_ms, wall, cpu,
          100.0 * cpu / wall, static_cast<unsigned long long>(frames));
      return exit_code;
    }
    if (!pacer.frame_due(now)) continue;
    if (player) player->before_frame(host);
    platform.begin_frame();
    const auto frame_start = std::chrono::steady_clock::now();
    app.frame(platform);
    if (player)  // scripts only: a terminal runs for days
      app_frame_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - frame_start)
              .count());
    platform.end_frame();
    ++frames;
    const bool go_on = finish_frame(host, exit_code);
    platform.present();
    if (first_frame_ms < 0) {
      first_frame_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      first_frame_at_ms = monotonic_ms();
      first_frame_cpu_ms = cpu_seconds() * 1000;
    }
    if (!go_on) return exit_code;
    if (auto ms = app.next_change_ms()) pacer.schedule(platform.ticks_ms() + *ms);
    if (bench && bench->started) pacer.schedule(bench->end_ms);  // the pacer keeps one timer
    // A screenshot or a benchmark waits for the start-up frames to be drawn.
    if (!options.screenshot.empty() || (bench && !bench->started)) pacer.request_frames(1);
    if (bench && !bench->started && frames >= 10) {
      // Measure from here: the start-up frames are over.
      bench->started = true;
      bench->start_ms = platform.ticks_ms();
      bench->end_ms = bench->start_ms + static_cast<uint64_t>(bench->seconds * 1000);
      bench->cpu_start = cpu_seconds();
      pacer.schedule(bench->end_ms);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  auto options = foh::app::parse_options(std::vector<std::string>(argv + 1, argv + argc));
  if (!options) {
    std::cerr << "foh-terminal: " << options.error().text() << "\n" << foh::app::usage();
    return kUsage;
  }
  if (options->help) {
    std::cout << foh::app::usage();
    return kOk;
  }
  std::unique_ptr<foh::app::ScriptPlayer> player;
  if (!options->script.empty()) {
    auto steps = foh::app::load_script(options->script);
    if (!steps) {
      std::cerr << "foh-terminal: " << steps.error().text() << "\n";
      return kUsage;
    }
    player = std::make_unique<foh::app::ScriptPlayer>(std::move(*steps));
  }
  foh::app::AppClock clock(options->now);

  foh::platform::WindowOptions wo;
  wo.width = options->width;
  wo.height = options->height;
  wo.fullscreen = options->fullscreen;
  wo.kiosk = options->kiosk;
  wo.scale = options->scale;
  wo.vsync = options->screenshot.empty() && !player;  // scripts run as fast as they can
  if (auto assets = foh::app::find_assets(options->assets)) wo.fonts_list = *assets + "/fonts.txt";
  auto platform = Platform::open(wo);
  if (!platform) {
    std::cerr << "foh-terminal: " << platform.error().text() << "\n";
    return platform.error().where == "fonts" ? kFont : kDisplay;
  }
  foh::ui::set_item_recorder([](const char* id, float x0, float y0, float x1, float y1) {
    foh::platform::record_item(id, foh::platform::ItemRect{x0, y0, x1, y1});
  });
  const auto window_done = std::chrono::steady_clock::now();
  auto app = App::open(*options, clock);
  if (!app) {
    std::cerr << "foh-terminal: " << app.error().text() << "\n";
    return kData;
  }
  Loop loop{**platform, **app, clock, *options, std::move(player), std::nullopt, started};
  if (options->bench_idle_seconds) loop.bench = IdleBench{*options->bench_idle_seconds};
  using ms = std::chrono::duration<double, std::milli>;
  loop.window_ms = ms(window_done - started).count();
  loop.data_ms = ms(std::chrono::steady_clock::now() - window_done).count();
  return loop.run();
}
