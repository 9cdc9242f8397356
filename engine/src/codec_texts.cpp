// communication_events <-> CommunicationEvent, with the seed's column names
// plus those of tools/backend/SYNC.md "Guest texts" (direction, body, reason...),
// listed once in communication_event_columns() for the decoder and the encoder.
#include "foh/engine/codec.hpp"
#include "json_row.hpp"
#include "json_writer.hpp"

namespace foh {
namespace {

using detail::JsonRow;
using detail::JsonWriter;
using detail::Need;

template <class Io, class E>
void communication_event_columns(Io& io, E& e) {
  io.uuid("id", e.id);
  io.uuid("restaurant_id", e.restaurant_id);
  io.opt_uuid("reservation_id", e.reservation_id);
  io.opt_uuid("customer_id", e.customer_id);
  io.opt_uuid("waitlist_entry_id", e.waitlist_entry_id);
  io.text("type", e.type, Need::Required);
  io.text("channel", e.channel);
  io.text("direction", e.direction);
  io.text("recipient", e.recipient);
  io.text("body", e.body);
  io.text("language", e.language);
  io.text("status", e.status, Need::Required);
  io.text("reason", e.reason);
  io.opt_timestamp("sent_at", e.sent_at);
  io.opt_timestamp("delivered_at", e.delivered_at);
  io.opt_timestamp("bounced_at", e.bounced_at);
  io.opt_timestamp("failed_at", e.failed_at);
  io.text("bounce_reason", e.bounce_reason);
  io.timestamp("created_at", e.created_at);
  io.timestamp("updated_at", e.updated_at);
}

}  // namespace

Result<CommunicationEvent> decode_communication_event(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  CommunicationEvent e;
  communication_event_columns(row, e);
  return row.finish(std::move(e));
}

Json encode(const CommunicationEvent& e) {
  JsonWriter w(e.extra);
  communication_event_columns(w, e);
  return w.take();
}

}  // namespace foh
