#pragma once
// The bridge from the engine's model to the benchmark's integer program: the
// options are the floor's usable tables and declared combinations, the jobs
// the requests at their fixed times (spans from rules.hpp's span_of).
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/floor.hpp"
#include "optimum.hpp"

namespace foh::bench {

struct Instance {
  IpInstance ip;
  std::vector<std::vector<Uuid>> option_tables;  // table ids per option
};

Instance make_instance(const Venue& v, const Floor& floor,
                       const std::vector<SeatRequest>& requests);

// First fit in booking order: each request on the first free option (tables
// in floor order, then combinations) that admits the party. The reference.
std::vector<int> first_fit(const IpInstance& ip);

int covers_of(const IpInstance& ip, const std::vector<int>& option_of_job);

}  // namespace foh::bench
