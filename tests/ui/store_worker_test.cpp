// The Store off the frame (issue 12, item 11): a slow write runs on the
// Store's worker, on its own SQLite connection, while the main thread keeps
// drawing frames; its key stays pending (its button disabled) until the
// result lands through the MainQueue; the main thread's connection then reads
// what the worker wrote; a write asked for just before exit is done, not dropped.
#include "app/store_worker.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "app/seed.hpp"
#include "app/snapshot.hpp"
#include "demo_cache.hpp"
#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/quarantine.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"

using namespace foh;
using namespace foh::app;
using Ms = std::chrono::duration<double, std::milli>;

namespace {

const Date kToday = *Date::parse("2026-11-28");

// A cache file seeded with the demo restaurant, removed after the test.
struct SeededFile {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("foh-store-worker-" + std::to_string(::getpid()) + ".sqlite"))
                         .string();
  std::unique_ptr<net::Cache> cache;  // the main thread's connection
  SeededFile() {
    remove();
    cache = test::demo_cache(path, kToday);
  }
  ~SeededFile() {
    cache.reset();
    remove();
  }
  void remove() const {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  WaitlistEntry entry(const std::string& name) {
    WaitlistEntry e;
    e.id = net::new_uuid();
    e.restaurant_id = cache->load_venue()->restaurant.id;
    e.guest_name = name;
    e.party_size = 2;
    e.date = kToday;
    e.time = *TimeOfDay::parse("19:30");
    return e;
  }
  bool queued(const Uuid& id) {
    auto day = cache->load_day(kToday);
    REQUIRE(day.ok());
    return std::any_of(day->waitlist.begin(), day->waitlist.end(),
                       [&](const WaitlistEntry& w) { return w.id == id; });
  }
};

net::Actor manager() {
  net::Actor a;
  a.role = Role::Manager;
  return a;
}

}  // namespace

TEST_CASE("store worker: a slow write; frames go on, its key pending until it lands") {
  SeededFile file;
  net::MainQueue queue;
  Jobs jobs(queue);
  auto w = StoreWorker::open(file.path, jobs);
  REQUIRE_MESSAGE(w.ok(), w.error().text());
  StoreWorker& writer = **w;
  writer.set_delay_ms(300);  // a busy disk
  const WaitlistEntry e = file.entry("Slow disk");

  std::optional<Result<WaitlistEntry>> landed;
  int landings = 0;
  std::optional<Result<DaySnapshot>> snapshot;
  const auto asked = std::chrono::steady_clock::now();
  writer.run(JobKind::Write, e.id, std::chrono::system_clock::now(), [&, e](net::Store& s) {
    auto r = std::make_shared<Result<WaitlistEntry>>(s.waitlist_add(e, manager()));
    // The day read after it, on the worker too, as App::start_write does.
    auto snap = std::make_shared<Result<DaySnapshot>>(load_snapshot(
        s.cache(), std::nullopt, LocalInstant::at(kToday, *TimeOfDay::parse("19:30"))));
    return Jobs::Landing([&, r, snap] {
      landed = *r;
      snapshot = *snap;
      ++landings;
    });
  });
  // Asking does not wait for the write.
  CHECK(Ms(std::chrono::steady_clock::now() - asked).count() < 100);
  CHECK(writer.pending(e.id));
  CHECK(writer.busy());

  // Frames at about 60 Hz: each drains the queue, none waits for the write.
  int frames = 0, pending_frames = 0;
  double longest_ms = 0;
  while (!landed && std::chrono::steady_clock::now() - asked < std::chrono::seconds(10)) {
    const auto f0 = std::chrono::steady_clock::now();
    queue.drain();
    if (!landed && writer.pending(e.id)) ++pending_frames;  // its button disabled this frame
    longest_ms = std::max(longest_ms, Ms(std::chrono::steady_clock::now() - f0).count());
    ++frames;
    std::this_thread::sleep_for(std::chrono::milliseconds(16));
  }
  REQUIRE(landed);
  REQUIRE_MESSAGE(landed->ok(), landed->error().text());
  CHECK(landings == 1);
  CHECK(frames >= 10);                  // 300 ms of frames came while it was written
  CHECK(pending_frames == frames - 1);  // every frame before the landing showed it pending
  CHECK(longest_ms < 100);              // a frame that waited for the write would take 300 ms
  CHECK_FALSE(writer.pending(e.id));
  CHECK_FALSE(writer.busy());
  // The day read after the write holds it, and so does the main thread's own connection.
  REQUIRE(snapshot);
  REQUIRE(snapshot->ok());
  CHECK(std::any_of((*snapshot)->day.waitlist.begin(), (*snapshot)->day.waitlist.end(),
                    [&](const WaitlistEntry& x) { return x.id == e.id; }));
  CHECK(file.queued(e.id));
}

TEST_CASE("store worker: writes land in the order asked; a refusal lands as a value") {
  SeededFile file;
  net::MainQueue queue;
  Jobs jobs(queue);
  auto w = StoreWorker::open(file.path, jobs);
  REQUIRE(w.ok());
  const WaitlistEntry e = file.entry("In order");
  std::vector<std::string> order;
  (*w)->run(JobKind::Write, "add", std::chrono::system_clock::now(), [&, e](net::Store& s) {
    const bool ok = s.waitlist_add(e, manager()).ok();
    return Jobs::Landing([&, ok] { order.push_back(ok ? "added" : "add refused"); });
  });
  (*w)->run(JobKind::Write, "call", std::chrono::system_clock::now(), [&, e](net::Store& s) {
    const bool ok = s.waitlist_call(e.id, manager()).ok();
    return Jobs::Landing([&, ok] { order.push_back(ok ? "called" : "call refused"); });
  });
  (*w)->run(JobKind::Write, "unknown", std::chrono::system_clock::now(), [&](net::Store& s) {
    auto r = s.waitlist_call("no-such-entry", manager());
    const std::string why = r ? "" : r.error().text();
    return Jobs::Landing([&, why] { order.push_back(why.empty() ? "?" : "refused"); });
  });
  CHECK((*w)->keys() == std::vector<std::string>{"add", "call", "unknown"});
  const auto t0 = std::chrono::steady_clock::now();
  while (order.size() < 3 && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10)) {
    queue.drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  CHECK(order == std::vector<std::string>{"added", "called", "refused"});
  CHECK((*w)->keys().empty());
}

TEST_CASE("store worker: a write asked for just before exit is written, not dropped") {
  SeededFile file;
  const WaitlistEntry e = file.entry("Last tap");
  {
    net::MainQueue queue;
    Jobs jobs(queue);
    auto w = StoreWorker::open(file.path, jobs);
    REQUIRE(w.ok());
    (*w)->set_delay_ms(200);
    (*w)->run(JobKind::Write, e.id, std::chrono::system_clock::now(), [e](net::Store& s) {
      (void)s.waitlist_add(e, manager());
      return Jobs::Landing{};
    });
  }  // closed at once: its landing is never drained, but the row is written
  CHECK(file.queued(e.id));
}

TEST_CASE("store worker: no second connection to an in-memory cache") {
  net::MainQueue queue;
  Jobs jobs(queue);
  auto w = StoreWorker::open(":memory:", jobs);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().where == "--db");
}

// One runner, two lanes (app/jobs.hpp): a PIN check hung on a dead backend
// holds no write back, and the runner's busy state sees both.
TEST_CASE("job runner: a hung check on one lane; a write on the Store lane lands meanwhile") {
  SeededFile file;
  std::atomic<bool> release{false};  // before the runner: its check reads it until joined
  net::MainQueue queue;
  Jobs jobs(queue);
  auto w = StoreWorker::open(file.path, jobs);
  REQUIRE(w.ok());
  const JobId check = jobs.start(JobKind::Login, [&](const Jobs::Cancelled& cancelled) {
    while (!release && !cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return Jobs::Landing{};
  });
  const WaitlistEntry e = file.entry("Not held back");
  bool written = false;
  (*w)->run(JobKind::Write, e.id, std::chrono::system_clock::now(), [&, e](net::Store& s) {
    const bool ok = s.waitlist_add(e, manager()).ok();
    return Jobs::Landing([&, ok] { written = ok; });
  });
  CHECK(jobs.busy(Lane::Checks));
  CHECK(jobs.busy(Lane::Store));
  REQUIRE(jobs.current(Lane::Checks));
  CHECK(jobs.current(Lane::Checks)->id == check);
  REQUIRE(jobs.current(Lane::Store));
  CHECK(jobs.current(Lane::Store)->kind == JobKind::Write);
  const auto t0 = std::chrono::steady_clock::now();
  while (!written && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10)) {
    queue.drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  CHECK(written);  // landed while the check still hangs
  CHECK(jobs.running(JobKind::Login));
  CHECK_FALSE(jobs.busy(Lane::Store));
  CHECK(jobs.busy());  // the check is still someone's wait
  jobs.cancel(check);
  CHECK_FALSE(jobs.busy());
  release = true;
}

// The snapshot is built on the worker and moved into the shell's members: the
// day index's pointers must follow the moved day, not the worker's copy.
TEST_CASE("snapshot: the day index built off the frame still points into the day once moved") {
  SeededFile file;
  auto snap = load_snapshot(*file.cache, std::nullopt,
                            LocalInstant::at(kToday, *TimeOfDay::parse("19:30")));
  REQUIRE_MESSAGE(snap.ok(), snap.error().text());
  REQUIRE(snap->index);
  REQUIRE_FALSE(snap->day.reservations.empty());
  DaySnapshot s = std::move(*snap);
  DayBook day;
  day = std::move(s.day);  // as App::adopt moves it into day_
  std::optional<ui::DayIndex> index;
  index = std::move(s.index);
  for (const Reservation& r : day.reservations) {
    const ui::Booking* b = index->booking(r.id);
    if (b) CHECK(b->r == &r);
  }
}

// A row the day's read leaves out is listed for the manager: from the
// quarantine, and from the read's own report when the quarantine could not
// take it (issue 15: the reads name what they set aside).
TEST_CASE("snapshot: a row the day's read left out is listed set aside, quarantined or not") {
  SeededFile file;
  const auto now = LocalInstant::at(kToday, *TimeOfDay::parse("19:30"));
  auto listed = [](const DaySnapshot& s, const Uuid& id) {
    return std::count_if(s.set_aside.begin(), s.set_aside.end(),
                         [&](const ui::SetAsideRow& r) { return r.row_id == id; });
  };
  auto poison = [&](size_t i) {
    Reservation r = file.cache->load_day(kToday)->reservations.at(i);
    Json bad = encode(r);
    bad["time"] = "24:00";
    REQUIRE(file.cache->put_row("reservations", bad));
    return r.id;
  };
  const Uuid first = poison(0);
  auto snap = load_snapshot(*file.cache, std::nullopt, now);
  REQUIRE_MESSAGE(snap.ok(), snap.error().text());
  CHECK(listed(*snap, first) == 1);  // the quarantine's row, not twice
  CHECK(net::Quarantine(*file.cache).count() == 1);

  REQUIRE(file.cache->exec("DROP TABLE quarantine"));  // a write that fails
  const Uuid second = poison(0);
  auto again = load_snapshot(*file.cache, std::nullopt, now);
  REQUIRE_MESSAGE(again.ok(), again.error().text());
  REQUIRE(listed(*again, second) == 1);
  for (const auto& r : again->day.reservations) CHECK(r.id != second);
  auto row = std::find_if(again->set_aside.begin(), again->set_aside.end(),
                          [&](const ui::SetAsideRow& r) { return r.row_id == second; });
  CHECK(row->table == "reservations");
  CHECK(row->reason.find("not set aside") != std::string::npos);
  CHECK_FALSE(row->last_seen.empty());
}
