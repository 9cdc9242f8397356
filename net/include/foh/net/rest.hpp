#pragma once
// A small PostgREST client over libcurl. One RestClient owns one reused curl
// easy handle: use it from one thread (the sync thread has its own).
// Transport errors (DNS, refused, timeout, TLS) are kept apart from HTTP errors
// (status + PostgREST's {code, message, details, hint}) and from bodies we
// refuse (malformed JSON, too large, wrong content type).
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "foh/engine/model.hpp"

namespace foh::net {

struct RestConfig {
  std::string base_url;  // e.g. "http://127.0.0.1:54321" (no trailing slash needed)
  std::string api_key;   // sent as `apikey`
  std::string bearer;    // sent as `Authorization: Bearer`; api_key when empty
  long connect_timeout_ms = 3000;
  long total_timeout_ms = 10000;
  std::size_t max_body_bytes = 16u << 20;  // larger answers are refused
  int max_attempts = 4;                    // 1 = no retry
  int backoff_base_ms = 200;               // doubled per attempt, full jitter
  int backoff_max_ms = 4000;
  bool verify_tls = true;  // never turned off outside tests
  std::string ca_file;     // optional extra CA bundle
  // Checked between attempts and during transfers: true aborts the call (a
  // Transport error "cancelled"), so a stopping sync thread never waits out a
  // hanging server.
  std::function<bool()> should_stop;
};

enum class RestErrorKind {
  None,
  Transport,  // no HTTP answer: DNS, refused, timeout, TLS, reset
  Http,       // an HTTP error status (>= 400)
  BadBody,    // a 2xx answer we cannot use: malformed JSON, too large, wrong type
};
const char* to_string(RestErrorKind k);

struct RestError {
  RestErrorKind kind = RestErrorKind::None;
  int status = 0;    // HTTP status (0 for transport errors)
  std::string code;  // PostgREST / SQLSTATE code, e.g. "23P01", "PGRST301"
  std::string message, details, hint;
  std::string text() const;  // one line for the sync status
  // The overlap rule refused the write: recognised by code whatever the status.
  bool is_overlap() const { return code == "23P01"; }
  bool is_auth() const { return status == 401; }
  // Network errors, 5xx and 429 are retried; other 4xx never.
  bool retryable() const;
};

struct RestResponse {
  int status = 0;
  Json body;                  // null when the answer had no body
  std::string content_range;  // "0-999/20000" when asked with Prefer: count=exact
  RestError error;            // kind None when the call succeeded
  int attempts = 0;
  bool ok() const { return error.kind == RestErrorKind::None; }
};

class RestClient {
 public:
  explicit RestClient(RestConfig config);
  ~RestClient();
  RestClient(const RestClient&) = delete;
  RestClient& operator=(const RestClient&) = delete;

  const RestConfig& config() const { return config_; }
  void set_bearer(std::string token) { config_.bearer = std::move(token); }

  // path is relative to base_url, e.g. "/rest/v1/reservations?select=*".
  // Extra headers as "Name: value".
  RestResponse get(const std::string& path, const std::vector<std::string>& headers = {});
  RestResponse post(const std::string& path, const Json& body,
                    const std::vector<std::string>& headers = {});
  RestResponse patch(const std::string& path, const Json& body,
                     const std::vector<std::string>& headers = {});
  RestResponse del(const std::string& path, const std::vector<std::string>& headers = {});

  // One request with the retry policy (used by the verbs above).
  RestResponse request(const std::string& method, const std::string& path, const Json* body,
                       const std::vector<std::string>& headers);

 private:
  RestResponse attempt(const std::string& method, const std::string& path, const Json* body,
                       const std::vector<std::string>& headers);
  RestConfig config_;
  struct Handle;  // the curl easy handle, opaque here
  std::unique_ptr<Handle> handle_;
};

// Percent-encodes a value for a query string (filters, cursors).
std::string url_encode(const std::string& s);

}  // namespace foh::net
