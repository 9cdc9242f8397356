#pragma once
// Twilio's side of the wire: form bodies (application/x-www-form-urlencoded)
// and the X-Twilio-Signature of its webhooks. Pure functions, unit-testable.
#include <map>
#include <string>
#include <vector>

namespace foh::backend {

using FormParams = std::vector<std::pair<std::string, std::string>>;

// Decodes a form body (%XX and '+'); false on a malformed escape or invalid
// pair. [[nodiscard]]: a webhook that ignores it would read half a form.
[[nodiscard]] bool parse_form(const std::string& body, FormParams& out);
std::string form_encode(const FormParams& params);

// Twilio's webhook signature: base64(HMAC-SHA1(auth_token, url + every POST
// parameter's name and value, sorted by name)). twilio.com/docs/usage/webhooks/webhooks-security
std::string twilio_signature(const std::string& auth_token, const std::string& url,
                             const FormParams& params);
// Constant-time comparison of the expected and received signature.
[[nodiscard]] bool twilio_signature_ok(const std::string& auth_token, const std::string& url,
                                       const FormParams& params, const std::string& received);

// A phone number for a log line: only its last two digits ("+*********78").
std::string mask_phone(const std::string& phone);

}  // namespace foh::backend
