// Twilio's Messages API over libcurl (sms_provider.hpp).
// twilio.com/docs/messaging/api/message-resource#create-a-message-resource
#include <curl/curl.h>

#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>

#include "sms_form.hpp"
#include "sms_provider.hpp"

namespace foh::backend {

namespace {

constexpr long kConnectTimeoutMs = 5000;
constexpr int kTooManyRequests = 429;
constexpr size_t kMaxReasonChars = 300;

size_t collect(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

size_t header_line(char* data, size_t size, size_t n, void* out) {
  std::string line(data, size * n);
  const std::string name = "retry-after:";
  if (line.size() > name.size()) {
    std::string head = line.substr(0, name.size());
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (head == name) *static_cast<long*>(out) = std::atol(line.c_str() + name.size());
  }
  return size * n;
}

// Twilio's error body: {"code": 21211, "message": "...", "status": 400}.
std::string reason_of(long http, const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  std::string r = "HTTP " + std::to_string(http);
  if (j.is_object() && j.contains("code") && !j["code"].is_null()) r = j["code"].dump();
  if (j.is_object() && j.value("message", "") != "") r += " " + j.value("message", "");
  return r.substr(0, kMaxReasonChars);
}

class Twilio final : public SmsProvider {
 public:
  explicit Twilio(TwilioConfig c) : cfg_(std::move(c)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
  }
  ~Twilio() override { curl_easy_cleanup(curl_); }

  SendResult send(const OutgoingText& t) override {
    FormParams form{{"To", t.to}, {"Body", t.body}};
    bool service = cfg_.from.rfind("MG", 0) == 0;
    form.emplace_back(service ? "MessagingServiceSid" : "From", cfg_.from);
    if (!cfg_.status_callback.empty()) form.emplace_back("StatusCallback", cfg_.status_callback);
    std::string post = form_encode(form), body,
                url = cfg_.base_url + "/2010-04-01/Accounts/" + cfg_.account_sid + "/Messages.json";
    long retry_after = 0;
    curl_easy_reset(curl_);
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, post.c_str());
    curl_easy_setopt(curl_, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl_, CURLOPT_USERNAME, cfg_.account_sid.c_str());
    curl_easy_setopt(curl_, CURLOPT_PASSWORD, cfg_.auth_token.c_str());
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, header_line);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &retry_after);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, static_cast<long>(cfg_.timeout.count()));
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM
    CURLcode rc = curl_easy_perform(curl_);
    SendResult r;
    if (rc != CURLE_OK) {
      r.reason = std::string("no answer: ") + curl_easy_strerror(rc);
      return r;  // Retry: we cannot know whether it went (README, "foh-sender")
    }
    long http = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &http);
    r.retry_after = std::chrono::seconds(retry_after);
    if (http == 200 || http == 201) {
      auto j = nlohmann::json::parse(body, nullptr, false);
      r.provider_id = j.is_object() ? j.value("sid", "") : "";
      r.kind = SendResult::Kind::Sent;  // taken, even if its answer lacks a sid
      return r;
    }
    r.reason = reason_of(http, body);
    r.kind = (http == kTooManyRequests || http >= 500) ? SendResult::Kind::Retry
                                                       : SendResult::Kind::Permanent;
    return r;
  }

 private:
  TwilioConfig cfg_;
  CURL* curl_;
};

}  // namespace

std::unique_ptr<SmsProvider> make_twilio(const TwilioConfig& config) {
  return std::make_unique<Twilio>(config);
}

}  // namespace foh::backend
