#pragma once
// "Optimise tonight" as a host reads it, pure: the engine's re-plan of the day
// (optimise_day) turned into the moves Apply writes and one line per party.
#include "foh/engine/optimise.hpp"
#include "screens/reservations.hpp"

namespace foh::ui {

// The moves of `result`, the parties it seats that held no table included
// (a Move with no from-table), each with its line; `before` is the day
// optimise_day was given.
OptimisePreview preview_of(const OptimiseResult& result, const DayBook& before, Language l);

}  // namespace foh::ui
