// restaurants.settings (jsonb) <-> Settings, including the load-unit model's
// capacity_types, defaults_calendar and calendar_overrides. The columns are
// listed once, in x_columns(io, x), walked by the decoder (JsonRow) and the
// encoder (JsonWriter).
#include "foh/engine/codec.hpp"
#include "json_row.hpp"
#include "json_writer.hpp"

namespace foh {
namespace {

using detail::JsonRow;
using detail::JsonWriter;
using detail::Need;

// turn_times: {"party size": minutes}, party sizes 1..99.
void read_turn_times(JsonRow& row, const char* key, const Json& tt, std::map<int, int>& out) {
  if (!tt.is_object())
    return row.fail(key, std::string("must be an object, got ") + tt.type_name());
  for (auto it = tt.begin(); it != tt.end(); ++it) {
    int party = 0;
    const std::string& k = it.key();
    bool digits = !k.empty() && k.size() <= 2 && k.find_first_not_of("0123456789") == k.npos;
    if (digits) party = std::stoi(k);
    if (!digits || party < 1 || party > 99)
      return row.fail(key, "key \"" + k + "\" must be a party size 1..99");
    if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 1440)
      return row.fail(std::string(key) + "." + k, "must be minutes 1..1440, got " + it->dump());
    out[party] = it->get<int>();
  }
}

Json write_turn_times(const std::map<int, int>& turn_times) {
  Json tt = Json::object();
  for (auto [party, minutes] : turn_times) tt[std::to_string(party)] = minutes;
  return tt;
}

template <class Io, class C>
void capacity_type_columns(Io& io, C& c) {
  io.text("name", c.name, Need::Required);
  io.integer("load_cost", c.load_cost, Need::Required, 0);
  io.integer("min_party", c.min_party, Need::Optional, 1, 99);
  io.integer("max_party", c.max_party, Need::Optional, 1, 99);
  io.check("min_party", [&] {
    return c.min_party <= c.max_party ? std::string()
                                      : "min_party (" + std::to_string(c.min_party) +
                                            ") > max_party (" + std::to_string(c.max_party) + ")";
  });
}

template <class Io, class D>
void defaults_calendar_day_columns(Io& io, D& d) {
  io.integer("day_of_week", d.day_of_week, Need::Required, 0, 6);
  io.integer("max_daily_load", d.max_daily_load, Need::Optional, 0);
  io.boolean("is_open", d.is_open);
}

template <class Io, class O>
void calendar_override_columns(Io& io, O& o) {
  io.date("date", o.date);
  io.opt_integer("override_max_load", o.override_max_load, 0);
  io.boolean("is_blocked", o.is_blocked);
  io.text("reason", o.reason);
}

template <class Io, class S>
void settings_columns(Io& io, S& s) {
  io.integer("default_duration", s.default_duration, Need::Optional, 1, 1440);
  io.custom("turn_times", s.turn_times, read_turn_times, write_turn_times);
  io.integer("slot_minutes", s.slot_minutes, Need::Optional, 1, 1440);
  io.integer("max_covers_per_slot", s.max_covers_per_slot, Need::Optional, 0);
  io.integer("max_covers_per_service", s.max_covers_per_service, Need::Optional, 0);
  io.rows("capacity_types", s.capacity_types,
          [](auto& item, auto& c) { capacity_type_columns(item, c); });
  io.rows("defaults_calendar", s.defaults_calendar,
          [](auto& item, auto& d) { defaults_calendar_day_columns(item, d); });
  io.rows("calendar_overrides", s.calendar_overrides,
          [](auto& item, auto& o) { calendar_override_columns(item, o); });
  io.text("locale", s.locale);
  io.text("timezone", s.timezone);
  io.integer("late_after_minutes", s.late_after_minutes, Need::Optional, 0, 1440);
  io.integer("idle_logout_seconds", s.idle_logout_seconds, Need::Optional, 0);
}

}  // namespace

Result<Settings> decode_settings(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Settings s;
  settings_columns(row, s);
  return row.finish(std::move(s));
}

Json encode(const Settings& s) {
  JsonWriter w(s.extra);
  settings_columns(w, s);
  return w.take();
}

}  // namespace foh
