#pragma once
// Who carries a text to a phone. One interface, so that another provider can
// sit next to Twilio; the sender (sender.hpp) only sees SendResult.
#include <chrono>
#include <memory>
#include <string>

namespace foh::backend {

struct OutgoingText {
  std::string id;  // the queue row's (= communication_events.id)
  std::string to;  // E.164
  std::string body;
};

struct SendResult {
  enum class Kind {
    Sent,       // the provider took it: `provider_id`
    Retry,      // 429, 5xx or no answer: try again after `retry_after` at the earliest
    Permanent,  // refused for good (4xx): `reason`
  };
  Kind kind = Kind::Retry;
  std::string provider_id;
  std::chrono::milliseconds retry_after{0};
  std::string reason;  // what the provider said (its code and message), for the record
};

class SmsProvider {
 public:
  virtual ~SmsProvider() = default;
  // Blocking; called from one worker thread at a time per instance.
  virtual SendResult send(const OutgoingText& text) = 0;
};

struct TwilioConfig {
  std::string base_url;         // FOH_SMS_BASE_URL (https://api.twilio.com)
  std::string account_sid;      // FOH_TWILIO_ACCOUNT_SID
  std::string auth_token;       // FOH_TWILIO_AUTH_TOKEN
  std::string from;             // FOH_SMS_FROM: a number, or a Messaging Service SID (MG...)
  std::string status_callback;  // FOH_PUBLIC_URL + "/sms/status"; empty = none
  std::chrono::milliseconds timeout{15000};
};

// Twilio's Messages API: form POST to
// {base}/2010-04-01/Accounts/{sid}/Messages.json with basic auth sid:token.
// One instance per worker thread (it keeps its connection alive).
std::unique_ptr<SmsProvider> make_twilio(const TwilioConfig& config);

}  // namespace foh::backend
