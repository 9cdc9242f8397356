// The restaurant and its floor: restaurants, floor_plans, zones, tables, services.
#include "foh/engine/codec.hpp"
#include "json_row.hpp"
#include "table_columns.hpp"

namespace foh {

using detail::JsonRow;
using detail::Need;
using detail::put_opt;
using detail::put_ref;
using detail::put_ts;
using detail::read_table_columns;
using detail::with_extra;
using detail::write_table_columns;

namespace {

void read_capacity_overrides(JsonRow& row, std::map<std::string, int>& out) {
  out.clear();
  const Json* co = row.take("capacity_overrides", Need::Optional);
  if (!co) return;
  if (!co->is_object())
    return row.fail("capacity_overrides", std::string("must be an object, got ") + co->type_name());
  for (auto it = co->begin(); it != co->end(); ++it) {
    if (!it->is_number_integer())
      return row.fail(
          "capacity_overrides",
          "combination \"" + it.key() + "\" must have an integer seat count, got " + it->dump());
    long long seats = it->get<long long>();
    if (seats < 1 || seats > 99)
      return row.fail("capacity_overrides", "combination \"" + it.key() +
                                                "\" must seat 1..99, got " + std::to_string(seats));
    out[it.key()] = static_cast<int>(seats);
  }
}

}  // namespace

Result<Restaurant> decode_restaurant(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Restaurant r;
  row.uuid("id", r.id);
  row.text("name", r.name, Need::Required);
  row.text("address", r.address);
  row.text("phone", r.phone);
  row.text("email", r.email);
  if (const Json* s = row.take("settings", Need::Optional)) {
    auto settings = decode_settings(*s, where + ".settings");
    if (!settings) return settings.error();
    r.settings = std::move(settings.value());
  }
  row.boolean("is_pro", r.is_pro);
  row.text("created_at", r.created_at);
  row.text("updated_at", r.updated_at);
  if (!row.ok()) return row.error();
  r.extra = row.extra();
  return r;
}

Json encode(const Restaurant& r) {
  Json j = with_extra(r.extra);
  j["id"] = r.id;
  j["name"] = r.name;
  j["address"] = r.address;
  j["phone"] = r.phone;
  j["email"] = r.email;
  j["settings"] = encode(r.settings);
  j["is_pro"] = r.is_pro;
  put_ts(j, "created_at", r.created_at);
  put_ts(j, "updated_at", r.updated_at);
  return j;
}

Result<FloorPlan> decode_floor_plan(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  FloorPlan p;
  row.uuid("id", p.id);
  row.uuid("restaurant_id", p.restaurant_id, Need::Optional);
  row.text("name", p.name, Need::Required);
  row.integer("sort_order", p.sort_order, Need::Optional);
  row.text("updated_at", p.updated_at);
  if (!row.ok()) return row.error();
  p.extra = row.extra();
  return p;
}

Json encode(const FloorPlan& p) {
  Json j = with_extra(p.extra);
  j["id"] = p.id;
  put_ref(j, "restaurant_id", p.restaurant_id);
  j["name"] = p.name;
  j["sort_order"] = p.sort_order;
  put_ts(j, "updated_at", p.updated_at);
  return j;
}

Result<Zone> decode_zone(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Zone z;
  row.uuid("id", z.id);
  row.uuid("restaurant_id", z.restaurant_id, Need::Optional);
  row.uuid("floor_plan_id", z.floor_plan_id);
  row.text("name", z.name, Need::Required);
  row.text("color", z.color);
  row.number("position_x", z.position_x);
  row.number("position_y", z.position_y);
  row.number("width", z.width);
  row.number("height", z.height);
  row.integer("sort_order", z.sort_order, Need::Optional);
  row.text("updated_at", z.updated_at);
  if (!row.ok()) return row.error();
  z.extra = row.extra();
  return z;
}

Json encode(const Zone& z) {
  Json j = with_extra(z.extra);
  j["id"] = z.id;
  put_ref(j, "restaurant_id", z.restaurant_id);
  j["floor_plan_id"] = z.floor_plan_id;
  j["name"] = z.name;
  j["color"] = z.color;
  j["position_x"] = z.position_x;
  j["position_y"] = z.position_y;
  j["width"] = z.width;
  j["height"] = z.height;
  j["sort_order"] = z.sort_order;
  put_ts(j, "updated_at", z.updated_at);
  return j;
}

Result<Table> decode_table(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Table t;
  row.uuid("id", t.id);
  row.uuid("restaurant_id", t.restaurant_id, Need::Optional);
  row.uuid("floor_plan_id", t.floor_plan_id);
  row.opt_uuid("zone_id", t.zone_id);
  read_table_columns(row, t);
  read_capacity_overrides(row, t.capacity_overrides);
  row.integer("fill_group", t.fill_group, Need::Optional);
  row.text("updated_at", t.updated_at);
  if (!row.ok()) return row.error();
  t.extra = row.extra();
  return t;
}

Json encode(const Table& t) {
  Json j = with_extra(t.extra);
  j["id"] = t.id;
  put_ref(j, "restaurant_id", t.restaurant_id);
  write_table_columns(j, t);
  Json co = Json::object();
  for (const auto& [key, seats] : t.capacity_overrides) co[key] = seats;
  j["capacity_overrides"] = co;
  j["fill_group"] = t.fill_group;
  put_ts(j, "updated_at", t.updated_at);
  return j;
}

Result<Service> decode_service(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Service s;
  row.uuid("id", s.id);
  row.uuid("restaurant_id", s.restaurant_id, Need::Optional);
  row.text("name", s.name);
  row.time("start_time", s.start_time);
  row.time("end_time", s.end_time);
  row.int_array("days_of_week", s.days_of_week, 1, 7);
  row.boolean("is_special", s.is_special);
  row.opt_date("specific_date", s.specific_date);
  row.text("label", s.label);
  row.text("message", s.message);
  row.text("updated_at", s.updated_at);
  if (!row.ok()) return row.error();
  s.extra = row.extra();
  return s;
}

Json encode(const Service& s) {
  Json j = with_extra(s.extra);
  j["id"] = s.id;
  put_ref(j, "restaurant_id", s.restaurant_id);
  j["name"] = s.name;
  j["start_time"] = s.start_time.str();
  j["end_time"] = s.end_time.str();
  j["days_of_week"] = s.days_of_week;
  j["is_special"] = s.is_special;
  j["specific_date"] = s.specific_date ? Json(s.specific_date->str()) : Json(nullptr);
  j["label"] = s.label;
  j["message"] = s.message;
  put_ts(j, "updated_at", s.updated_at);
  return j;
}

}  // namespace foh
