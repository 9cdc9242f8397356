// foh-bench-frame: CPU time of one frame (NewFrame -> Render, no GPU) of every
// screen (floor, seat, timeline, list, booking form, waitlist, shift, floor editor) at
// 800x1280, 1024x768, 1280x800 and 1920x1080 with 300 tables on 3 floor plans and
// 3 000 reservations in the day. Prints p50/p99 per screen and the one-off
// cost of building the day's index.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "big_day.hpp"
#include "desk.hpp"
#include "foh/engine/floor.hpp"
#include "foh/platform/fonts.hpp"
#include "foh/platform/metrics.hpp"
#include "screens/editor.hpp"
#include "screens/floor.hpp"
#include "screens/reservations.hpp"
#include "screens/seat.hpp"
#include "screens/shift.hpp"
#include "screens/waitlist.hpp"
#include "view/day_index.hpp"
#include "widgets/keyboard.hpp"

using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5))];
}

long rss_kb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

// CPU time of this thread: a frame's cost without the time other processes
// on a busy machine take the core away (wall time is reported beside it).
double thread_cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct FrameTime {
  double cpu, wall;
};

// One frame of a screen in a full-window ImGui window.
FrameTime frame(const std::function<void()>& draw) {
  auto t0 = Clock::now();
  double c0 = thread_cpu_ms();
  ImGui::GetIO().DeltaTime = 1.0f / 60;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
  draw();
  ImGui::End();
  ImGui::Render();
  return FrameTime{thread_cpu_ms() - c0, ms_since(t0)};
}

void measure(const char* name, int frames, const std::function<void()>& draw) {
  for (int i = 0; i < 30; ++i) frame(draw);  // warm-up: windows, tables and clipper settle
  std::vector<double> cpu, wall;
  for (int i = 0; i < frames; ++i) {
    FrameTime f = frame(draw);
    cpu.push_back(f.cpu), wall.push_back(f.wall);
  }
  std::printf("%-9s cpu p50=%.3f ms p99=%.3f ms | wall p50=%.3f ms p99=%.3f ms | vertices=%d\n",
              name, percentile(cpu, 0.5), percentile(cpu, 0.99), percentile(wall, 0.5),
              percentile(wall, 0.99),
              ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0);
}

void measure_screens(const foh::ui::Desk& desk, int frames) {
  foh::ui::FloorView fv;
  measure("floor", frames, [&] {
    foh::ui::FloorIntents out;
    foh::ui::draw_floor(fv, desk, out);
  });
  foh::ui::SeatView sv;
  measure("seat", frames, [&] {
    foh::ui::SeatIntents out;
    foh::ui::draw_seat(sv, desk, out);
  });
  foh::ui::ReservationsView tv;
  tv.mode = foh::ui::ReservationsMode::Timeline;
  measure("timeline", frames, [&] {
    foh::ui::ReservationsIntents out;
    foh::ui::draw_reservations(tv, desk, out);
  });
  foh::ui::ReservationsView lv;
  measure("list", frames, [&] {
    foh::ui::ReservationsIntents out;
    foh::ui::draw_reservations(lv, desk, out);
  });
  foh::ui::ReservationsView bv;
  bv.mode = foh::ui::ReservationsMode::Form;
  measure("form", frames, [&] {
    foh::ui::ReservationsIntents out;
    foh::ui::draw_reservations(bv, desk, out);
  });
  foh::ui::ReservationsView kv;  // the form with the on-screen keyboard open on the name
  kv.mode = foh::ui::ReservationsMode::Form;
  foh::ui::KeyboardState kb;
  kb.field = "form_name";
  foh::ui::set_keyboard(&kb);
  measure("keyboard", frames, [&] {
    foh::ui::keyboard_begin_frame(kb);
    foh::ui::ReservationsIntents out;
    foh::ui::draw_reservations(kv, desk, out);
    foh::ui::draw_keyboard_dock(kb, foh::ui::Language::Fr);
  });
  foh::ui::set_keyboard(nullptr);
  foh::ui::WaitlistView wv;
  measure("waitlist", frames, [&] {
    foh::ui::WaitlistIntents out;
    foh::ui::draw_waitlist(wv, desk, out);
  });
  // The shift at a glance: the engine's shift of the day is cached per minute
  // and data change; the frame draws the cards, the chart and the report.
  foh::ui::ShiftView shv;
  measure("shift", frames, [&] {
    foh::ui::ShiftIntents out;
    foh::ui::draw_shift(shv, desk, out);
  });
  foh::ui::EditorView ev;  // the first plan's 100 tables: every frame checks every pair
  measure("editor", frames, [&] {
    foh::ui::EditorIntents out;
    foh::ui::draw_editor(ev, desk, out);
  });
}

// The terminal's font, status icons and touch style at the scale it picks for
// the screen (platform fonts/metrics), so tiles carry the words and icons
// they carry in service; ImGui's built-in font when no font is installed.
float use_terminal_font(int w, int h) {
  const float scale = foh::platform::scale_for_display(w, h);
  auto font = foh::platform::find_font(foh::platform::font_candidates(""));
  if (font && foh::platform::load_font(*font, 18.0f * scale)) {
    unsigned char* px;
    int tw, th;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &tw, &th);
    foh::platform::apply_scale(scale);
    return scale;
  }
  return 1.0f;
}

}  // namespace

int main(int argc, char** argv) {
  int frames = 1000;
  for (int i = 1; i < argc; ++i)
    if (!std::strcmp(argv[i], "--frames") && i + 1 < argc) frames = std::atoi(argv[++i]);
  foh::Date date{2026, 11, 28};
  foh::Venue venue = foh::bench::big_venue();
  foh::DayBook day = foh::bench::big_day(venue, date);
  auto t0 = Clock::now();
  auto floor = foh::Floor::build(venue, &day);
  if (!floor) {
    std::fprintf(stderr, "floor: %s\n", floor.error().text().c_str());
    return 1;
  }
  foh::ui::DayIndex index = foh::ui::DayIndex::build(venue, day, *floor);
  double build_ms = ms_since(t0);

  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.MousePos = ImVec2(-1, -1);
  unsigned char* px;
  int w, h;
  io.Fonts->AddFontDefault();
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);

  foh::ui::Desk desk;
  desk.venue = &venue, desk.day = &day, desk.floor = &*floor, desk.index = &index;
  desk.now = foh::LocalInstant::at(date, foh::TimeOfDay{19 * 3600 + 30 * 60});
  std::printf(
      "foh-bench-frame: %zu tables on %zu floor plans, %zu reservations, %d frames per screen "
      "and size\n",
      venue.tables.size(), venue.floor_plans.size(), day.reservations.size(), frames);
  std::printf("day index build (once per data change): %.2f ms\n", build_ms);
  {
    std::vector<double> runs;  // the shift screen's engine work, once per minute or data change
    for (int i = 0; i < 20; ++i) {
      auto s0 = Clock::now();
      const foh::Shift shift = foh::shift_of(venue, day, desk.now);
      runs.push_back(ms_since(s0));
      if (shift.services.empty()) std::printf("shift: no service\n");
    }
    std::printf("shift of the day (once per minute or data change): p50 %.2f ms\n",
                percentile(runs, 0.5));
  }

  // Every screen at every size a restaurant uses (issue 12): fresh view state
  // per size, so each opens as a host would see it.
  struct Size {
    int w, h;
  };
  for (Size size : {Size{800, 1280}, Size{1024, 768}, Size{1280, 800}, Size{1920, 1080}}) {
    io.DisplaySize = ImVec2(static_cast<float>(size.w), static_cast<float>(size.h));
    const float scale = use_terminal_font(size.w, size.h);
    std::printf("-- %dx%d (scale %.2f)\n", size.w, size.h, scale);
    measure_screens(desk, frames);
  }
  std::printf("resident memory: %ld kB\n", rss_kb());
  ImGui::DestroyContext();
  return 0;
}
