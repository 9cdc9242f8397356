// foh-bench-startup: launch -> first frame presented, with a large cache.
//
//   foh-bench-startup --cache PATH [--reservations 200000] [--assets assets]
//                     [--terminal build/bin/foh-terminal] [--runs 5]
//
// Builds PATH (the demo restaurant, its busy Saturday on 2026-11-28, and
// `--reservations` more bookings on the days around it, back to back on every
// table), then launches foh-terminal on it `--runs` times with --bench-idle
// and prints each run and the medians. Launch is measured from this process,
// just before the spawn, to the moment the terminal presented its first frame
// (both read CLOCK_MONOTONIC), so exec, dynamic linking and static start-up
// count too. The terminal's CPU time by then is printed beside it: on a busy
// machine the wall time mostly measures the others. Run it under a display
// (xvfb-run -a for headless use).
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "app/seed.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"

extern char** environ;

namespace {

using namespace foh;

constexpr const char* kDemoNow = "2026-11-28T19:30:00";

struct Args {
  std::string cache, assets = "assets", terminal = "build/bin/foh-terminal";
  int reservations = 200000, runs = 5;
};

double monotonic_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// History and future bookings: every table, six 90-minute turns a day
// (11:00 .. 20:00), on the days before and after the demo day (kept as it is).
Status add_history(net::Cache& cache, const Venue& v, Date demo_day, int count) {
  const int tables = static_cast<int>(v.tables.size());
  const int per_day = tables * 6;
  net::Transaction tx(cache);
  if (!tx.begun()) return tx.begun();
  for (int i = 0; i < count; ++i) {
    const int day_index = i / per_day, k = i % per_day;
    // Alternate before and after the demo day: -1, +1, -2, +2, ...
    const int offset = (day_index / 2 + 1) * (day_index % 2 == 0 ? -1 : 1);
    const Table& t = v.tables[static_cast<size_t>(k % tables)];
    Reservation r;
    r.id = net::new_uuid();
    r.restaurant_id = v.restaurant.id;
    r.date = demo_day.plus_days(offset);
    r.time = TimeOfDay{(11 * 60 + (k / tables) * 90) * 60};
    r.duration = 90;
    r.party_size = std::max(1, std::min(2, t.capacity_max));
    r.guest_name = "Historique " + std::to_string(i);
    r.guest_phone = "+33 6 " + std::to_string(10000000 + i);
    r.source = "Téléphone";
    r.status = offset < 0 ? ReservationStatus::Completed : ReservationStatus::Confirmed;
    r.table_id = t.id;
    r.table_number = t.name;
    if (auto st = cache.put_row("reservations", encode(r)); !st) return st;
  }
  return tx.commit();
}

int make_cache(const Args& a) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(a.cache + suffix, ec);
  auto cache = net::Cache::open(a.cache);
  if (!cache) {
    std::fprintf(stderr, "foh-bench-startup: %s\n", cache.error().text().c_str());
    return 1;
  }
  const Date day = LocalInstant::parse(kDemoNow)->date();
  Status st = app::seed_demo(**cache, a.assets, day);
  if (st) {
    auto venue = (*cache)->load_venue();
    st = venue ? add_history(**cache, *venue, day, a.reservations) : Status(venue.error());
  }
  if (!st) {
    std::fprintf(stderr, "foh-bench-startup: %s\n", st.error().text().c_str());
    return 1;
  }
  return 0;
}

struct Launch {
  double first_frame = -1;  // spawn -> first frame presented
  double cpu = -1;          // the terminal's CPU time (all threads) by then
  double in_main = -1;      // main() -> first frame presented (the terminal's own figure)
  double window = -1, data = -1;
};

// Runs the terminal once with --bench-idle 1 and reads its JSON line.
Launch launch(const Args& a) {
  Launch l;
  int out[2];
  if (pipe(out) != 0) return l;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  std::vector<std::string> args = {a.terminal, "--db",         a.cache,  "--assets", a.assets,
                                   "--now",    kDemoNow,       "--size", "1280x800", "--scale",
                                   "1",        "--bench-idle", "1"};
  std::vector<char*> argv;
  for (auto& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const double t0 = monotonic_ms();
  const int rc = posix_spawn(&pid, a.terminal.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  std::string text;
  char buf[4096];
  for (ssize_t n; rc == 0 && (n = read(out[0], buf, sizeof buf)) > 0;)
    text.append(buf, static_cast<size_t>(n));
  close(out[0]);
  int status = 0;
  if (rc == 0) waitpid(pid, &status, 0);
  const Json j = Json::parse(text.substr(0, text.find('\n')), nullptr, false);
  if (rc != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !j.is_object()) {
    std::fprintf(stderr, "foh-bench-startup: %s failed (spawn %d, status %d): %s\n",
                 a.terminal.c_str(), rc, status, text.c_str());
    return l;
  }
  l.first_frame = j.value("first_frame_at_ms", 0.0) - t0;
  l.cpu = j.value("first_frame_cpu_ms", -1.0);
  l.in_main = j.value("first_frame_ms", -1.0);
  l.window = j.value("window_ms", -1.0);
  l.data = j.value("data_ms", -1.0);
  return l;
}

bool parse(int argc, char** argv, Args& a) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string opt = argv[i], v = argv[i + 1];
    if (opt == "--cache")
      a.cache = v;
    else if (opt == "--assets")
      a.assets = v;
    else if (opt == "--terminal")
      a.terminal = v;
    else if (opt == "--reservations")
      a.reservations = std::atoi(v.c_str());
    else if (opt == "--runs")
      a.runs = std::atoi(v.c_str());
    else
      return false;
  }
  return argc % 2 == 1 && !a.cache.empty() && a.reservations >= 0 && a.runs > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  if (!parse(argc, argv, a)) {
    std::fprintf(stderr,
                 "usage: foh-bench-startup --cache PATH [--reservations N] [--assets DIR]\n"
                 "                         [--terminal BIN] [--runs N]\n");
    return 2;
  }
  const double t0 = monotonic_ms();
  if (make_cache(a) != 0) return 1;
  std::printf("cache %s: demo + %d reservations, built in %.1f s\n", a.cache.c_str(),
              a.reservations, (monotonic_ms() - t0) / 1000);
  std::vector<double> first, cpu, in_main, window, data;
  for (int i = 0; i < a.runs; ++i) {
    const Launch l = launch(a);
    if (l.first_frame < 0) return 1;
    std::printf(
        "run %d: launch -> first frame %.1f ms, CPU %.1f ms (in main %.1f: "
        "window+GL+font %.1f, cache+snapshot %.1f)\n",
        i + 1, l.first_frame, l.cpu, l.in_main, l.window, l.data);
    first.push_back(l.first_frame), cpu.push_back(l.cpu), in_main.push_back(l.in_main);
    window.push_back(l.window), data.push_back(l.data);
  }
  std::printf(
      "median of %d: launch -> first frame %.1f ms (target <= 500 ms), CPU %.1f ms; "
      "in main %.1f; window+GL+font %.1f; cache+snapshot %.1f\n",
      a.runs, median(first), median(cpu), median(in_main), median(window), median(data));
  return 0;
}
