#pragma once
// Reference online policies for foh-bench-quality: what answering bookings one
// at a time, as assign does, could reach with more knowledge than a terminal
// has (the demand still to come, sampled from the generator itself) or with
// fewer rules (refusing a party while a table is free). Benchmark references,
// not engine. Each returns the covers seated on one day.
#include <cstdint>
#include <set>
#include <vector>

#include "foh/engine/assign.hpp"

namespace foh::bench {

// Refuses parties of `sizes` booked for a peak time (12:00–13:15 and
// 19:15–20:45), otherwise assign's answer.
int hold_back_covers(const Venue& venue, const std::vector<SeatRequest>& requests,
                     const std::set<int>& sizes);

// Days drawn from the same demand as the real one: when k of n bookings are
// answered, the last n - k requests of each stand for the bookings to come.
using Futures = std::vector<std::vector<SeatRequest>>;
Futures sample_futures(const Venue& venue, double demand, uint64_t seed, int count);

// Yield: books what assign would book only when, over the futures, assign then
// seats at least as many covers with this party as without it. Breaks the
// rule "never refuse a party while a table is free".
int yield_covers(const Venue& venue, const std::vector<SeatRequest>& requests,
                 const Futures& futures);

// Keeps the rule: books whatever assign would, but on the free option (assign's
// choice or one of its next `options - 1`) after which assign seats the most
// covers over the futures.
int placement_covers(const Venue& venue, const std::vector<SeatRequest>& requests,
                     const Futures& futures, int options);

}  // namespace foh::bench
