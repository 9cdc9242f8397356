// kill -9 during 1000 writes: a child process books through the Store and
// reports each acknowledged booking through a pipe; the parent kills it
// mid-way, then finds every acknowledged booking (row and outbox entry) and a
// clean integrity_check.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <set>
#include <string>

#include "fixtures.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"

using namespace foh;
using namespace foh::net;

namespace {

[[noreturn]] void writer(const std::string& path, int fd) {
  auto c = Cache::open(path);
  if (!c) _exit(3);
  Store s(*c.value());
  Actor by{std::nullopt, Role::Manager};
  const char* tables[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
  for (int i = 0; i < 1000; ++i) {
    // Ten tables, 100 days: never an overlap, every write is accepted.
    Reservation r = fixture::booking(tables[i % 10], "19:00", 2, "Crash " + std::to_string(i));
    r.date = r.date.plus_days(i / 10);
    auto done = s.create_reservation(r, by);
    if (!done) _exit(4);
    std::string ack = done->id + "\n";  // acknowledged: COMMIT has returned
    if (write(fd, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) _exit(5);
  }
  _exit(0);
}

}  // namespace

TEST_CASE("SIGKILL during 1000 writes loses nothing acknowledged and never corrupts the file") {
  fixture::TempDir dir;
  std::string path = dir.file("crash.db");
  fixture::seeded_cache(path).reset();  // seeded, closed before fork
  std::mt19937 rng(std::random_device{}());
  size_t kill_after = std::uniform_int_distribution<size_t>(50, 600)(rng);

  int fds[2];
  REQUIRE(pipe(fds) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    close(fds[0]);
    writer(path, fds[1]);
  }
  close(fds[1]);
  std::set<std::string> acked;
  std::string buf;
  char chunk[4096];
  bool killed = false;
  for (;;) {
    ssize_t n = read(fds[0], chunk, sizeof chunk);
    if (n <= 0) break;
    buf.append(chunk, static_cast<size_t>(n));
    for (size_t nl; (nl = buf.find('\n')) != std::string::npos; buf.erase(0, nl + 1))
      acked.insert(buf.substr(0, nl));
    if (!killed && acked.size() >= kill_after) {
      kill(pid, SIGKILL);  // mid-write: the child is between commits or inside one
      killed = true;
    }
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(killed);
  CHECK(WIFSIGNALED(status));
  MESSAGE("killed after " << acked.size() << " acknowledged writes");

  auto c = Cache::open(path);
  REQUIRE(c.ok());
  CHECK(c.value()->integrity_check().ok());
  for (const auto& id : acked) {
    CHECK_MESSAGE(c.value()->get_row("reservations", id).has_value(), id);
    CHECK_MESSAGE(Outbox(*c.value()).has_for("reservations", id), id);
  }
  // At most the one write in flight when killed went in without its ack.
  CHECK(c.value()->row_count("reservations") >= static_cast<int64_t>(acked.size()));
  CHECK(c.value()->row_count("reservations") <= static_cast<int64_t>(acked.size()) + 1);
  CHECK(Outbox(*c.value()).count() == c.value()->row_count("reservations"));
  // The store goes on writing after the crash.
  Store s(*c.value());
  CHECK(s.create_reservation(fixture::booking("11", "12:00"), Actor{}).ok());
}
