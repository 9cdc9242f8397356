#pragma once
// Generated restaurants and days for the benchmarks and the property test:
// realistic party sizes (mostly 2 and 4), peaks around 12:30 and 20:00,
// bookings arriving in random order. Deterministic for a seed.
#include <cstdint>
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/model.hpp"

namespace foh::bench {

struct VenueShape {
  int tables = 30;
  int combinations = 12;  // declared on adjacent tables of the same plan
  bool lunch = true, dinner = true;
};

// Tables "1".."N" on two floor plans and three zones; sizes 2 (≈40 %), 4
// (≈40 %), 6 and 8; combinations "a+b" of neighbours, seats = a+b seats.
// Turn times 2 → 75 min, 4 → 90, 6 → 120 minutes; services 12:00–14:30 and
// 19:00–22:30 (arrival window), or none (open all day) when both are off.
Venue make_venue(const VenueShape& shape, uint64_t seed);

int total_seats(const Venue& v);

struct DemandShape {
  // Requested covers per service = demand × seats (issue 2 §5: 1.2–1.5×
  // the seats), so each service is over-booked around its peak.
  double demand = 1.35;
  Date date{2026, 11, 21};
  bool peaked = true;  // false: times uniform over each service's window
};

// Requests in booking order (shuffled), explicit durations = turn times.
std::vector<SeatRequest> make_requests(const Venue& v, const DemandShape& shape, uint64_t seed);

}  // namespace foh::bench
