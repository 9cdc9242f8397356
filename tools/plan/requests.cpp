#include "requests.hpp"

#include <set>

#include "foh/engine/validate.hpp"

namespace foh::plan {
namespace {

Error field_error(const std::string& row, const char* field, std::string message) {
  return Error{row + "." + field, std::move(message)};
}

Result<PlanRequest> decode_one(const Json& j, Date date, const std::string& row) {
  if (!j.is_object()) return Error{row, std::string("must be an object, got ") + j.type_name()};
  PlanRequest out;
  auto id = j.find("id");
  if (id == j.end() || id->is_null()) return field_error(row, "id", "missing (required)");
  if (id->is_string() && !id->get<std::string>().empty())
    out.seat.id = id->get<std::string>();
  else if (id->is_number_integer())
    out.seat.id = id->dump();
  else
    return field_error(row, "id", "must be a non-empty string or an integer, got " + id->dump());
  out.id = *id;
  auto party = j.find("party_size");
  if (party == j.end() || party->is_null())
    return field_error(row, "party_size", "missing (required)");
  if (!party->is_number_integer() || party->get<int64_t>() < 1 || party->get<int64_t>() > 99)
    return field_error(row, "party_size",
                       "must be an integer between 1 and 99, got " + party->dump());
  out.seat.party_size = party->get<int>();
  auto time = j.find("time");
  if (time == j.end() || time->is_null()) return field_error(row, "time", "missing (required)");
  auto t = time->is_string() ? TimeOfDay::parse(time->get<std::string>()) : std::nullopt;
  if (!t)
    return field_error(row, "time", "malformed time " + time->dump() + " (expected HH:MM:SS)");
  out.seat.time = *t;
  out.seat.date = date;
  if (auto d = j.find("duration"); d != j.end() && !d->is_null()) {
    if (!d->is_number_integer() || d->get<int64_t>() < 1 || d->get<int64_t>() > 24 * 60)
      return field_error(row, "duration", "must be minutes between 1 and 1440, got " + d->dump());
    out.seat.duration = d->get<int>();
  }
  if (auto z = j.find("zone_id"); z != j.end() && !z->is_null()) {
    if (!z->is_string()) return field_error(row, "zone_id", "must be a string, got " + z->dump());
    out.seat.zone_id = z->get<std::string>();
  }
  return out;
}

}  // namespace

Result<std::vector<PlanRequest>> decode_requests(const Json& day, Date date,
                                                 const std::vector<Reservation>& existing,
                                                 const std::string& where) {
  std::vector<PlanRequest> out;
  auto list = day.find("requests");
  if (list == day.end() || list->is_null()) return out;
  if (!list->is_array())
    return Error{where + ": requests", std::string("must be an array, got ") + list->type_name()};
  std::set<std::string> ids;
  for (const auto& r : existing) ids.insert(r.id);
  for (size_t i = 0; i < list->size(); ++i) {
    std::string row = row_where(where, "requests", i);
    auto one = decode_one((*list)[i], date, row);
    if (!one) return one.error();
    if (!ids.insert(one->seat.id).second)
      return field_error(row, "id", "duplicate id " + one->id.dump());
    out.push_back(std::move(one.value()));
  }
  return out;
}

}  // namespace foh::plan
