// The bundles: R.json (Venue) and a day (DayBook), decoded row by row and then
// validated as a whole.
#include "foh/engine/codec.hpp"
#include "foh/engine/validate.hpp"

namespace foh {
namespace {

// "R.json: tables" or "tables" when there is no file name.
std::string part(const std::string& where, const char* key) {
  return where.empty() ? std::string(key) : where + ": " + key;
}

// A list of rows under `key`; absent or null = no rows.
template <class Row, class Decode>
Status decode_rows(const Json& j, const char* key, const std::string& where, Decode decode,
                   std::vector<Row>& out) {
  out.clear();
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return ok();
  if (!it->is_array())
    return Error{part(where, key), std::string("must be an array, got ") + it->type_name()};
  out.reserve(it->size());
  for (size_t i = 0; i < it->size(); ++i) {
    auto row = decode((*it)[i], row_where(where, key, i));
    if (!row) return row.error();
    out.push_back(std::move(row.value()));
  }
  return ok();
}

template <class Row>
Json encode_rows(const std::vector<Row>& rows) {
  Json a = Json::array();
  for (const auto& r : rows) a.push_back(encode(r));
  return a;
}

}  // namespace

Result<Venue> decode_venue(const Json& j, const std::string& where) {
  if (!j.is_object()) return Error{where, std::string("must be an object, got ") + j.type_name()};
  Venue v;
  auto r = j.find("restaurant");
  if (r == j.end() || r->is_null()) return Error{part(where, "restaurant"), "missing (required)"};
  auto restaurant = decode_restaurant(*r, part(where, "restaurant"));
  if (!restaurant) return restaurant.error();
  v.restaurant = std::move(restaurant.value());
  Status st = decode_rows(j, "floor_plans", where, decode_floor_plan, v.floor_plans);
  if (st) st = decode_rows(j, "zones", where, decode_zone, v.zones);
  if (st) st = decode_rows(j, "tables", where, decode_table, v.tables);
  if (st) st = decode_rows(j, "services", where, decode_service, v.services);
  if (st) st = decode_rows(j, "team_members", where, decode_team_member, v.team_members);
  if (st) st = validate_venue(v, where);
  if (!st) return st.error();
  return v;
}

Json encode(const Venue& v) {
  return Json{{"restaurant", encode(v.restaurant)},  {"floor_plans", encode_rows(v.floor_plans)},
              {"zones", encode_rows(v.zones)},       {"tables", encode_rows(v.tables)},
              {"services", encode_rows(v.services)}, {"team_members", encode_rows(v.team_members)}};
}

Result<DayBook> decode_day(const Json& j, const std::string& where) {
  if (!j.is_object()) return Error{where, std::string("must be an object, got ") + j.type_name()};
  DayBook d;
  auto date = j.find("date");
  if (date == j.end() || date->is_null()) return Error{part(where, "date"), "missing (required)"};
  auto parsed = date->is_string() ? Date::parse(date->get<std::string>()) : std::nullopt;
  if (!parsed) return Error{part(where, "date"), "malformed date " + date->dump()};
  d.date = *parsed;
  Status st = decode_rows(j, "reservations", where, decode_reservation, d.reservations);
  if (st) st = decode_rows(j, "waitlist_entries", where, decode_waitlist_entry, d.waitlist);
  if (st)
    st = decode_rows(j, "daily_table_overrides", where, decode_daily_table_override,
                     d.table_overrides);
  if (st)
    st = decode_rows(j, "daily_extra_tables", where, decode_daily_extra_table, d.extra_tables);
  if (st) st = decode_rows(j, "daily_floor_notes", where, decode_daily_floor_note, d.floor_notes);
  if (st) st = decode_rows(j, "server_sections", where, decode_server_section, d.server_sections);
  if (st) st = decode_rows(j, "customers", where, decode_customer, d.customers);
  if (st) st = validate_day(d, where);
  if (!st) return st.error();
  return d;
}

Json encode(const DayBook& d) {
  Json j{{"date", d.date.str()},
         {"reservations", encode_rows(d.reservations)},
         {"waitlist_entries", encode_rows(d.waitlist)},
         {"daily_table_overrides", encode_rows(d.table_overrides)},
         {"daily_extra_tables", encode_rows(d.extra_tables)},
         {"daily_floor_notes", encode_rows(d.floor_notes)}};
  // Only when there are some: a day file without customers stays as it was.
  if (!d.customers.empty()) j["customers"] = encode_rows(d.customers);
  if (!d.server_sections.empty()) j["server_sections"] = encode_rows(d.server_sections);
  return j;
}

}  // namespace foh
