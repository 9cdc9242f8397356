// communication_events <-> CommunicationEvent, with the seed's column names
// plus those of tools/backend/SYNC.md "Guest texts" (direction, body, reason...).
#include "foh/engine/codec.hpp"
#include "json_row.hpp"

namespace foh {

using detail::JsonRow;
using detail::Need;
using detail::put_opt;
using detail::put_ts;
using detail::with_extra;

Result<CommunicationEvent> decode_communication_event(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  CommunicationEvent e;
  row.uuid("id", e.id);
  row.uuid("restaurant_id", e.restaurant_id);
  row.opt_uuid("reservation_id", e.reservation_id);
  row.opt_uuid("customer_id", e.customer_id);
  row.opt_uuid("waitlist_entry_id", e.waitlist_entry_id);
  row.text("type", e.type, Need::Required);
  row.text("channel", e.channel);
  row.text("direction", e.direction);
  row.text("recipient", e.recipient);
  row.text("body", e.body);
  row.text("language", e.language);
  row.text("status", e.status, Need::Required);
  row.text("reason", e.reason);
  row.opt_timestamp("sent_at", e.sent_at);
  row.opt_timestamp("delivered_at", e.delivered_at);
  row.opt_timestamp("bounced_at", e.bounced_at);
  row.opt_timestamp("failed_at", e.failed_at);
  row.text("bounce_reason", e.bounce_reason);
  row.timestamp("created_at", e.created_at);
  row.timestamp("updated_at", e.updated_at);
  if (!row.ok()) return row.error();
  e.extra = row.extra();
  return e;
}

Json encode(const CommunicationEvent& e) {
  Json j = with_extra(e.extra);
  j["id"] = e.id;
  j["restaurant_id"] = e.restaurant_id;
  put_opt(j, "reservation_id", e.reservation_id);
  put_opt(j, "customer_id", e.customer_id);
  put_opt(j, "waitlist_entry_id", e.waitlist_entry_id);
  j["type"] = e.type;
  j["channel"] = e.channel;
  j["direction"] = e.direction;
  j["recipient"] = e.recipient;
  j["body"] = e.body;
  j["language"] = e.language;
  j["status"] = e.status;
  j["reason"] = e.reason;
  put_opt(j, "sent_at", e.sent_at);
  put_opt(j, "delivered_at", e.delivered_at);
  put_opt(j, "bounced_at", e.bounced_at);
  put_opt(j, "failed_at", e.failed_at);
  j["bounce_reason"] = e.bounce_reason;
  put_ts(j, "created_at", e.created_at);
  put_ts(j, "updated_at", e.updated_at);
  return j;
}

}  // namespace foh
