// "Optimise tonight": first insert every waiting party with deep move chains,
// then try whole-day re-plans of the movable reservations in several orders,
// keeping a re-plan only when it seats everybody it had and more covers.
#include "foh/engine/optimise.hpp"

#include <algorithm>
#include <numeric>

#include "assign_state.hpp"

namespace foh {
namespace {

using detail::Plan;
using detail::Query;
using detail::Ranked;

struct Replanner {
  Assigner::State& s;
  const OptimiseOptions& opt;
  std::vector<const Uuid*> zone;  // per reservation: preferred zone of a waiting request
  uint64_t rng;

  detail::SeatingIndex& ix() { return s.index; }

  uint64_t next() {
    rng += 0x9e3779b97f4a7c15ULL;
    uint64_t z = rng;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // Seat one reservation that holds no table, moving others if needed.
  bool seat(int res, int depth, int budget) {
    const detail::Placed& p = ix().placed(res);
    Query q{p.party, p.span, zone[res]};
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
    for (int r = 0; r < s.index.reservation_count(); ++r) snap[r] = s.index.placed(r).option;
    return snap;
  }

  void restore(const std::vector<int>& snap, const std::vector<int>& movable) {
    for (int r : movable) ix().unplace(r);
    for (int r : movable)
      if (snap[r] >= 0) ix().move(r, snap[r]);
  }

  int covers() const {
    int c = 0;
    for (int r = 0; r < s.index.reservation_count(); ++r)
      if (s.index.placed(r).held.count > 0) c += s.index.placed(r).party;
    return c;
  }

  // The order of one whole-day re-plan: by start (then larger parties first),
  // by size, then seeded perturbations of the start order.
  void order_for_round(int round, std::vector<int>& order) {
    auto& x = ix();
    auto by_start = [&](int a, int b) {
      const auto &pa = x.placed(a), &pb = x.placed(b);
      if (pa.span.start != pb.span.start) return pa.span.start < pb.span.start;
      return pa.party > pb.party;
    };
    if (round == 0) return std::sort(order.begin(), order.end(), by_start);
    if (round == 1)
      return std::sort(order.begin(), order.end(), [&](int a, int b) {
        return x.placed(a).party != x.placed(b).party ? x.placed(a).party > x.placed(b).party
                                                      : by_start(a, b);
      });
    std::vector<int64_t> jitter(x.reservation_count());
    for (int r : order) jitter[r] = x.placed(r).span.start * 8 + static_cast<int64_t>(next() % 400);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return jitter[a] < jitter[b]; });
  }

  void replan_rounds() {
    std::vector<int> movable;
    for (int r = 0; r < ix().reservation_count(); ++r) {
      const auto& p = ix().placed(r);
      bool tableless_candidate = p.held.count == 0 && p.party > 0 && p.movable;
      if (p.movable && (p.option >= 0 || tableless_candidate)) movable.push_back(r);
    }
    auto best = snapshot();
    int best_covers = covers();
    std::vector<int> order = movable;
    for (int round = 0; round < opt.rounds; ++round) {
      order_for_round(round, order);
      for (int r : movable) ix().unplace(r);
      bool kept_all = true;
      for (int r : order)
        if (!seat(r, 1, 2000) && best[r] >= 0) kept_all = false;
      int c = covers();
      if (kept_all && c > best_covers) {
        best = snapshot();
        best_covers = c;
      } else {
        restore(best, movable);
      }
    }
  }
};

Reservation as_reservation(const SeatRequest& r, const Venue& v) {
  Reservation res;
  res.id = r.id;
  res.restaurant_id = v.restaurant.id;
  res.party_size = r.party_size;
  res.date = r.date;
  res.time = r.time;
  res.duration = r.duration;
  res.status = ReservationStatus::Confirmed;
  return res;
}

}  // namespace

Result<OptimiseResult> optimise_day(const Venue& venue, const DayBook& day,
                                    const std::vector<SeatRequest>& waiting,
                                    OptimiseOptions options) {
  AssignOptions ao;
  ao.check_hours = false;
  ao.check_pacing = false;
  auto assigner = Assigner::create(venue, day, ao);
  if (!assigner) return assigner.error();
  Assigner::State& s = assigner->state();
  const int original = static_cast<int>(s.day.reservations.size());
  Replanner rp{s, options, std::vector<const Uuid*>(original, nullptr), options.seed};
  OptimiseResult out;
  out.covers_before = rp.covers();
  for (const SeatRequest& w : waiting) {
    s.day.reservations.push_back(as_reservation(w, venue));
    s.index.add(s.day.reservations.back(), -1);
  }
  for (const SeatRequest& w : waiting) rp.zone.push_back(w.zone_id ? &*w.zone_id : nullptr);

  std::vector<int> tableless;
  for (int r = 0; r < s.index.reservation_count(); ++r) {
    const auto& p = s.index.placed(r);
    if (p.held.count == 0 && p.movable && (r >= original || is_live(s.day.reservations[r].status)))
      tableless.push_back(r);
  }
  std::sort(tableless.begin(), tableless.end(), [&](int a, int b) {
    const auto &pa = s.index.placed(a), &pb = s.index.placed(b);
    return pa.party != pb.party ? pa.party > pb.party : pa.span.start < pb.span.start;
  });
  for (int r : tableless) rp.seat(r, options.max_move_depth, options.search_budget);
  rp.replan_rounds();

  for (int r = 0; r < s.index.reservation_count(); ++r) {
    int o = s.index.placed(r).option;
    Reservation& res = s.day.reservations[r];
    if (o < 0) continue;
    auto ids = s.table_ids(o);
    if (r < original) {
      auto before = s.floor.tables_of(res);
      std::vector<Uuid> a = before, b = ids;
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      if (!before.empty() && a != b)
        out.moved.push_back({res.id, before, ids, res.table_number, s.table_number(o)});
    }
    res.table_id = ids.front();
    res.table_number = s.table_number(o);
  }
  for (int r : tableless)
    (s.index.placed(r).option >= 0 ? out.seated : out.refused).push_back(s.day.reservations[r].id);
  out.covers_after = rp.covers();
  out.day = s.day;
  out.day.reservations.clear();
  for (int r = 0; r < s.index.reservation_count(); ++r)
    if (r < original || s.index.placed(r).option >= 0) out.day.reservations.push_back(s.day.reservations[r]);
  return out;
}

}  // namespace foh
