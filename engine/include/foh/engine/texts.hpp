#pragma once
// Guest texts as a host reads them (issue 14): per waitlist entry or booking,
// the latest text sent and how far it got, and the guest's latest reply; and
// why the backend will not text a guest at all. The backend decides and
// records every text (tools/backend/SYNC.md "Guest texts"); these are reads.
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

// A text's delivery state as a host needs it: queued and sending are Pending;
// the provider's bounced, failed, undelivered, dropped and complained are
// Failed; Refused was never
// sent (no consent, no phone, quota).
enum class Delivery { None, Pending, Sent, Delivered, Failed, Refused };
Delivery delivery_of(std::string_view status);

struct GuestTexts {
  std::string type;  // of the latest outbound text ("table_ready"...), "" when none
  Delivery delivery = Delivery::None;
  std::string reason;  // Refused / Failed: no_consent, no_phone, quota, the provider's words
  std::string at;      // timestamptz of that text's latest change
  std::string reply;   // the guest's latest reply, "" when none
  std::string reply_at;
  bool empty() const { return type.empty() && reply.empty(); }
};

// From the pulled communication_events of `subject` (a waitlist entry's or a
// booking's id), newest last change first; when none is pulled yet, from the
// row's own columns the database keeps (last_text_type, last_text_status,
// last_text_at, last_text_reason, guest_reply, guest_reply_at in `extra`).
GuestTexts guest_texts(const Uuid& subject, const std::vector<CommunicationEvent>& events,
                       const Json& row_extra);

// Why the backend will not text this guest: no consent (the kiosk's box, the
// add form's, a booking's sms_consent) or no phone. None: it may.
enum class NoText { None, NoConsent, NoPhone };
NoText why_no_text(const WaitlistEntry& e);
NoText why_no_text(const Reservation& r);

// The month's SMS quota (rpc get_sms_quota).
struct SmsQuota {
  std::string month;  // YYYY-MM
  int included = 0, credits = 0, sent = 0, remaining = 0;
};
// Its answer {"month", "included", "sms_credits", "sms_sent", "remaining"};
// an Error naming the missing or mistyped field.
Result<SmsQuota> decode_sms_quota(const Json& j);

}  // namespace foh
