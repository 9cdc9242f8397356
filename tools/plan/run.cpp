#include "run.hpp"

#include <map>

#include "foh/engine/assign.hpp"
#include "foh/engine/floor.hpp"
#include "foh/engine/optimise.hpp"
#include "foh/engine/pacing.hpp"
#include "foh/engine/rules.hpp"

namespace foh::plan {
namespace {

Json decision(const PlanRequest& r, bool accepted, const std::string& reason) {
  return Json{{"request_id", r.id}, {"accepted", accepted}, {"reason", reason}};
}

// The final plan: each request's member tables in `day` (empty if not seated).
Json results(const Floor& floor, const DayBook& day, const std::vector<PlanRequest>& requests) {
  std::map<std::string, const Reservation*> by_id;
  for (const auto& r : day.reservations) by_id[r.id] = &r;
  Json out = Json::array();
  for (const auto& r : requests) {
    auto it = by_id.find(r.seat.id);
    Json ids = Json::array();
    if (it != by_id.end() && is_live(it->second->status))
      for (const auto& t : floor.tables_of(*it->second)) ids.push_back(t);
    out.push_back(Json{{"request_id", r.id}, {"table_ids", ids}});
  }
  return out;
}

Status check_zones(const Venue& venue, const std::vector<PlanRequest>& requests,
                   const std::string& day_where) {
  for (size_t i = 0; i < requests.size(); ++i) {
    const auto& z = requests[i].seat.zone_id;
    if (!z) continue;
    bool known = false;
    for (const auto& zone : venue.zones) known = known || zone.id == *z;
    if (!known)
      return Error{day_where + ": requests[" + std::to_string(i) + "].zone_id",
                   "unknown zone \"" + *z + "\""};
  }
  return ok();
}

Result<Floor> floor_for(const Venue& venue, const DayBook& day, const std::string& day_where) {
  auto floor = Floor::build(venue, &day);
  if (!floor) return Error{day_where + ": " + floor.error().where, floor.error().message};
  return floor;
}

}  // namespace

Result<Json> run_assign(const Venue& venue, const DayBook& day,
                        const std::vector<PlanRequest>& requests, const std::string& day_where) {
  if (auto st = check_zones(venue, requests, day_where); !st) return st.error();
  auto floor = floor_for(venue, day, day_where);
  if (!floor) return floor.error();
  auto assigner = Assigner::create(venue, day);
  if (!assigner) return assigner.error();
  Json decisions = Json::array();
  size_t moved = 0;
  for (const auto& r : requests) {
    Decision d = assigner->assign(r.seat);
    moved += d.moved.size();
    decisions.push_back(decision(r, d.accepted, d.reason));
  }
  return Json{{"decisions", decisions},
              {"results", results(*floor, assigner->day(), requests)},
              {"moved", moved}};
}

Result<Json> run_optimise(const Venue& venue, const DayBook& day,
                          const std::vector<PlanRequest>& requests, const std::string& day_where) {
  if (auto st = check_zones(venue, requests, day_where); !st) return st.error();
  auto floor = floor_for(venue, day, day_where);
  if (!floor) return floor.error();
  std::map<std::string, std::string> refused;  // closed at their time: not planned
  std::vector<SeatRequest> open;
  for (const auto& r : requests) {
    if (service_at(r.seat.date, r.seat.time, venue.services))
      open.push_back(r.seat);
    else
      refused[r.seat.id] = "Refused: closed at " + r.seat.time.hhmm() + " (no service)";
  }
  auto planned = optimise_day(venue, day, open);
  if (!planned) return planned.error();
  // Pacing in booking order over the plan: a refused request leaves the plan.
  DayBook& plan = planned->day;
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < plan.reservations.size(); ++i) index[plan.reservations[i].id] = i;
  std::vector<Reservation> counted = day.reservations;
  for (const auto& r : requests) {
    auto it = index.find(r.seat.id);
    if (it == index.end() || refused.count(r.seat.id)) continue;
    Reservation& res = plan.reservations[it->second];
    PacingCheck pc = check_pacing(res, counted, venue.restaurant.settings, venue.services);
    if (!pc.allowed) {
      refused[r.seat.id] = "Refused: pacing \u2014 " + pc.reason;
      res.status = ReservationStatus::Cancelled;  // no longer holds its table
    } else {
      counted.push_back(res);
    }
  }
  Json decisions = Json::array();
  for (const auto& r : requests) {
    auto ref = refused.find(r.seat.id);
    bool seated = ref == refused.end() && index.count(r.seat.id);
    std::string reason = ref != refused.end() ? ref->second : planned->reason[r.seat.id];
    decisions.push_back(decision(r, seated, reason));
  }
  return Json{{"decisions", decisions},
              {"results", results(*floor, plan, requests)},
              {"moved", planned->moved.size()}};
}

}  // namespace foh::plan
