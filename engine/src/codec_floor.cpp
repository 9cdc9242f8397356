// The restaurant and its floor: restaurants, floor_plans, zones, tables,
// services. Each entity's columns are listed once, in x_columns(io, x), which
// the decoder walks with a JsonRow and the encoder with a JsonWriter.
#include "foh/engine/codec.hpp"
#include "json_row.hpp"
#include "json_writer.hpp"
#include "table_columns.hpp"

namespace foh {
namespace {

using detail::JsonRow;
using detail::JsonWriter;
using detail::Need;

// restaurants.settings (jsonb), with its own decoder naming "where.settings".
void read_settings(JsonRow& row, const char* key, const Json& v, Settings& out) {
  auto settings = decode_settings(v, row.where() + "." + key);
  if (!settings) return row.fail(settings.error());
  out = std::move(settings.value());
}

Json write_settings(const Settings& s) { return encode(s); }

// tables.capacity_overrides: {"7+8": seats} for the combinations a table leads.
void read_capacity_overrides(JsonRow& row, const char* key, const Json& co,
                             std::map<std::string, int>& out) {
  if (!co.is_object())
    return row.fail(key, std::string("must be an object, got ") + co.type_name());
  for (auto it = co.begin(); it != co.end(); ++it) {
    if (!it->is_number_integer())
      return row.fail(key, "combination \"" + it.key() +
                               "\" must have an integer seat count, got " + it->dump());
    long long seats = it->get<long long>();
    if (seats < 1 || seats > 99)
      return row.fail(
          key, "combination \"" + it.key() + "\" must seat 1..99, got " + std::to_string(seats));
    out[it.key()] = static_cast<int>(seats);
  }
}

Json write_capacity_overrides(const std::map<std::string, int>& overrides) {
  Json co = Json::object();
  for (const auto& [key, seats] : overrides) co[key] = seats;
  return co;
}

template <class Io, class R>
void restaurant_columns(Io& io, R& r) {
  io.uuid("id", r.id);
  io.text("name", r.name, Need::Required);
  io.text("address", r.address);
  io.text("phone", r.phone);
  io.text("email", r.email);
  io.custom("settings", r.settings, read_settings, write_settings);
  io.boolean("is_pro", r.is_pro);
  io.unchecked_timestamp("created_at", r.created_at);
  io.unchecked_timestamp("updated_at", r.updated_at);
}

template <class Io, class P>
void floor_plan_columns(Io& io, P& p) {
  io.uuid("id", p.id);
  io.uuid("restaurant_id", p.restaurant_id, Need::Optional);
  io.text("name", p.name, Need::Required);
  io.integer("sort_order", p.sort_order, Need::Optional);
  io.unchecked_timestamp("updated_at", p.updated_at);
}

template <class Io, class Z>
void zone_columns(Io& io, Z& z) {
  io.uuid("id", z.id);
  io.uuid("restaurant_id", z.restaurant_id, Need::Optional);
  io.uuid("floor_plan_id", z.floor_plan_id);
  io.text("name", z.name, Need::Required);
  io.text("color", z.color);
  io.number("position_x", z.position_x);
  io.number("position_y", z.position_y);
  io.number("width", z.width);
  io.number("height", z.height);
  io.integer("sort_order", z.sort_order, Need::Optional);
  io.unchecked_timestamp("updated_at", z.updated_at);
}

template <class Io, class T>
void table_row_columns(Io& io, T& t) {
  io.uuid("id", t.id);
  io.uuid("restaurant_id", t.restaurant_id, Need::Optional);
  io.uuid("floor_plan_id", t.floor_plan_id);
  io.opt_uuid("zone_id", t.zone_id);
  detail::table_columns(io, t);
  io.custom("capacity_overrides", t.capacity_overrides, read_capacity_overrides,
            write_capacity_overrides);
  io.integer("fill_group", t.fill_group, Need::Optional);
  io.unchecked_timestamp("updated_at", t.updated_at);
}

template <class Io, class S>
void service_columns(Io& io, S& s) {
  io.uuid("id", s.id);
  io.uuid("restaurant_id", s.restaurant_id, Need::Optional);
  io.text("name", s.name);
  io.time("start_time", s.start_time);
  io.time("end_time", s.end_time);
  io.int_array("days_of_week", s.days_of_week, 1, 7);
  io.boolean("is_special", s.is_special);
  io.opt_date("specific_date", s.specific_date);
  io.text("label", s.label);
  io.text("message", s.message);
  io.unchecked_timestamp("updated_at", s.updated_at);
}

}  // namespace

Result<Restaurant> decode_restaurant(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Restaurant r;
  restaurant_columns(row, r);
  return row.finish(std::move(r));
}

Json encode(const Restaurant& r) {
  JsonWriter w(r.extra);
  restaurant_columns(w, r);
  return w.take();
}

Result<FloorPlan> decode_floor_plan(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  FloorPlan p;
  floor_plan_columns(row, p);
  return row.finish(std::move(p));
}

Json encode(const FloorPlan& p) {
  JsonWriter w(p.extra);
  floor_plan_columns(w, p);
  return w.take();
}

Result<Zone> decode_zone(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Zone z;
  zone_columns(row, z);
  return row.finish(std::move(z));
}

Json encode(const Zone& z) {
  JsonWriter w(z.extra);
  zone_columns(w, z);
  return w.take();
}

Result<Table> decode_table(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Table t;
  table_row_columns(row, t);
  return row.finish(std::move(t));
}

Json encode(const Table& t) {
  JsonWriter w(t.extra);
  table_row_columns(w, t);
  return w.take();
}

Result<Service> decode_service(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Service s;
  service_columns(row, s);
  return row.finish(std::move(s));
}

Json encode(const Service& s) {
  JsonWriter w(s.extra);
  service_columns(w, s);
  return w.take();
}

}  // namespace foh
