#pragma once
// The floor for one date: an index over the venue's tables (the day's extra
// tables included, hidden/blocked tables known) and the declared combinations.
// Built once per date, then queried in hot loops without allocating.
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

// A combination is declared by a key of some table's capacity_overrides:
// table names joined by '+', resolved within the declaring table's floor plan.
struct Combination {
  std::string key;  // "7+8", as first declared
  Uuid floor_plan_id;
  std::vector<Uuid> table_ids;  // members, in key order
  std::vector<int> members;     // the same members as Floor table indices
  int seats = 0;                // the value declared for the key
  // A host's join of two tables for the date (daily_table_overrides.joined_with,
  // day_join.hpp), not a declared one: seats = the members' capacity_max summed.
  bool daily = false;
};

// The tables one reservation holds, as Floor table indices. Fixed capacity so
// that the overlap rule never allocates.
struct HeldTables {
  static constexpr int kMax = 24;  // also the largest combination validate accepts
  std::array<int, kMax> index{};
  int count = 0;

  bool contains(int i) const {
    for (int k = 0; k < count; ++k)
      if (index[k] == i) return true;
    return false;
  }
  void add(int i) {
    if (i >= 0 && count < kMax && !contains(i)) index[count++] = i;
  }
};

class Floor {
 public:
  // Errors: a combination naming an unknown table, a duplicate table name in a
  // floor plan, capacity_min > capacity_max (see validate.hpp for the wording).
  static Result<Floor> build(const Venue& v, const DayBook* day = nullptr);

  const Table* table(const Uuid& id) const;
  const Table* table_named(const Uuid& floor_plan_id, std::string_view name) const;
  const std::vector<Table>& tables() const { return tables_; }  // incl. the day's extra tables
  const std::vector<Combination>& combinations() const { return combinations_; }  // each once
  bool is_unavailable(const Uuid& table_id) const;  // hidden or blocked for that date
  bool is_hidden(const Uuid& table_id) const;
  bool is_blocked(const Uuid& table_id) const;
  bool is_extra(const Uuid& table_id) const;  // a daily extra table

  // The tables a reservation holds: table_id, plus every member named in
  // table_number "7+8" (names resolved within table_id's floor plan; when
  // table_id is null or unknown, the first name found fixes the floor plan:
  // permanent tables before extra ones, then the lowest floor_plan_id, as the
  // backend's trigger does). Empty if it holds none.
  std::vector<Uuid> tables_of(const Reservation& r) const;

  // Index-based access for hot loops (indices into tables()).
  int index_of(const Uuid& table_id) const;                                 // -1 if unknown
  int index_named(const Uuid& floor_plan_id, std::string_view name) const;  // -1 if unknown
  HeldTables held_by(const Reservation& r) const;
  bool unavailable_at(int index) const { return unavailable_[index] != 0; }
  // Combinations that include the table (indices into combinations()).
  const std::vector<int>& combinations_with(int table_index) const {
    return combos_of_[table_index];
  }
  // The combination declared with exactly these members (any order), or -1.
  int combination_of(const HeldTables& members) const;

 private:
  struct PlanNames {
    Uuid floor_plan_id;
    std::vector<std::pair<std::string, int>> by_name;  // sorted by name
  };
  const PlanNames* plan(const Uuid& floor_plan_id) const;
  int index_named_anywhere(std::string_view name) const;
  void index_tables();
  Status add_combinations(const std::vector<Table>& declared);
  void add_daily_joins(const DayBook& day);

  std::vector<Table> tables_;
  std::vector<char> extra_, hidden_, blocked_, unavailable_;
  std::unordered_map<Uuid, int> by_id_;
  std::vector<PlanNames> plans_;
  std::vector<Combination> combinations_;
  std::vector<std::vector<int>> combos_of_;
};

}  // namespace foh
