// People: team_members and customers.
#include "foh/engine/codec.hpp"
#include "foh/engine/limits.hpp"
#include "json_row.hpp"

namespace foh {

using detail::JsonRow;
using detail::Need;
using detail::put_opt;
using detail::put_ref;
using detail::put_ts;
using detail::with_extra;

Result<TeamMember> decode_team_member(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  TeamMember m;
  row.uuid("id", m.id);
  row.uuid("restaurant_id", m.restaurant_id, Need::Optional);
  row.opt_uuid("user_id", m.user_id);
  row.enumeration("role", m.role, parse_role, "role");
  row.text("display_name", m.display_name, limits::kMaxNameChars, Need::Required);
  row.text("email", m.email, limits::kMaxEmailChars);
  row.text("pin", m.pin);
  row.text("pin_salt", m.pin_salt);
  row.text_array("allowed_tabs", m.allowed_tabs);
  row.boolean("is_active", m.is_active);
  row.text("created_at", m.created_at);
  row.text("updated_at", m.updated_at);
  if (!row.ok()) return row.error();
  m.extra = row.extra();
  return m;
}

Json encode(const TeamMember& m) {
  Json j = with_extra(m.extra);
  j["id"] = m.id;
  put_ref(j, "restaurant_id", m.restaurant_id);
  put_opt(j, "user_id", m.user_id);
  j["role"] = to_string(m.role);
  j["display_name"] = m.display_name;
  j["email"] = m.email;
  j["pin"] = m.pin;
  j["pin_salt"] = m.pin_salt;
  j["allowed_tabs"] = m.allowed_tabs;
  j["is_active"] = m.is_active;
  put_ts(j, "created_at", m.created_at);
  put_ts(j, "updated_at", m.updated_at);
  return j;
}

Result<Customer> decode_customer(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  Customer c;
  row.uuid("id", c.id);
  row.opt_uuid("restaurant_id", c.restaurant_id);
  row.text("name", c.name, limits::kMaxNameChars);
  row.text("phone", c.phone, limits::kMaxPhoneChars);
  row.text("email", c.email, limits::kMaxEmailChars);
  row.text("notes", c.notes, limits::kMaxNotesChars);
  row.text_array("tags", c.tags, limits::kMaxTags, limits::kMaxTagChars);
  row.text("classification", c.classification);
  row.integer("visit_count", c.visit_count, Need::Optional, 0);
  row.integer("no_show_count", c.no_show_count, Need::Optional, 0);
  row.integer("cancellation_count", c.cancellation_count, Need::Optional, 0);
  row.opt_timestamp("last_visit", c.last_visit);
  row.text("created_at", c.created_at);
  row.text("updated_at", c.updated_at);
  if (!row.ok()) return row.error();
  c.extra = row.extra();
  return c;
}

Json encode(const Customer& c) {
  Json j = with_extra(c.extra);
  j["id"] = c.id;
  put_opt(j, "restaurant_id", c.restaurant_id);
  j["name"] = c.name;
  j["phone"] = c.phone;
  j["email"] = c.email;
  j["notes"] = c.notes;
  j["tags"] = c.tags;
  j["classification"] = c.classification;
  j["visit_count"] = c.visit_count;
  j["no_show_count"] = c.no_show_count;
  j["cancellation_count"] = c.cancellation_count;
  put_opt(j, "last_visit", c.last_visit);
  put_ts(j, "created_at", c.created_at);
  put_ts(j, "updated_at", c.updated_at);
  return j;
}

}  // namespace foh
