// People: team_members and customers. Each entity's columns are listed once,
// in x_columns(io, x), which the decoder walks with a JsonRow and the encoder
// with a JsonWriter.
#include "foh/engine/codec.hpp"
#include "foh/engine/limits.hpp"
#include "json_row.hpp"
#include "json_writer.hpp"

namespace foh {
namespace {

using detail::JsonRow;
using detail::JsonWriter;
using detail::Need;

template <class Io, class M>
void team_member_columns(Io& io, M& m) {
  io.uuid("id", m.id);
  io.uuid("restaurant_id", m.restaurant_id, Need::Optional);
  io.opt_uuid("user_id", m.user_id);
  io.enumeration("role", m.role, parse_role, "role");
  io.text("display_name", m.display_name, limits::kMaxNameChars, Need::Required);
  io.text("email", m.email, limits::kMaxEmailChars);
  io.text("pin", m.pin);
  io.text("pin_salt", m.pin_salt);
  io.text_array("allowed_tabs", m.allowed_tabs);
  io.boolean("is_active", m.is_active);
  io.unchecked_timestamp("created_at", m.created_at);
  io.unchecked_timestamp("updated_at", m.updated_at);
}

template <class Io, class C>
void customer_columns(Io& io, C& c) {
  io.uuid("id", c.id);
  io.opt_uuid("restaurant_id", c.restaurant_id);
  io.text("name", c.name, limits::kMaxNameChars);
  io.text("phone", c.phone, limits::kMaxPhoneChars);
  io.text("email", c.email, limits::kMaxEmailChars);
  io.text("notes", c.notes, limits::kMaxNotesChars);
  io.text_array("tags", c.tags, limits::kMaxTags, limits::kMaxTagChars);
  io.text("classification", c.classification);
  io.integer("visit_count", c.visit_count, Need::Optional, 0);
  io.integer("no_show_count", c.no_show_count, Need::Optional, 0);
  io.integer("cancellation_count", c.cancellation_count, Need::Optional, 0);
  io.opt_timestamp("last_visit", c.last_visit);
  io.unchecked_timestamp("created_at", c.created_at);
  io.unchecked_timestamp("updated_at", c.updated_at);
}

}  // namespace

Result<TeamMember> decode_team_member(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  TeamMember m;
  team_member_columns(row, m);
  return row.finish(std::move(m));
}

Json encode(const TeamMember& m) {
  JsonWriter w(m.extra);
  team_member_columns(w, m);
  return w.take();
}

Result<Customer> decode_customer(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Customer c;
  customer_columns(row, c);
  return row.finish(std::move(c));
}

Json encode(const Customer& c) {
  JsonWriter w(c.extra);
  customer_columns(w, c);
  return w.take();
}

}  // namespace foh
