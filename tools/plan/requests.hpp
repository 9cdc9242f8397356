#pragma once
// D.json's "requests": bookings in the order they were made, decoded with an
// error naming the file, the row and the field (never a silent default).
#include <string>
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh::plan {

struct PlanRequest {
  SeatRequest seat;
  Json id;  // the id as written, echoed in the output
};

// {"id", "party_size", "time": "HH:MM:SS", "duration": minutes|null, "zone_id": optional}
Result<std::vector<PlanRequest>> decode_requests(const Json& day, Date date,
                                                 const std::vector<Reservation>& existing,
                                                 const std::string& where);

}  // namespace foh::plan
