// The searches behind Assigner: the ranked scan of free options and the
// bounded move search that makes room when nothing is free.
#include <algorithm>
#include <cstdint>

#include "assign_state.hpp"

namespace foh::detail {
namespace {

bool in_zone(const SeatingIndex& ix, int option, const Uuid& zone) {
  const auto& z = ix.floor().tables()[ix.option(option).table].zone_id;
  return z && *z == zone;
}

// Keeps the best `max_out` entries in `out` (sorted, small arrays).
void keep_best(Ranked* out, int& count, int max_out, Ranked r) {
  if (count == max_out && !(r < out[count - 1])) return;
  int i = count < max_out ? count++ : count - 1;
  while (i > 0 && r < out[i - 1]) {
    out[i] = out[i - 1];
    --i;
  }
  out[i] = r;
}

template <class F>
void for_each_admitting(const SeatingIndex& ix, int party, bool combinations, F&& f) {
  const int end = combinations ? static_cast<int>(ix.options().size()) : ix.first_combination();
  int o = combinations ? ix.first_combination_for(party) : ix.first_single_for(party);
  for (; o < end; ++o)
    if (ix.admits(o, party) && !f(o)) return;
}

// Best free option for a lifted reservation, or -1.
int best_free_for(const SeatingIndex& ix, const Query& q, const Overlay& ov, int& budget) {
  Ranked best{0, -1};
  for (int pass = 0; pass < 2 && best.option < 0; ++pass) {
    for_each_admitting(ix, q.party, pass == 1, [&](int o) {
      if (--budget < 0) return false;
      // Options come by capacity: past the first size that has room, any
      // other free option only wastes more seats.
      if (best.option >= 0 && ix.option(o).cap_max > ix.option(best.option).cap_max) return false;
      if (!ix.is_free(o, q.span, &ov)) return true;
      int64_t key = preference_key(ix, o, q);
      if (best.option < 0 || key < best.key) best = {key, o};
      return true;
    });
  }
  return best.option;
}

bool relocate(const SeatingIndex& ix, Overlay& ov, int res, int depth, int& budget);

// Depth 2: seat `res` on an option held by exactly one movable reservation,
// which is re-seated in turn.
bool relocate_displacing(const SeatingIndex& ix, Overlay& ov, int res, int depth, int& budget) {
  const Placed& p = ix.placed(res);
  bool done = false;
  for (int pass = 0; pass < 2 && !done; ++pass) {
    for_each_admitting(ix, p.party, pass == 1, [&](int o) {
      if (--budget < 0 || ov.full()) return false;
      int other = -1;
      if (ix.blockers(o, p.span, &ov, &other, 1) != 1 || !ix.placed(other).movable) return true;
      ov.lifted[ov.lifted_count++] = other;
      if (ix.is_free(o, p.span, &ov)) {
        ov.placed[ov.placed_count++] = {o, p.span, res};
        if (relocate(ix, ov, other, depth - 1, budget)) {
          done = true;
          return false;
        }
        --ov.placed_count;
      }
      --ov.lifted_count;
      return true;
    });
  }
  return done;
}

bool relocate(const SeatingIndex& ix, Overlay& ov, int res, int depth, int& budget) {
  const Placed& p = ix.placed(res);
  Query q{p.party, p.span, nullptr};
  int o = ix.known_stuck(res) ? -1 : best_free_for(ix, q, ov, budget);
  if (o >= 0 && !ov.full()) {
    ov.placed[ov.placed_count++] = {o, p.span, res};
    return true;
  }
  if (budget >= 0) ix.mark_stuck(res);
  return depth >= 2 && relocate_displacing(ix, ov, res, depth, budget);
}

}  // namespace

int64_t preference_key(const SeatingIndex& ix, int option, const Query& q) {
  const Option& o = ix.option(option);
  int64_t waste = std::clamp(o.cap_max - q.party, 0, 127);
  int64_t fill = std::clamp(o.fill_group + 1024, 0, 2047);
  int64_t zone_miss = q.zone && !in_zone(ix, option, *q.zone) ? 1 : 0;
  int64_t gap = std::min<int64_t>(ix.gap_cost(option, q.span), (int64_t{1} << 40) - 1);
  return (int64_t{o.combination} << 62) | (waste << 54) | (int64_t{o.combinable} << 53) |
         (fill << 42) | (zone_miss << 41) | gap;
}

int free_options(const SeatingIndex& ix, const Query& q, const Overlay* ov, Ranked* out,
                 int max_out, const int* tie_of_table, int* worst_tie) {
  int count = 0;
  int64_t best_key = INT64_MAX;
  for (int pass = 0; pass < 2 && count < max_out; ++pass) {
    for_each_admitting(ix, q.party, pass == 1, [&](int o) {
      if (!ix.is_free(o, q.span, ov)) return true;
      const int tie = tie_of_table ? tie_of_table[ix.option(o).table] : 0;
      const int64_t key = preference_key(ix, o, q);
      if (worst_tie && key < best_key) best_key = key, *worst_tie = tie;
      if (worst_tie && key == best_key) *worst_tie = std::max(*worst_tie, tie);
      keep_best(out, count, max_out, {key, o, tie});
      return true;
    });
  }
  return count;
}

bool plan_with_moves(const SeatingIndex& ix, const Query& q, int depth, int budget, Plan& out) {
  out.option = -1;
  ix.new_search();
  for (int d = 1; d <= depth && out.option < 0; ++d) {
    for (int pass = 0; pass < 2 && out.option < 0; ++pass) {
      for_each_admitting(ix, q.party, pass == 1, [&](int o) {
        if (--budget < 0) return false;
        int blocking[3];
        int n = ix.blockers(o, q.span, nullptr, blocking, 2);
        if (n == 0 || n > 2) return true;
        for (int i = 0; i < n; ++i)
          if (!ix.placed(blocking[i]).movable) return true;
        Overlay ov;
        for (int i = 0; i < n; ++i) ov.lifted[ov.lifted_count++] = blocking[i];
        ov.placed[ov.placed_count++] = {o, q.span, -1};
        // The larger party first: it has fewer places to go.
        if (n == 2 && ix.placed(blocking[1]).party > ix.placed(blocking[0]).party)
          std::swap(blocking[0], blocking[1]);
        for (int i = 0; i < n; ++i)
          if (!relocate(ix, ov, blocking[i], d, budget)) return true;
        int64_t key = preference_key(ix, o, q);
        int moves = ov.placed_count - 1;
        if (out.option >= 0 &&
            (moves > out.move_count || (moves == out.move_count && key >= out.key)))
          return true;
        out.option = o;
        out.key = key;
        out.move_count = moves;
        for (int i = 1; i < ov.placed_count; ++i)
          out.moves[i - 1] = {ov.placed[i].res, ov.placed[i].option};
        return true;
      });
    }
  }
  return out.option >= 0;
}

}  // namespace foh::detail
