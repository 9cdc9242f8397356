#pragma once
// "Optimise tonight": re-plan a whole day at once. Arrived and Seated parties
// stay where they are; every other live reservation keeps its time and party
// and stays seated (never dropped), possibly on another table; requests that
// were refused online (and live reservations holding no table) are seated when
// room can be found. Deterministic for a seed.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

struct OptimiseOptions {
  uint64_t seed = 1;
  int rounds = 8;                    // whole-day re-plans tried (each kept only if it seats more)
  int max_move_depth = 3;            // move chains when inserting one party
  int search_budget = 20000;         // option checks per insertion
  int recreate_rounds = 6000;        // ruin-and-recreate steps after the re-plans
  Language language = Language::En;  // of the reasons
};

struct OptimiseResult {
  DayBook day;                       // the re-planned day, newly seated requests added (Confirmed)
  std::vector<Move> moved;           // existing reservations now on other tables
  std::vector<std::string> seated;   // ids from `waiting` (and tableless reservations) now seated
  std::vector<std::string> refused;  // ids from `waiting` still without a table
  std::map<std::string, std::string> reason;  // per seated or refused id, host-readable
  int covers_before = 0, covers_after = 0;    // covers holding tables
};

// `waiting`: requests to seat if possible, e.g. those assign() refused. They
// are not checked against hours or pacing again: the caller decides what is
// waiting (foh-plan passes only those refused for want of a table).
Result<OptimiseResult> optimise_day(const Venue& venue, const DayBook& day,
                                    const std::vector<SeatRequest>& waiting,
                                    OptimiseOptions options = {});

}  // namespace foh
