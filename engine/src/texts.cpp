#include "foh/engine/texts.hpp"

#include <cctype>

namespace foh {
namespace {

bool about(const CommunicationEvent& e, const Uuid& subject) {
  return (e.waitlist_entry_id && *e.waitlist_entry_id == subject) ||
         (e.reservation_id && *e.reservation_id == subject);
}

std::string text_of(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Later = created later (ISO-8601 text of one zone sorts as time; the backend
// writes UTC); ties by id so every terminal picks the same one.
bool later(const CommunicationEvent& a, const CommunicationEvent* b) {
  if (!b) return true;
  return a.created_at != b->created_at ? a.created_at > b->created_at : a.id > b->id;
}

bool has_phone(const std::string& phone) {
  for (char c : phone)
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  return false;
}

bool consent_in(const Json& extra, const char* key) {
  auto it = extra.find(key);
  return it != extra.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

Delivery delivery_of(std::string_view s) {
  if (s == "queued" || s == "sending") return Delivery::Pending;
  if (s == "sent") return Delivery::Sent;
  if (s == "delivered") return Delivery::Delivered;
  if (s == "bounced" || s == "failed" || s == "undelivered" || s == "dropped" || s == "complained")
    return Delivery::Failed;
  if (s == "refused") return Delivery::Refused;
  return Delivery::None;
}

GuestTexts guest_texts(const Uuid& subject, const std::vector<CommunicationEvent>& events,
                       const Json& row_extra) {
  const CommunicationEvent *out = nullptr, *in = nullptr;
  for (const CommunicationEvent& e : events) {
    if (!about(e, subject)) continue;
    bool inbound = e.direction == "inbound" || e.type == "reply";
    const CommunicationEvent*& slot = inbound ? in : out;
    if (later(e, slot)) slot = &e;
  }
  GuestTexts g;
  if (out) {
    g.type = out->type;
    g.delivery = delivery_of(out->status);
    g.reason = !out->reason.empty() ? out->reason : out->bounce_reason;
    g.at = !out->updated_at.empty() ? out->updated_at : out->created_at;
  } else if (row_extra.is_object()) {
    g.type = text_of(row_extra, "last_text_type");
    g.delivery = delivery_of(text_of(row_extra, "last_text_status"));
    g.reason = text_of(row_extra, "last_text_reason");
    g.at = text_of(row_extra, "last_text_at");
  }
  if (in) {
    g.reply = in->body;
    g.reply_at = in->created_at;
  } else if (row_extra.is_object()) {
    g.reply = text_of(row_extra, "guest_reply");
    g.reply_at = text_of(row_extra, "guest_reply_at");
  }
  return g;
}

NoText why_no_text(const WaitlistEntry& e) {
  if (!has_phone(e.guest_phone)) return NoText::NoPhone;
  return consent_in(e.extra, "consent") ? NoText::None : NoText::NoConsent;
}

NoText why_no_text(const Reservation& r) {
  if (!has_phone(r.guest_phone)) return NoText::NoPhone;
  return consent_in(r.extra, "sms_consent") ? NoText::None : NoText::NoConsent;
}

Result<SmsQuota> decode_sms_quota(const Json& j) {
  const Json& q = j.is_array() && !j.empty() ? j.front() : j;
  if (!q.is_object()) return Error{"get_sms_quota", "the answer is not an object"};
  SmsQuota out;
  auto number = [&q](const char* key, int& v) -> Status {
    auto it = q.find(key);
    if (it == q.end() || !it->is_number_integer())
      return Error{std::string("get_sms_quota.") + key, "missing or not an integer"};
    v = it->get<int>();
    return ok();
  };
  out.month = text_of(q, "month");
  for (auto [key, field] : {std::pair<const char*, int*>{"included", &out.included},
                            {"sms_credits", &out.credits},
                            {"sms_sent", &out.sent},
                            {"remaining", &out.remaining}})
    if (auto st = number(key, *field); !st) return st.error();
  return out;
}

}  // namespace foh
