// foh-bench-quality: covers seated by online assign, by optimise and by
// first-fit in booking order, against the exact optimum (cbc), on generated
// realistic days. Usage: foh-bench-quality [--days N] [--tables T] [--seed S]
// [--ceiling 1] [--bound 1|2|3|4] [--repack-from P] [--online K] [--cache DIR] [--rounds N]
// [--recreate N] (the last two are optimise's options)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>

#include "day_gen.hpp"
#include "foh/engine/optimise.hpp"
#include "instance.hpp"
#include "online_policies.hpp"
#include "repack_bound.hpp"

namespace {

using namespace foh;
using namespace foh::bench;

struct Args {
  int days = 20, tables = 30;
  uint64_t seed = 1;
  bool ceiling = false;  // also solve the best plan that keeps assign's accepted set
  // 1: the forced-request bound, 2: also accept-iff-repack (slow), 3 and 4:
  // the seat-while-free rule as constraints, with free re-plans or with no
  // moves at all (repack_bound.hpp)
  int bound = 0;
  int repack_from = 1;  // --bound 2: parties this size and up may be repacked for
  int online = 0;       // reference online policies (online_policies.hpp) with this many futures
  std::string cache;    // directory of exact optima already solved, keyed by the LP text
  OptimiseOptions optimise;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--days")
      a.days = std::atoi(argv[i + 1]);
    else if (k == "--tables")
      a.tables = std::atoi(argv[i + 1]);
    else if (k == "--seed")
      a.seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (k == "--ceiling")
      a.ceiling = std::string(argv[i + 1]) == "1";
    else if (k == "--bound")
      a.bound = std::atoi(argv[i + 1]);
    else if (k == "--repack-from")
      a.repack_from = std::atoi(argv[i + 1]);
    else if (k == "--online")
      a.online = std::atoi(argv[i + 1]);
    else if (k == "--cache")
      a.cache = argv[i + 1];
    else if (k == "--rounds")
      a.optimise.rounds = std::atoi(argv[i + 1]);
    else if (k == "--recreate")
      a.optimise.recreate_rounds = std::atoi(argv[i + 1]);
  }
  return a;
}

// The engine's plan as IP options (checked for feasibility independently).
std::vector<int> as_options(const Instance& in, const DayBook& day,
                            const std::vector<SeatRequest>& requests, const Floor& floor) {
  std::map<std::vector<Uuid>, int> by_tables;
  for (size_t o = 0; o < in.option_tables.size(); ++o) {
    auto ids = in.option_tables[o];
    std::sort(ids.begin(), ids.end());
    by_tables[ids] = static_cast<int>(o);
  }
  std::map<std::string, const Reservation*> by_id;
  for (const auto& r : day.reservations) by_id[r.id] = &r;
  std::vector<int> plan(requests.size(), -1);
  for (size_t j = 0; j < requests.size(); ++j) {
    auto it = by_id.find(requests[j].id);
    if (it == by_id.end() || !is_live(it->second->status)) continue;
    auto ids = floor.tables_of(*it->second);
    std::sort(ids.begin(), ids.end());
    auto o = by_tables.find(ids);
    plan[j] = o == by_tables.end() ? -2 : o->second;
  }
  return plan;
}

struct Totals {
  double ff = 0, assign = 0, optimise = 0, optimum = 0, bound = 0, local = 0, forced = 0, rule = 0;
  double hold_singles = 0, hold_small = 0, yield = 0, placement = 0;
};

// The reference online policies on one day (online_policies.hpp).
void online_policies(const Venue& venue, const std::vector<SeatRequest>& requests, double demand,
                     uint64_t seed, const Args& args, int x, Totals& tot) {
  Futures futures = sample_futures(venue, demand, seed, args.online);
  int singles = hold_back_covers(venue, requests, {1}),
      small = hold_back_covers(venue, requests, {1, 3});
  int yield = yield_covers(venue, requests, futures);
  int placement = placement_covers(venue, requests, futures, 4);
  tot.hold_singles += singles, tot.hold_small += small, tot.yield += yield,
      tot.placement += placement;
  std::printf(
      "     online: singles held back at the peak %.1f %%, singles and threes %.1f %%,"
      " yield %.1f %%, placement %.1f %%\n",
      100.0 * singles / x, 100.0 * small / x, 100.0 * yield / x, 100.0 * placement / x);
}

// The exact optimum, from the cache when this very program was solved before
// (re-running the benchmark after an engine change then costs no cbc time).
Result<IpSolution> exact_optimum(const IpInstance& ip, const std::string& dir,
                                 const std::string& cache) {
  if (cache.empty()) return solve_with_cbc(ip, dir, 120);
  std::ostringstream lp;
  write_lp(ip, lp);
  std::string file = cache + "/" + std::to_string(std::hash<std::string>{}(lp.str())) + ".txt";
  IpSolution s;
  if (std::ifstream in(file); in >> s.covers >> s.proven_optimal) return s;
  auto solved = solve_with_cbc(ip, dir, 120);
  if (solved) std::ofstream(file) << solved->covers << " " << solved->proven_optimal << "\n";
  return solved;
}

// References for online policies on one day (repack_bound.hpp); false after
// printing an error.
bool reference_policies(const Instance& in, const std::string& dir, const Args& args, int x,
                        Totals& tot) {
  int forced_count = 0;
  auto forced = exact_optimum(with_forced_requests(in.ip, &forced_count), dir, args.cache);
  if (!forced) return std::fprintf(stderr, "%s\n", forced.error().text().c_str()), false;
  tot.forced += forced->covers;
  std::printf("     %d requests any policy must accept; best plan seating them: %d (%.1f %%)\n",
              forced_count, forced->covers, 100.0 * forced->covers / x);
  if (args.bound >= 3) {
    auto rule = solve_with_cbc(args.bound == 3 ? with_seat_while_free_rule(in.ip)
                                               : with_seat_while_free_rule_no_moves(in.ip),
                               dir, 120);
    if (!rule) return std::fprintf(stderr, "%s\n", rule.error().text().c_str()), false;
    tot.rule += rule->best_possible;
    std::printf("     best plan under the seat-while-free rule: at most %.0f (%.1f %%)%s\n",
                rule->best_possible, 100.0 * rule->best_possible / x,
                rule->proven_optimal ? "" : " [cbc time limit: its proven bound]");
    return true;
  }
  if (args.bound < 2) return true;
  RepackBound full = accept_iff_repack(in.ip, dir, 0, args.repack_from),
              local = accept_iff_repack(in.ip, dir, 1, args.repack_from);
  int fb = covers_of(in.ip, full.option_of_job), lb = covers_of(in.ip, local.option_of_job);
  tot.bound += fb, tot.local += lb;
  std::printf(
      "     accept iff a repack exists: %d (%.1f %%), repacking only overlaps: %d (%.1f %%)"
      "  [%d cbc calls, %d unproven]\n",
      fb, 100.0 * fb / x, lb, 100.0 * lb / x, full.cbc_calls + local.cbc_calls,
      full.unproven + local.unproven);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse(argc, argv);
  char tmpl[] = "/tmp/foh-quality-XXXXXX";
  if (!mkdtemp(tmpl)) return 1;
  std::printf("%4s %5s %7s %7s %7s %7s %7s | %6s %6s %6s\n", "day", "req", "asked", "first",
              "assign", "optim", "exact", "ff%", "as%", "op%");
  Totals tot;
  double min_assign = 1, min_optimise = 1, optimise_ms = 0, ceiling = 0;
  for (int d = 0; d < args.days; ++d) {
    uint64_t seed = args.seed * 1000 + d;
    Venue venue = make_venue({args.tables, args.tables * 2 / 5, true, true}, seed);
    double demand = 1.2 + 0.1 * (d % 4);
    auto requests = make_requests(venue, {demand, Date{2026, 11, 21}}, seed);
    DayBook empty;
    empty.date = Date{2026, 11, 21};
    auto floor = Floor::build(venue, &empty);
    if (!floor) return std::fprintf(stderr, "%s\n", floor.error().text().c_str()), 1;
    Instance in = make_instance(venue, *floor, requests);
    int asked = 0;
    for (const auto& j : in.ip.jobs) asked += j.party;
    int ff = covers_of(in.ip, first_fit(in.ip));

    auto assigner = Assigner::create(venue, empty);
    std::vector<SeatRequest> rejected;
    for (const auto& r : requests)
      if (!assigner->assign(r).accepted) rejected.push_back(r);
    auto online = as_options(in, assigner->day(), requests, *floor);
    auto o0 = std::chrono::steady_clock::now();
    auto opt =
        optimise_day(venue, empty, requests, args.optimise);  // the batch: all requests at once
    optimise_ms +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - o0).count();
    if (!opt) return std::fprintf(stderr, "%s\n", opt.error().text().c_str()), 1;
    auto batch = as_options(in, opt->day, requests, *floor);
    std::string why;
    if (!feasible(in.ip, online, &why) || !feasible(in.ip, batch, &why))
      return std::fprintf(stderr, "day %d: engine plan infeasible: %s\n", d, why.c_str()), 1;

    auto t0 = std::chrono::steady_clock::now();
    auto exact = exact_optimum(in.ip, tmpl, args.cache);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!exact) return std::fprintf(stderr, "%s\n", exact.error().text().c_str()), 1;
    int a = covers_of(in.ip, online), o = covers_of(in.ip, batch), x = exact->covers;
    if (args.ceiling) {
      Instance forced = in;
      for (size_t j = 0; j < online.size(); ++j) forced.ip.jobs[j].forced = online[j] >= 0;
      auto fx = solve_with_cbc(forced.ip, tmpl, 120);
      if (fx) ceiling += fx->covers;
      if (fx)
        std::printf("     best plan keeping exactly assign's accepted parties: %d (%.1f %%)\n",
                    fx->covers, 100.0 * fx->covers / x);
    }
    std::printf("%4d %5zu %7d %7d %7d %7d %7d | %6.1f %6.1f %6.1f  (cbc %.1fs%s)\n", d,
                requests.size(), asked, ff, a, o, x, 100.0 * ff / x, 100.0 * a / x, 100.0 * o / x,
                secs, exact->proven_optimal ? "" : ", NOT proven optimal");
    if (args.bound > 0 && !reference_policies(in, tmpl, args, x, tot)) return 1;
    if (args.online > 0) online_policies(venue, requests, demand, seed, args, x, tot);
    tot.ff += ff, tot.assign += a, tot.optimise += o, tot.optimum += x;
    min_assign = std::min(min_assign, 1.0 * a / x);
    min_optimise = std::min(min_optimise, 1.0 * o / x);
  }
  std::printf("\nAggregate over %d days (covers / exact optimum covers):\n", args.days);
  std::printf("  first-fit in booking order: %.2f %%\n", 100 * tot.ff / tot.optimum);
  std::printf("  assign (online):            %.2f %%  (worst day %.2f %%)\n",
              100 * tot.assign / tot.optimum, 100 * min_assign);
  std::printf("  optimise (batch):           %.2f %%  (worst day %.2f %%)\n",
              100 * tot.optimise / tot.optimum, 100 * min_optimise);
  if (std::getenv("FOH_KEEP")) return 0;
  if (args.ceiling)
    std::printf(
        "  best packing of exactly the parties assign accepted (not a ceiling for other\n"
        "  policies: they accept other parties): %.2f %%\n",
        100 * ceiling / tot.optimum);
  if (args.bound > 0)
    std::printf(
        "  any policy that seats every party while a table is free: at most %.2f %%\n"
        "  (loose: only requests forced whatever the policy did before count)\n",
        100 * tot.forced / tot.optimum);
  if (args.bound == 3)
    std::printf(
        "  any policy that seats every party while a table is free, even knowing the\n"
        "  future and moving freely: at most %.2f %%\n",
        100 * tot.rule / tot.optimum);
  if (args.bound == 4)
    std::printf(
        "  any policy that seats every party while a table is free and never moves\n"
        "  a party, even knowing the future: at most %.2f %%\n",
        100 * tot.rule / tot.optimum);
  if (args.online > 0)
    std::printf(
        "  online references (%d sampled futures of the same demand):\n"
        "    assign holding back singles at the peak: %.2f %%; singles and threes: %.2f %%\n"
        "    yield (refuses while a table is free when the futures say it pays): %.2f %%\n"
        "    placement (keeps the rule; picks among 4 free options by the futures): %.2f %%\n",
        args.online, 100 * tot.hold_singles / tot.optimum, 100 * tot.hold_small / tot.optimum,
        100 * tot.yield / tot.optimum, 100 * tot.placement / tot.optimum);
  if (args.bound == 2)
    std::printf(
        "  the most-accepting policy (accept iff a full repack exists): %.2f %%;\n"
        "  repacking only the parties overlapping the request: %.2f %%\n",
        100 * tot.bound / tot.optimum, 100 * tot.local / tot.optimum);
  std::printf("  (optimise: %.1f ms per day on average, wall clock)\n", optimise_ms / args.days);
  std::string cleanup = std::string("rm -rf '") + tmpl + "'";
  return std::system(cleanup.c_str()) == 0 ? 0 : 0;
}
