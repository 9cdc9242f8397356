// restaurants.settings (jsonb) <-> Settings, including the load-unit model's
// capacity_types, defaults_calendar and calendar_overrides.
#include "foh/engine/codec.hpp"
#include "json_row.hpp"

namespace foh {
namespace {

using detail::JsonRow;
using detail::Need;

template <class Item, class Decode>
void read_list(JsonRow& row, const char* key, std::vector<Item>& out, Decode decode) {
  out.clear();
  const Json* list = row.take(key, Need::Optional);
  if (!list) return;
  if (!list->is_array())
    return row.fail(key, std::string("must be an array, got ") + list->type_name());
  for (size_t i = 0; i < list->size() && row.ok(); ++i) {
    JsonRow item((*list)[i], row.where() + "." + key + "[" + std::to_string(i) + "]");
    Item v;
    decode(item, v);
    if (!item.ok()) return row.fail(item.error());
    v.extra = item.extra();
    out.push_back(std::move(v));
  }
}

void read_turn_times(JsonRow& row, std::map<int, int>& out) {
  out.clear();
  const Json* tt = row.take("turn_times", Need::Optional);
  if (!tt) return;
  if (!tt->is_object())
    return row.fail("turn_times", std::string("must be an object, got ") + tt->type_name());
  for (auto it = tt->begin(); it != tt->end(); ++it) {
    int party = 0;
    const std::string& k = it.key();
    bool digits = !k.empty() && k.size() <= 2 && k.find_first_not_of("0123456789") == k.npos;
    if (digits) party = std::stoi(k);
    if (!digits || party < 1 || party > 99)
      return row.fail("turn_times", "key \"" + k + "\" must be a party size 1..99");
    if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 1440)
      return row.fail("turn_times." + k, "must be minutes 1..1440, got " + it->dump());
    out[party] = it->get<int>();
  }
}

}  // namespace

Result<Settings> decode_settings(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Settings s;
  row.integer("default_duration", s.default_duration, Need::Optional, 1, 1440);
  read_turn_times(row, s.turn_times);
  row.integer("slot_minutes", s.slot_minutes, Need::Optional, 1, 1440);
  row.integer("max_covers_per_slot", s.max_covers_per_slot, Need::Optional, 0);
  row.integer("max_covers_per_service", s.max_covers_per_service, Need::Optional, 0);
  read_list(row, "capacity_types", s.capacity_types, [&](JsonRow& item, CapacityType& c) {
    item.text("name", c.name, Need::Required);
    item.integer("load_cost", c.load_cost, Need::Required, 0);
    item.integer("min_party", c.min_party, Need::Optional, 1, 99);
    item.integer("max_party", c.max_party, Need::Optional, 1, 99);
    if (item.ok() && c.min_party > c.max_party)
      item.fail("min_party", "min_party (" + std::to_string(c.min_party) + ") > max_party (" +
                                 std::to_string(c.max_party) + ")");
  });
  read_list(row, "defaults_calendar", s.defaults_calendar,
            [&](JsonRow& item, DefaultsCalendarDay& d) {
              item.integer("day_of_week", d.day_of_week, Need::Required, 0, 6);
              item.integer("max_daily_load", d.max_daily_load, Need::Optional, 0);
              item.boolean("is_open", d.is_open);
            });
  read_list(row, "calendar_overrides", s.calendar_overrides,
            [&](JsonRow& item, CalendarOverride& o) {
              item.date("date", o.date);
              item.opt_integer("override_max_load", o.override_max_load, 0);
              item.boolean("is_blocked", o.is_blocked);
              item.text("reason", o.reason);
            });
  row.text("locale", s.locale);
  row.text("timezone", s.timezone);
  row.integer("late_after_minutes", s.late_after_minutes, Need::Optional, 0, 1440);
  row.integer("idle_logout_seconds", s.idle_logout_seconds, Need::Optional, 0);
  if (!row.ok()) return row.error();
  s.extra = row.extra();
  return s;
}

Json encode(const Settings& s) {
  Json j = detail::with_extra(s.extra);
  j["default_duration"] = s.default_duration;
  Json tt = Json::object();
  for (auto [party, minutes] : s.turn_times) tt[std::to_string(party)] = minutes;
  j["turn_times"] = tt;
  j["slot_minutes"] = s.slot_minutes;
  j["max_covers_per_slot"] = s.max_covers_per_slot;
  j["max_covers_per_service"] = s.max_covers_per_service;
  Json types = Json::array(), days = Json::array(), overrides = Json::array();
  for (const auto& c : s.capacity_types) {
    Json t = detail::with_extra(c.extra);
    t.update({{"name", c.name},
              {"load_cost", c.load_cost},
              {"min_party", c.min_party},
              {"max_party", c.max_party}});
    types.push_back(t);
  }
  for (const auto& d : s.defaults_calendar) {
    Json t = detail::with_extra(d.extra);
    t.update({{"day_of_week", d.day_of_week},
              {"max_daily_load", d.max_daily_load},
              {"is_open", d.is_open}});
    days.push_back(t);
  }
  for (const auto& o : s.calendar_overrides) {
    Json t = detail::with_extra(o.extra);
    t["date"] = o.date.str();
    detail::put_opt(t, "override_max_load", o.override_max_load);
    t["is_blocked"] = o.is_blocked;
    t["reason"] = o.reason;
    overrides.push_back(t);
  }
  j["capacity_types"] = types;
  j["defaults_calendar"] = days;
  j["calendar_overrides"] = overrides;
  j["locale"] = s.locale;
  j["timezone"] = s.timezone;
  j["late_after_minutes"] = s.late_after_minutes;
  j["idle_logout_seconds"] = s.idle_logout_seconds;
  return j;
}

}  // namespace foh
