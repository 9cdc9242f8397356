#pragma once
// The SMS provider's webhooks on foh-backend (Twilio's shape):
//   POST /sms/status   delivery callbacks (MessageSid, MessageStatus, ErrorCode)
//   POST /sms/inbound  a guest's reply (MessageSid, From, Body)
// Both need a valid X-Twilio-Signature (403 otherwise, nothing changed); a
// malformed one is 400 and logged without phone numbers or bodies. Applied
// once per MessageSid (and status) by migration 022's foh_sms functions.
#include <string>

#include "pg_pool.hpp"

namespace httplib {
class Server;
}

namespace foh::backend {

struct WebhookConfig {
  std::string auth_token;  // FOH_TWILIO_AUTH_TOKEN; empty = webhooks answer 503
  std::string public_url;  // FOH_PUBLIC_URL: the URL the provider calls; else http://Host
};
WebhookConfig webhook_config_from_env();

void mount_sms_webhooks(httplib::Server& server, PgPool& pool, WebhookConfig config);

}  // namespace foh::backend
