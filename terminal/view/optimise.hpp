#pragma once
// "Optimise tonight" as a host reads it, pure: the engine's re-plan of the day
// (optimise_day) turned into the moves Apply writes and one line per party.
#include <string>
#include <vector>

#include "foh/engine/optimise.hpp"
#include "i18n.hpp"

namespace foh::ui {

// "Optimise tonight" (managers): the engine's re-plan of the day, shown
// before anything is written (preview_of builds it).
struct OptimisePreview {
  std::vector<Move> moves;         // what Apply writes, all or nothing
  std::vector<std::string> lines;  // one per party: "19:45  Martin (4): 2 → 7", in time order
  int covers_before = 0, covers_after = 0;
  std::string refusal;  // Apply refused (stale: the day changed since); Apply is then disabled
};

// The moves of `result`, the parties it seats that held no table included
// (a Move with no from-table), each with its line; `before` is the day
// optimise_day was given.
OptimisePreview preview_of(const OptimiseResult& result, const DayBook& before, Language l);

}  // namespace foh::ui
