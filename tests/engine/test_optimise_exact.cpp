// "Optimise tonight" against an exhaustive search: on small random days the
// batch plan seats exactly as many covers as the best possible plan.
#include <doctest/doctest.h>

#include <random>

#include "fixtures.hpp"
#include "foh/engine/optimise.hpp"

using namespace foh;
using namespace foh::test;

namespace {

struct Job {
  int party, start, end;
};
struct Seat {
  std::vector<int> tables;
  int cmin, cmax;
};

// Best covers by trying every option (or none) for every job, pruned by the
// covers still to place.
struct Exhaustive {
  const std::vector<Job>& jobs;
  const std::vector<Seat>& seats;
  std::vector<std::vector<int>> busy;  // per table: jobs on it
  int best = 0;

  bool free(const Seat& s, const Job& j) const {
    for (int t : s.tables)
      for (int other : busy[t])
        if (jobs[other].start < j.end && j.start < jobs[other].end) return false;
    return true;
  }
  void search(size_t k, int covers, int left) {
    best = std::max(best, covers);
    if (k == jobs.size() || covers + left <= best) return;
    const Job& j = jobs[k];
    for (const Seat& s : seats) {
      if (j.party < s.cmin || j.party > s.cmax || !free(s, j)) continue;
      for (int t : s.tables) busy[t].push_back(static_cast<int>(k));
      search(k + 1, covers + j.party, left - j.party);
      for (int t : s.tables) busy[t].pop_back();
    }
    search(k + 1, covers, left - j.party);
  }
};

}  // namespace

TEST_CASE("optimise seats the exhaustive optimum on small random days") {
  std::mt19937_64 rng(20261128);
  auto below = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  int days_with_refusals = 0;
  for (int day_no = 0; day_no < 40; ++day_no) {
    Venue v = venue();
    v.services.clear();
    v.tables.clear();
    std::vector<Seat> seats;
    for (int i = 0; i < 4; ++i) {
      int cmax = std::vector<int>{2, 2, 4, 4, 6}[below(5)];
      int cmin = cmax == 2 ? 1 : cmax - 2;
      v.tables.push_back(table("t" + std::to_string(i), std::to_string(i + 1), cmin, cmax));
      seats.push_back({{i}, cmin, cmax});
    }
    v.tables[1].capacity_overrides["2+3"] = v.tables[1].capacity_max + v.tables[2].capacity_max;
    seats.push_back({{1, 2}, 1, v.tables[1].capacity_max + v.tables[2].capacity_max});
    std::vector<SeatRequest> waiting;
    std::vector<Job> jobs;
    int asked = 0;
    for (int k = 0; k < 10; ++k) {
      SeatRequest r;
      r.id = "w" + std::to_string(k);
      r.party_size = 1 + below(6);
      r.date = kThursday;
      int start = 19 * 60 + 30 * below(5);
      r.time = TimeOfDay::from_minutes(start);
      r.duration = 60 + 30 * below(3);
      waiting.push_back(r);
      jobs.push_back({r.party_size, start, start + *r.duration});
      asked += r.party_size;
    }
    Exhaustive best{jobs, seats, std::vector<std::vector<int>>(4)};
    best.search(0, 0, asked);
    DayBook day;
    day.date = kThursday;
    auto opt = optimise_day(v, day, waiting);
    REQUIRE(opt.ok());
    CAPTURE(day_no);
    CHECK(opt->covers_after == best.best);
    days_with_refusals += best.best < asked;
  }
  CHECK(days_with_refusals > 20);  // the days must be over-booked to mean anything
}
