// The rows of a service day: reservations, waitlist_entries, reservation_events
// and the three daily tables (overrides, extra tables, floor notes). Each
// entity's columns are listed once, in x_columns(io, x), which the decoder
// walks with a JsonRow and the encoder with a JsonWriter.
#include "foh/engine/codec.hpp"
#include "foh/engine/limits.hpp"
#include "json_row.hpp"
#include "json_writer.hpp"
#include "table_columns.hpp"

namespace foh {
namespace {

using detail::JsonRow;
using detail::JsonWriter;
using detail::Need;

// Every column of reservations, in the order errors are reported.
template <class Io, class R>
void reservation_columns(Io& io, R& r) {
  io.uuid("id", r.id);
  io.uuid("restaurant_id", r.restaurant_id, Need::Optional);
  io.opt_uuid("customer_id", r.customer_id);
  io.opt_uuid("service_id", r.service_id);
  io.opt_uuid("table_id", r.table_id);
  io.text("table_number", r.table_number, limits::kMaxTableNumberChars);
  io.text("guest_name", r.guest_name, limits::kMaxNameChars);
  io.text("guest_phone", r.guest_phone, limits::kMaxPhoneChars);
  io.text("guest_email", r.guest_email, limits::kMaxEmailChars);
  io.integer("party_size", r.party_size, Need::Required, 1, 99);
  io.date("date", r.date);
  io.time("time", r.time);
  io.opt_integer("duration", r.duration, 1, 1440);
  io.enumeration("status", r.status, parse_reservation_status, "status");
  io.text_array("tags", r.tags);
  io.text("notes", r.notes, limits::kMaxNotesChars);
  io.text("source", r.source, limits::kMaxNameChars);
  io.opt_uuid("created_by", r.created_by);
  io.opt_timestamp("seated_at", r.seated_at);
  io.opt_integer("arrived_count", r.arrived_count, 0, 99);
  io.timestamp("created_at", r.created_at);
  io.unchecked_timestamp("updated_at", r.updated_at);
}

template <class Io, class W>
void waitlist_entry_columns(Io& io, W& w) {
  io.uuid("id", w.id);
  io.uuid("restaurant_id", w.restaurant_id, Need::Optional);
  io.date("date", w.date);
  io.opt_time("time", w.time);
  io.integer("party_size", w.party_size, Need::Required, 1, 99);
  io.opt_uuid("service_id", w.service_id);
  io.opt_uuid("preferred_floor_plan_id", w.preferred_floor_plan_id);
  io.text("guest_name", w.guest_name, limits::kMaxNameChars);
  io.text("guest_email", w.guest_email, limits::kMaxEmailChars);
  io.text("guest_phone", w.guest_phone, limits::kMaxPhoneChars);
  io.text("notes", w.notes, limits::kMaxNotesChars);
  io.enumeration("status", w.status, parse_waitlist_status, "status");
  io.opt_timestamp("notified_at", w.notified_at);
  io.opt_timestamp("called_at", w.called_at);
  io.text("notification_token", w.notification_token);
  io.opt_integer("position_in_queue", w.position_in_queue, 0);
  io.timestamp("created_at", w.created_at);
  io.unchecked_timestamp("updated_at", w.updated_at);
}

// "" when `status` is a reservation status (or empty and `may_be_empty`).
std::string unknown_status(const std::string& status, bool may_be_empty) {
  if ((may_be_empty && status.empty()) || parse_reservation_status(status)) return {};
  return "unknown status \"" + status + "\"";
}

template <class Io, class E>
void reservation_event_columns(Io& io, E& e) {
  io.uuid("id", e.id);
  io.uuid("reservation_id", e.reservation_id);
  io.opt_uuid("customer_id", e.customer_id);
  io.opt_uuid("changed_by", e.changed_by);
  io.nullable_text("from_status", e.from_status);  // null for the creation event
  io.text("to_status", e.to_status, Need::Required);
  io.check("from_status", [&] { return unknown_status(e.from_status, true); });
  io.check("to_status", [&] { return unknown_status(e.to_status, false); });
  io.object("metadata", e.metadata);
  io.unchecked_timestamp("created_at", e.created_at);
}

template <class Io, class O>
void daily_table_override_columns(Io& io, O& o) {
  io.uuid("id", o.id);
  io.uuid("restaurant_id", o.restaurant_id, Need::Optional);
  io.uuid("table_id", o.table_id);
  io.date("date", o.date);
  io.opt_number("position_x", o.position_x);
  io.opt_number("position_y", o.position_y);
  io.boolean("is_hidden", o.is_hidden);
  io.boolean("is_blocked", o.is_blocked);
  io.opt_uuid("joined_with", o.joined_with);
  io.unchecked_timestamp("updated_at", o.updated_at);
}

template <class Io, class T>
void daily_extra_table_columns(Io& io, T& t) {
  io.uuid("id", t.id);
  io.uuid("restaurant_id", t.restaurant_id, Need::Optional);
  io.uuid("floor_plan_id", t.floor_plan_id);
  io.opt_uuid("zone_id", t.zone_id);
  io.date("date", t.date);
  detail::table_columns(io, t);
  io.unchecked_timestamp("updated_at", t.updated_at);
}

template <class Io, class N>
void daily_floor_note_columns(Io& io, N& n) {
  io.uuid("id", n.id);
  io.uuid("restaurant_id", n.restaurant_id, Need::Optional);
  io.opt_uuid("floor_plan_id", n.floor_plan_id);
  io.date("date", n.date);
  io.text("note", n.note);
  io.unchecked_timestamp("updated_at", n.updated_at);
}

}  // namespace

Result<Reservation> decode_reservation(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Reservation r;
  reservation_columns(row, r);
  return row.finish(std::move(r));
}

Json encode(const Reservation& r) {
  JsonWriter w(r.extra);
  reservation_columns(w, r);
  return w.take();
}

Result<WaitlistEntry> decode_waitlist_entry(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  WaitlistEntry w;
  waitlist_entry_columns(row, w);
  return row.finish(std::move(w));
}

Json encode(const WaitlistEntry& e) {
  JsonWriter w(e.extra);
  waitlist_entry_columns(w, e);
  return w.take();
}

Result<ReservationEvent> decode_reservation_event(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  ReservationEvent e;
  reservation_event_columns(row, e);
  return row.finish(std::move(e));
}

Json encode(const ReservationEvent& e) {
  JsonWriter w(e.extra);
  reservation_event_columns(w, e);
  return w.take();
}

Result<DailyTableOverride> decode_daily_table_override(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  DailyTableOverride o;
  daily_table_override_columns(row, o);
  return row.finish(std::move(o));
}

Json encode(const DailyTableOverride& o) {
  JsonWriter w(o.extra);
  daily_table_override_columns(w, o);
  return w.take();
}

Result<DailyExtraTable> decode_daily_extra_table(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  DailyExtraTable t;
  daily_extra_table_columns(row, t);
  return row.finish(std::move(t));
}

Json encode(const DailyExtraTable& t) {
  JsonWriter w(t.extra);
  daily_extra_table_columns(w, t);
  return w.take();
}

Result<DailyFloorNote> decode_daily_floor_note(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  DailyFloorNote n;
  daily_floor_note_columns(row, n);
  return row.finish(std::move(n));
}

Json encode(const DailyFloorNote& n) {
  JsonWriter w(n.extra);
  daily_floor_note_columns(w, n);
  return w.take();
}

}  // namespace foh
