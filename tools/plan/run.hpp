#pragma once
// foh-plan's two modes over decoded input, producing the output document:
// {"decisions": [{"request_id", "accepted", "reason"}...] in request order,
//  "results": [{"request_id", "table_ids": [...]}...] the final plan,
//  "moved": N}.
#include <string>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "requests.hpp"

namespace foh::plan {

// Online: each request answered before the next is read (Assigner::assign).
// `day_where` names the day file for errors the floor raises (extra tables).
Result<Json> run_assign(const Venue& venue, const DayBook& day,
                        const std::vector<PlanRequest>& requests, const std::string& day_where);

// Batch: requests open at their time are planned together (optimise_day),
// then pacing is applied in request order.
Result<Json> run_optimise(const Venue& venue, const DayBook& day,
                          const std::vector<PlanRequest>& requests, const std::string& day_where);

}  // namespace foh::plan
