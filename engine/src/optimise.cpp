// "Optimise tonight": a batch plan of the whole day. Reservations that hold a
// table stay seated (Arrived/Seated ones on their table); waiting parties are
// chosen to seat as many covers as possible. A few greedy re-plans in several
// orders (seeded), then ruin and recreate (lift the parties of a time window,
// re-seat them largest first; keep unless covers drop), then ejection moves: a
// waiting party may take the place of smaller waiting parties when that seats
// more covers. On foh-bench-quality's days this seats 99.8 % of the exact
// optimum in 0.1-0.4 s a day (the 40 re-plans it replaced: 98.8 % in ~0.7 s).
#include "foh/engine/optimise.hpp"

#include <algorithm>

#include "assign_state.hpp"
#include "phrases.hpp"

namespace foh {
namespace {

using detail::Plan;
using detail::Query;
using detail::Ranked;

struct Replanner {
  Assigner::State& s;
  const OptimiseOptions& opt;
  std::vector<const Uuid*> zone;  // per reservation: preferred zone of a waiting request
  std::vector<int> must;          // movable reservations that must stay seated
  std::vector<int> cand;          // parties to seat if room can be found
  std::vector<int> all;           // must + cand
  std::vector<int> home;          // the option each reservation held before
  uint64_t rng;

  detail::SeatingIndex& ix() { return s.index; }
  const detail::Placed& at(int r) const { return s.index.placed(r); }

  uint64_t next() {
    rng += 0x9e3779b97f4a7c15ULL;
    uint64_t z = rng;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // Seat one reservation that holds no table, moving others if needed.
  bool seat(int res, int depth, int budget) {
    Query q{at(res).party, at(res).span, zone[res]};
    if (home[res] >= 0 && ix().is_free(home[res], q.span, nullptr)) {  // stay put when possible
      ix().move(res, home[res]);
      return true;
    }
    Ranked best[1];
    if (detail::free_options(ix(), q, nullptr, best, 1) > 0) {
      ix().move(res, best[0].option);
      return true;
    }
    Plan plan;
    if (depth <= 0 || !detail::plan_with_moves(ix(), q, depth, budget, plan)) return false;
    for (int i = 0; i < plan.move_count; ++i) ix().move(plan.moves[i].res, plan.moves[i].option);
    ix().move(res, plan.option);
    return true;
  }

  std::vector<int> snapshot() const {
    std::vector<int> snap(s.index.reservation_count());
    for (int r = 0; r < s.index.reservation_count(); ++r) snap[r] = at(r).option;
    return snap;
  }

  void restore(const std::vector<int>& snap) {
    for (int r : all) ix().unplace(r);
    for (int r : all)
      if (snap[r] >= 0) ix().move(r, snap[r]);
  }

  int covers() const {
    int c = 0;
    for (int r = 0; r < s.index.reservation_count(); ++r)
      if (at(r).held.count > 0) c += at(r).party;
    return c;
  }

  // Orders of the greedy re-plans: by start (larger parties first at equal
  // times), by size, then seeded blends of the two.
  void order(int round, std::vector<int>& v) {
    std::vector<int64_t> key(ix().reservation_count());
    for (int r : v) {
      int64_t start = at(r).span.start, party = at(r).party;
      if (round == 0)
        key[r] = start * 128 - party;
      else if (round == 1)
        key[r] = -party * (int64_t{1} << 40) + start;
      else
        key[r] =
            start - party * static_cast<int64_t>(next() % 90) + static_cast<int64_t>(next() % 60);
    }
    std::stable_sort(v.begin(), v.end(), [&](int a, int b) { return key[a] < key[b]; });
  }

  void greedy_rounds(const std::vector<int>& original) {
    auto best = snapshot();
    int best_covers = covers();
    for (int round = 0; round < opt.rounds; ++round) {
      order(round, must);
      order(round, cand);
      for (int r : all) ix().unplace(r);
      bool kept = true;
      for (int r : must) kept = kept && seat(r, 2, 4000);
      if (!kept) restore(original);  // candidates all unplaced in `original`
      for (int r : cand) seat(r, 2, 4000);
      for (int r : cand)
        if (at(r).option < 0) seat(r, opt.max_move_depth, opt.search_budget);
      int c = covers();
      if (c > best_covers) {
        best = snapshot();
        best_covers = c;
      } else {
        restore(best);
      }
    }
  }

  // A waiting party takes an option held by smaller waiting parties, which
  // are re-seated elsewhere if possible; kept only when covers grow.
  bool eject_for(int r) {
    const int party = at(r).party;
    const auto& options = ix().options();
    for (int o = 0; o < static_cast<int>(options.size()); ++o) {
      if (!ix().admits(o, party)) continue;
      int blocking[4];
      int n = ix().blockers(o, at(r).span, nullptr, blocking, 3);
      if (n == 0 || n > 3) continue;
      int lost = 0;
      bool ok = true;
      for (int i = 0; i < n; ++i) {
        ok = ok && std::find(cand.begin(), cand.end(), blocking[i]) != cand.end();
        lost += at(blocking[i]).party;
      }
      if (!ok || lost >= party) continue;
      auto before = snapshot();
      int covers_before = covers();
      for (int i = 0; i < n; ++i) ix().unplace(blocking[i]);
      ix().move(r, o);
      for (int i = 0; i < n; ++i) seat(blocking[i], 2, 4000);
      if (covers() > covers_before) return true;
      restore(before);
    }
    return false;
  }

  // Hosts and guests prefer fewer changes: every reservation whose old table
  // is free again in the final plan goes back to it.
  void move_back() {
    for (bool changed = true; changed;) {
      changed = false;
      for (int r : must) {
        if (at(r).option == home[r] || !ix().is_free(home[r], at(r).span, nullptr)) continue;
        ix().move(r, home[r]);
        changed = true;
      }
    }
  }

  // Ruin and recreate: lift up to `limit` parties whose spans meet a window
  // around a random party, then re-seat them and the waiting parties of that
  // window, larger parties first (with a seeded jitter). Kept unless it seats
  // fewer covers or leaves a reservation that must stay without a table;
  // equal covers are kept so the search can drift across plateaus.
  void ruin_and_recreate(int iterations) {
    std::vector<char> is_must(ix().reservation_count(), 0);
    for (int r : must) is_must[r] = 1;
    std::vector<std::pair<int, int>> saved;  // reservation, option before
    std::vector<int> touched;
    std::vector<int64_t> key(ix().reservation_count());
    for (int it = 0; it < iterations; ++it) {
      int pivot = all[next() % all.size()];
      int64_t margin = static_cast<int64_t>(next() % 3) * 30;
      Span w{at(pivot).span.start - margin, at(pivot).span.end + margin};
      int limit = 3 + static_cast<int>(next() % 10);
      saved.clear();
      touched.clear();
      for (int r : all) {
        if (!overlaps(w, at(r).span)) continue;
        if (at(r).option < 0)
          touched.push_back(r);
        else
          saved.push_back({r, at(r).option});
      }
      for (int i = 0; i < static_cast<int>(saved.size()) && i < limit; ++i)  // a seeded sample
        std::swap(saved[i], saved[i + static_cast<int>(next() % (saved.size() - i))]);
      if (static_cast<int>(saved.size()) > limit) saved.resize(limit);
      int before = 0;
      for (auto [r, o] : saved) {
        before += at(r).party;
        ix().unplace(r);
        touched.push_back(r);
      }
      // Mostly largest first; one step in four nearly shuffled, so two small
      // parties can win a combination back from one large party.
      const uint64_t jitter = next() % 4 == 0 ? 400 : 96;
      for (int r : touched)
        key[r] = -static_cast<int64_t>(at(r).party) * 64 + static_cast<int64_t>(next() % jitter);
      std::sort(touched.begin(), touched.end(), [&](int a, int b) { return key[a] < key[b]; });
      int after = 0;
      bool kept = true;
      for (int r : touched) {
        if (seat(r, 0, 0))
          after += at(r).party;  // no moves: a revert restores all it touched
        else
          kept = kept && !is_must[r];
      }
      if (kept && after >= before) continue;
      for (int r : touched) ix().unplace(r);
      for (auto [r, o] : saved) ix().move(r, o);
    }
  }

  void ejections() {
    std::vector<int> waiting;
    for (int r : cand)
      if (at(r).option < 0) waiting.push_back(r);
    std::stable_sort(waiting.begin(), waiting.end(),
                     [&](int a, int b) { return at(a).party > at(b).party; });
    for (int r : waiting)
      if (at(r).option < 0) eject_for(r);
  }
};

bool same_tables(std::vector<Uuid> a, std::vector<Uuid> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

}  // namespace

Result<OptimiseResult> optimise_day(const Venue& venue, const DayBook& day,
                                    const std::vector<SeatRequest>& waiting,
                                    OptimiseOptions options) {
  AssignOptions ao;
  ao.check_hours = false;
  ao.check_pacing = false;
  ao.language = options.language;  // describe() speaks it
  auto assigner = Assigner::create(venue, day, ao);
  if (!assigner) return assigner.error();
  Assigner::State& s = assigner->state();
  const int original = static_cast<int>(s.day.reservations.size());
  Replanner rp{s,  options,     std::vector<const Uuid*>(original, nullptr), {}, {}, {},
               {}, options.seed};
  OptimiseResult out;
  out.covers_before = rp.covers();
  for (const SeatRequest& w : waiting) {
    s.day.reservations.push_back(booking_of(w, venue));
    s.index.add(s.day.reservations.back(), -1);
    rp.zone.push_back(w.zone_id ? &*w.zone_id : nullptr);
  }
  for (int r = 0; r < s.index.reservation_count(); ++r) {
    const auto& p = s.index.placed(r);
    bool live = is_live(s.day.reservations[r].status);
    if (!p.movable || !live) continue;  // Arrived/Seated stay; the others free nothing
    if (p.option >= 0)
      rp.must.push_back(r);
    else if (p.held.count == 0)
      rp.cand.push_back(r);
  }
  rp.all = rp.must;
  rp.all.insert(rp.all.end(), rp.cand.begin(), rp.cand.end());
  rp.home = rp.snapshot();
  rp.greedy_rounds(rp.home);
  if (!rp.all.empty()) rp.ruin_and_recreate(options.recreate_rounds);
  // Ejections free room in new places: repeat while they seat more.
  for (int pass = 0, before = -1; pass < 4 && rp.covers() > before; ++pass) {
    before = rp.covers();
    rp.ejections();
    for (int r : rp.cand)
      if (s.index.placed(r).option < 0) rp.seat(r, options.max_move_depth, options.search_budget);
  }
  rp.move_back();

  for (int r = 0; r < s.index.reservation_count(); ++r) {
    int o = s.index.placed(r).option;
    Reservation& res = s.day.reservations[r];
    if (o < 0) continue;
    auto ids = s.table_ids(o);
    auto before = s.floor.tables_of(res);
    if (r < original && !before.empty() && !same_tables(before, ids))
      out.moved.push_back({res.id, before, ids, res.table_number, s.table_number(o)});
    res.table_id = ids.front();
    res.table_number = s.table_number(o);
  }
  for (int r : rp.cand) {
    const auto& p = s.index.placed(r);
    const std::string& id = s.day.reservations[r].id;
    (p.option >= 0 ? out.seated : out.refused).push_back(id);
    out.reason[id] = p.option >= 0
                         ? s.describe(p.option, Query{p.party, p.span, rp.zone[r]}, 0)
                         : phrase::left_out(options.language, p.party, s.day.reservations[r].time);
  }
  out.covers_after = rp.covers();
  out.day = s.day;
  out.day.reservations.clear();
  for (int r = 0; r < s.index.reservation_count(); ++r)
    if (r < original || s.index.placed(r).option >= 0)
      out.day.reservations.push_back(s.day.reservations[r]);
  return out;
}

}  // namespace foh
