// The rows of a service day: reservations, waitlist_entries, reservation_events
// and the three daily tables (overrides, extra tables, floor notes).
#include "foh/engine/codec.hpp"
#include "foh/engine/limits.hpp"
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

Result<Reservation> decode_reservation(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Reservation r;
  row.uuid("id", r.id);
  row.uuid("restaurant_id", r.restaurant_id, Need::Optional);
  row.opt_uuid("customer_id", r.customer_id);
  row.opt_uuid("service_id", r.service_id);
  row.opt_uuid("table_id", r.table_id);
  row.text("table_number", r.table_number, limits::kMaxTableNumberChars);
  row.text("guest_name", r.guest_name, limits::kMaxNameChars);
  row.text("guest_phone", r.guest_phone, limits::kMaxPhoneChars);
  row.text("guest_email", r.guest_email, limits::kMaxEmailChars);
  row.integer("party_size", r.party_size, Need::Required, 1, 99);
  row.date("date", r.date);
  row.time("time", r.time);
  row.opt_integer("duration", r.duration, 1, 1440);
  row.enumeration("status", r.status, parse_reservation_status, "status");
  row.text_array("tags", r.tags);
  row.text("notes", r.notes, limits::kMaxNotesChars);
  row.text("source", r.source, limits::kMaxNameChars);
  row.opt_uuid("created_by", r.created_by);
  row.opt_timestamp("seated_at", r.seated_at);
  row.opt_integer("arrived_count", r.arrived_count, 0, 99);
  row.timestamp("created_at", r.created_at);
  row.text("updated_at", r.updated_at);
  if (!row.ok()) return row.error();
  r.extra = row.extra();
  return r;
}

Json encode(const Reservation& r) {
  Json j = with_extra(r.extra);
  j["id"] = r.id;
  put_ref(j, "restaurant_id", r.restaurant_id);
  put_opt(j, "customer_id", r.customer_id);
  put_opt(j, "service_id", r.service_id);
  put_opt(j, "table_id", r.table_id);
  j["table_number"] = r.table_number;
  j["guest_name"] = r.guest_name;
  j["guest_phone"] = r.guest_phone;
  j["guest_email"] = r.guest_email;
  j["party_size"] = r.party_size;
  j["date"] = r.date.str();
  j["time"] = r.time.str();
  put_opt(j, "duration", r.duration);
  j["status"] = to_string(r.status);
  j["tags"] = r.tags;
  j["notes"] = r.notes;
  j["source"] = r.source;
  put_opt(j, "created_by", r.created_by);
  put_opt(j, "seated_at", r.seated_at);
  put_opt(j, "arrived_count", r.arrived_count);
  put_ts(j, "created_at", r.created_at);
  put_ts(j, "updated_at", r.updated_at);
  return j;
}

Result<WaitlistEntry> decode_waitlist_entry(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  WaitlistEntry w;
  row.uuid("id", w.id);
  row.uuid("restaurant_id", w.restaurant_id, Need::Optional);
  row.date("date", w.date);
  row.opt_time("time", w.time);
  row.integer("party_size", w.party_size, Need::Required, 1, 99);
  row.opt_uuid("service_id", w.service_id);
  row.opt_uuid("preferred_floor_plan_id", w.preferred_floor_plan_id);
  row.text("guest_name", w.guest_name, limits::kMaxNameChars);
  row.text("guest_email", w.guest_email, limits::kMaxEmailChars);
  row.text("guest_phone", w.guest_phone, limits::kMaxPhoneChars);
  row.text("notes", w.notes, limits::kMaxNotesChars);
  row.enumeration("status", w.status, parse_waitlist_status, "status");
  row.opt_timestamp("notified_at", w.notified_at);
  row.opt_timestamp("called_at", w.called_at);
  row.text("notification_token", w.notification_token);
  row.opt_integer("position_in_queue", w.position_in_queue, 0);
  row.timestamp("created_at", w.created_at);
  row.text("updated_at", w.updated_at);
  if (!row.ok()) return row.error();
  w.extra = row.extra();
  return w;
}

Json encode(const WaitlistEntry& w) {
  Json j = with_extra(w.extra);
  j["id"] = w.id;
  put_ref(j, "restaurant_id", w.restaurant_id);
  j["date"] = w.date.str();
  j["time"] = w.time ? Json(w.time->str()) : Json(nullptr);
  j["party_size"] = w.party_size;
  put_opt(j, "service_id", w.service_id);
  put_opt(j, "preferred_floor_plan_id", w.preferred_floor_plan_id);
  j["guest_name"] = w.guest_name;
  j["guest_email"] = w.guest_email;
  j["guest_phone"] = w.guest_phone;
  j["notes"] = w.notes;
  j["status"] = to_string(w.status);
  put_opt(j, "notified_at", w.notified_at);
  put_opt(j, "called_at", w.called_at);
  j["notification_token"] = w.notification_token;
  put_opt(j, "position_in_queue", w.position_in_queue);
  put_ts(j, "created_at", w.created_at);
  put_ts(j, "updated_at", w.updated_at);
  return j;
}

Result<ReservationEvent> decode_reservation_event(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  ReservationEvent e;
  row.uuid("id", e.id);
  row.uuid("reservation_id", e.reservation_id);
  row.opt_uuid("customer_id", e.customer_id);
  row.opt_uuid("changed_by", e.changed_by);
  row.text("from_status", e.from_status);
  row.text("to_status", e.to_status, Need::Required);
  if (row.ok() && !e.from_status.empty() && !parse_reservation_status(e.from_status))
    row.fail("from_status", "unknown status \"" + e.from_status + "\"");
  if (row.ok() && !parse_reservation_status(e.to_status))
    row.fail("to_status", "unknown status \"" + e.to_status + "\"");
  row.object("metadata", e.metadata);
  row.text("created_at", e.created_at);
  if (!row.ok()) return row.error();
  e.extra = row.extra();
  return e;
}

Json encode(const ReservationEvent& e) {
  Json j = with_extra(e.extra);
  j["id"] = e.id;
  j["reservation_id"] = e.reservation_id;
  put_opt(j, "customer_id", e.customer_id);
  put_opt(j, "changed_by", e.changed_by);
  j["from_status"] = e.from_status.empty() ? Json(nullptr) : Json(e.from_status);
  j["to_status"] = e.to_status;
  j["metadata"] = e.metadata;
  put_ts(j, "created_at", e.created_at);
  return j;
}

Result<DailyTableOverride> decode_daily_table_override(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  DailyTableOverride o;
  row.uuid("id", o.id);
  row.uuid("restaurant_id", o.restaurant_id, Need::Optional);
  row.uuid("table_id", o.table_id);
  row.date("date", o.date);
  row.opt_number("position_x", o.position_x);
  row.opt_number("position_y", o.position_y);
  row.boolean("is_hidden", o.is_hidden);
  row.boolean("is_blocked", o.is_blocked);
  row.opt_uuid("joined_with", o.joined_with);
  row.text("updated_at", o.updated_at);
  if (!row.ok()) return row.error();
  o.extra = row.extra();
  return o;
}

Json encode(const DailyTableOverride& o) {
  Json j = with_extra(o.extra);
  j["id"] = o.id;
  put_ref(j, "restaurant_id", o.restaurant_id);
  j["table_id"] = o.table_id;
  j["date"] = o.date.str();
  put_opt(j, "position_x", o.position_x);
  put_opt(j, "position_y", o.position_y);
  j["is_hidden"] = o.is_hidden;
  j["is_blocked"] = o.is_blocked;
  put_opt(j, "joined_with", o.joined_with);
  put_ts(j, "updated_at", o.updated_at);
  return j;
}

Result<DailyExtraTable> decode_daily_extra_table(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  DailyExtraTable t;
  row.uuid("id", t.id);
  row.uuid("restaurant_id", t.restaurant_id, Need::Optional);
  row.uuid("floor_plan_id", t.floor_plan_id);
  row.opt_uuid("zone_id", t.zone_id);
  row.date("date", t.date);
  read_table_columns(row, t);
  row.text("updated_at", t.updated_at);
  if (!row.ok()) return row.error();
  t.extra = row.extra();
  return t;
}

Json encode(const DailyExtraTable& t) {
  Json j = with_extra(t.extra);
  j["id"] = t.id;
  put_ref(j, "restaurant_id", t.restaurant_id);
  j["date"] = t.date.str();
  write_table_columns(j, t);
  put_ts(j, "updated_at", t.updated_at);
  return j;
}

Result<DailyFloorNote> decode_daily_floor_note(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  DailyFloorNote n;
  row.uuid("id", n.id);
  row.uuid("restaurant_id", n.restaurant_id, Need::Optional);
  row.opt_uuid("floor_plan_id", n.floor_plan_id);
  row.date("date", n.date);
  row.text("note", n.note);
  row.text("updated_at", n.updated_at);
  if (!row.ok()) return row.error();
  n.extra = row.extra();
  return n;
}

Json encode(const DailyFloorNote& n) {
  Json j = with_extra(n.extra);
  j["id"] = n.id;
  put_ref(j, "restaurant_id", n.restaurant_id);
  put_opt(j, "floor_plan_id", n.floor_plan_id);
  j["date"] = n.date.str();
  j["note"] = n.note;
  put_ts(j, "updated_at", n.updated_at);
  return j;
}

}  // namespace foh
