// The provider's webhooks (sms_webhooks.hpp). The database decides what a
// callback or reply does (022_messaging_sender.sql); here: signature, shape,
// and one service-role transaction.
#include "sms_webhooks.hpp"

#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <regex>

#include "gateway.hpp"
#include "pg_tx.hpp"
#include "sms_form.hpp"

namespace foh::backend {

namespace {

constexpr const char* kTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
constexpr size_t kMaxReplyChars = 1600;  // Twilio's longest concatenated message

const std::regex& sid_pattern() {
  static const std::regex re("^(SM|MM)[0-9a-fA-F]{32}$");  // Twilio's message SIDs
  return re;
}

bool known_status(const std::string& s) {
  for (const char* k : {"queued", "accepted", "scheduled", "sending", "sent", "delivered",
                        "undelivered", "failed", "receiving", "received", "read", "canceled"})
    if (s == k) return true;
  return false;
}

std::string param(const FormParams& p, const std::string& name, bool& present) {
  for (const auto& [k, v] : p)
    if (k == name) {
      present = true;
      return v;
    }
  present = false;
  return {};
}

void refuse(httplib::Response& res, int status, const std::string& code, const std::string& why,
            const httplib::Request& req) {
  // The reason only: never the body, a phone number or the signature.
  std::cerr << "sms webhook " << req.path << ": " << status << " " << why << "\n";
  send_error(res, pgrst(status, code, why));
}

// Runs `sql` with `params` as the service role in one transaction; the
// function's text result, or an ApiError.
Result<std::string, ApiError> run_as_service(PgPool& pool, const std::string& sql,
                                             const Params& params) {
  auto lease = pool.acquire();
  PgTx tx(lease.get(), true);
  if (!tx.begun()) return tx.begin_error();
  auto role = tx.exec(
      "select set_config('role', 'service_role', true), "
      "set_config('request.jwt.claims', '{\"role\":\"service_role\"}', true)");
  if (!role.ok()) return role.error();
  auto rows = tx.exec(sql, params);
  if (!rows.ok()) return rows.error();
  if (auto err = tx.commit(); !err.ok()) return err.error();
  const Rows& r = rows.value();
  return r.size() == 1 && r.data[0][0] ? *r.data[0][0] : std::string();
}

// Form, signature, then the handler's own checks; false = answered already.
bool admit(const WebhookConfig& cfg, const httplib::Request& req, httplib::Response& res,
           FormParams& form) {
  if (cfg.auth_token.empty()) {
    refuse(res, 503, "FOH_SMS_DISABLED", "no FOH_TWILIO_AUTH_TOKEN configured", req);
    return false;
  }
  if (!parse_form(req.body, form)) {
    refuse(res, 400, "FOH_SMS_MALFORMED", "the body is not a form", req);
    return false;
  }
  std::string base =
      cfg.public_url.empty() ? "http://" + req.get_header_value("Host") : cfg.public_url;
  std::string url = base + (req.target.empty() ? req.path : req.target);
  if (!twilio_signature_ok(cfg.auth_token, url, form, req.get_header_value("X-Twilio-Signature"))) {
    refuse(res, 403, "FOH_SMS_SIGNATURE", "missing or bad X-Twilio-Signature", req);
    return false;
  }
  return true;
}

void on_status(PgPool& pool, const WebhookConfig& cfg, const httplib::Request& req,
               httplib::Response& res) {
  FormParams form;
  if (!admit(cfg, req, res, form)) return;
  bool has_sid = false, has_status = false, has_error = false;
  std::string sid = param(form, "MessageSid", has_sid);
  std::string status = param(form, "MessageStatus", has_status);
  std::string error = param(form, "ErrorCode", has_error);
  if (!has_sid || !std::regex_match(sid, sid_pattern()))
    return refuse(res, 400, "FOH_SMS_MALFORMED", "MessageSid missing or not a message SID", req);
  if (!has_status || !known_status(status))
    return refuse(res, 400, "FOH_SMS_MALFORMED", "MessageStatus missing or unknown", req);
  if (has_error && (error.empty() || error.size() > 10 ||
                    error.find_first_not_of("0123456789") != std::string::npos))
    return refuse(res, 400, "FOH_SMS_MALFORMED", "ErrorCode is not a number", req);
  auto out = run_as_service(pool, "select foh_sms.apply_status($1, $2, $3)",
                            {sid, status, has_error ? std::optional(error) : std::nullopt});
  if (!out.ok()) return send_error(res, out.error());
  res.set_content(nlohmann::json{{"result", out.value()}}.dump(), "application/json");
}

void on_inbound(PgPool& pool, const WebhookConfig& cfg, const httplib::Request& req,
                httplib::Response& res) {
  FormParams form;
  if (!admit(cfg, req, res, form)) return;
  bool has_sid = false, has_from = false, has_body = false;
  std::string sid = param(form, "MessageSid", has_sid);
  std::string from = param(form, "From", has_from);
  std::string body = param(form, "Body", has_body);
  if (!has_sid || !std::regex_match(sid, sid_pattern()))
    return refuse(res, 400, "FOH_SMS_MALFORMED", "MessageSid missing or not a message SID", req);
  if (!has_from || !std::regex_match(from, std::regex("^\\+[0-9]{4,15}$")))
    return refuse(res, 400, "FOH_SMS_MALFORMED", "From missing or not an E.164 number", req);
  if (!has_body || body.size() > 4 * kMaxReplyChars)
    return refuse(res, 400, "FOH_SMS_MALFORMED", "Body missing or too long", req);
  auto out = run_as_service(pool, "select foh_sms.apply_inbound($1, $2, $3)", {sid, from, body});
  if (!out.ok()) return send_error(res, out.error());
  std::cerr << "sms inbound from " << mask_phone(from) << ": " << out.value() << "\n";
  res.set_content(kTwiml, "text/xml");  // no automatic answer to the guest
}

}  // namespace

WebhookConfig webhook_config_from_env() {
  WebhookConfig c;
  if (const char* t = std::getenv("FOH_TWILIO_AUTH_TOKEN")) c.auth_token = t;
  if (const char* u = std::getenv("FOH_PUBLIC_URL")) c.public_url = u;
  while (!c.public_url.empty() && c.public_url.back() == '/') c.public_url.pop_back();
  return c;
}

void mount_sms_webhooks(httplib::Server& server, PgPool& pool, WebhookConfig config) {
  server.Post("/sms/status", [&pool, config](const httplib::Request& q, httplib::Response& r) {
    on_status(pool, config, q, r);
  });
  server.Post("/sms/inbound", [&pool, config](const httplib::Request& q, httplib::Response& r) {
    on_inbound(pool, config, q, r);
  });
}

}  // namespace foh::backend
