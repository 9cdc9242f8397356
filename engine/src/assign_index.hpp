#pragma once
// Private to assign/optimise: the day's per-table interval index, the options
// (usable single tables and declared combinations) sorted for the scans, and
// the overlay a move search writes its tentative changes to.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "foh/engine/floor.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/rules.hpp"

namespace foh::detail {

struct Option {                            // a usable single table or a declared combination
  int member_begin = 0, member_count = 0;  // into SeatingIndex::members()
  int cap_min = 1, cap_max = 0;
  bool combination = false;
  bool combinable = false;  // a single table that belongs to some combination
  int fill_group = 0;
  int table = -1;  // single: Floor table index (combination: its first member)
  int combo = -1;  // combination: index in Floor::combinations()
};

struct Booking {
  int64_t start = 0, end = 0;
  int res = -1;  // index in the day's reservations
};

struct Placed {  // per reservation of the day
  Span span;
  int party = 0;
  int option = -1;       // -1: not on a usable table or declared combination
  bool movable = false;  // live and not yet Arrived/Seated
  HeldTables held;       // what it holds now (empty: nothing, or not live)
  int alike = -1;        // parties of its size booked for its span share this id
};

// Tentative changes of one search, on top of the committed index.
struct Overlay {
  static constexpr int kMax = 8;
  int lifted[kMax];
  int lifted_count = 0;
  struct Tentative {
    int option;
    Span span;
    int res;  // -1: the request itself
  } placed[kMax];
  int placed_count = 0;

  bool is_lifted(int res) const {
    for (int i = 0; i < lifted_count; ++i)
      if (lifted[i] == res) return true;
    return false;
  }
  bool full() const { return lifted_count >= kMax || placed_count >= kMax; }
};

class SeatingIndex {
 public:
  // Indexes every live reservation of `day` that holds tables of `floor`.
  SeatingIndex(const Floor& floor, const std::vector<Reservation>& reservations,
               const Settings& settings, const std::vector<Service>& services);

  const Floor& floor() const { return *floor_; }
  const std::vector<Option>& options() const { return options_; }
  const Option& option(int o) const { return options_[o]; }
  const int* members(int o) const { return members_.data() + options_[o].member_begin; }
  const Placed& placed(int res) const { return placed_[res]; }
  int reservation_count() const { return static_cast<int>(placed_.size()); }
  int first_combination() const { return first_combination_; }
  int largest_capacity() const { return largest_; }
  int shortest_turn() const { return shortest_turn_; }
  // Options are sorted singles first, then combinations, each by capacity:
  // the first index of a single (combination) admitting at most `party` seats.
  int first_single_for(int party) const;
  int first_combination_for(int party) const;
  bool admits(int o, int party) const {
    const Option& op = options_[o];
    return op.cap_min <= party && party <= op.cap_max;
  }

  bool is_free(int o, Span span, const Overlay* ov) const;
  // Reservations on o's tables overlapping span (committed, not lifted). Stops
  // once more than `max` are found; returns the count found.
  int blockers(int o, Span span, const Overlay* ov, int* out, int max) const;
  // "Protect later demand": how badly the span fits the free windows of o's
  // tables (0 = back to back with neighbours; dead gaps shorter than any turn
  // cost the most).
  int gap_cost(int o, Span span) const;

  // Per-search memo of reservations known to have no free option (a move
  // search asks the same question for many candidate tables). Kept per party
  // size and span: parties booked alike (a couple at 20:00 for 75 minutes)
  // have the same options, so one's answer is the others' (on 150 tables the
  // search otherwise spends its budget asking it again for each).
  void new_search() const;
  bool known_stuck(int res) const { return stuck_[placed_[res].alike] == search_; }
  void mark_stuck(int res) const { stuck_[placed_[res].alike] = search_; }

  // Committed changes.
  int add(const Reservation& r, int option);  // returns the reservation index
  void move(int res, int option);
  void unplace(int res);  // lifts it off its tables (optimise's re-plans)
  int option_of_held(const HeldTables& held) const;  // -1 if not an option

 private:
  void insert_bookings(int res);
  int alike_id(const Placed& p);
  void erase_bookings(int res);

  const Floor* floor_;
  const Settings* settings_;
  const std::vector<Service>* services_;
  std::vector<Option> options_;
  std::vector<int> members_;
  std::vector<int> single_of_table_;            // option index per table, -1 if unusable
  std::vector<std::vector<Booking>> bookings_;  // per table, sorted by start
  std::vector<Placed> placed_;
  std::unordered_map<uint64_t, int> alike_;  // (party, span) -> Placed::alike
  mutable std::vector<uint32_t> stuck_;      // per Placed::alike: the search that found it stuck
  mutable uint32_t search_ = 0;
  int first_combination_ = 0;
  int largest_ = 0;
  int shortest_turn_ = 0;
};

}  // namespace foh::detail
