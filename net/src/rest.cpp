// PostgREST over libcurl: one reused easy handle, bounded bodies, errors kept
// in three kinds (transport, HTTP, unusable body), retries with jittered
// exponential backoff on transport errors, 5xx and 429 only.
#include "foh/net/rest.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

namespace foh::net {

const char* to_string(RestErrorKind k) {
  switch (k) {
    case RestErrorKind::None:
      return "ok";
    case RestErrorKind::Transport:
      return "network";
    case RestErrorKind::Http:
      return "http";
    case RestErrorKind::BadBody:
      return "bad answer";
  }
  return "?";
}

std::string RestError::text() const {
  std::string t = to_string(kind);
  if (status) t.append(" ").append(std::to_string(status));
  if (!code.empty()) t.append(" ").append(code);
  if (!message.empty()) t.append(": ").append(message);
  if (!details.empty()) t.append(" (").append(details).append(")");
  return t;
}

bool RestError::retryable() const {
  if (kind == RestErrorKind::Transport) return message != "cancelled";
  return kind == RestErrorKind::Http && (status >= 500 || status == 429);
}

std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
  std::string body, content_type, content_range;
  std::size_t cap = 0;
  bool oversized = false;
  const std::function<bool()>* should_stop = nullptr;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * n;
  if (t->body.size() + len > t->cap) {
    t->oversized = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, len);
  return len;
}

std::string header_value(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return {};
  for (size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return {};
  std::string v(line.substr(name.size() + 1));
  auto b = v.find_first_not_of(" \t");
  auto e = v.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : v.substr(b, e - b + 1);
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * n);
  if (auto v = header_value(line, "content-type"); !v.empty()) t->content_type = v;
  if (auto v = header_value(line, "content-range"); !v.empty()) t->content_range = v;
  // A declared length over the cap is refused before the body is read.
  if (auto v = header_value(line, "content-length");
      !v.empty() && std::strtoull(v.c_str(), nullptr, 10) > t->cap) {
    t->oversized = true;
    return 0;
  }
  return size * n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return (t->should_stop && *t->should_stop && (*t->should_stop)()) ? 1 : 0;
}

bool is_json_type(const std::string& ct) {
  std::string l = ct;
  std::transform(l.begin(), l.end(), l.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return l.rfind("application/json", 0) == 0 || l.rfind("application/vnd.pgrst.", 0) == 0;
}

std::string json_text(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// An HTTP error answer: PostgREST's {code, message, details, hint} when it is
// JSON, else the start of the body as the message.
RestError http_error(long status, const Transfer& t) {
  RestError e{RestErrorKind::Http, static_cast<int>(status), "", "", "", ""};
  Json j = Json::parse(t.body, nullptr, false);
  if (j.is_object()) {
    e.code = json_text(j, "code");
    e.message = json_text(j, "message");
    e.details = json_text(j, "details");
    e.hint = json_text(j, "hint");
    if (e.message.empty()) e.message = json_text(j, "error");
  } else {
    e.message = t.body.substr(0, 200);
  }
  if (e.message.empty()) e.message = "HTTP status " + std::to_string(status);
  return e;
}

}  // namespace

struct RestClient::Handle {
  CURL* curl = nullptr;
  std::mt19937_64 rng{std::random_device{}()};
  ~Handle() { curl_easy_cleanup(curl); }
};

RestClient::RestClient(RestConfig config) : config_(std::move(config)), handle_(new Handle) {
  global_init();
  handle_->curl = curl_easy_init();
  while (!config_.base_url.empty() && config_.base_url.back() == '/') config_.base_url.pop_back();
}

RestClient::~RestClient() = default;

RestResponse RestClient::get(const std::string& path, const std::vector<std::string>& headers) {
  return request("GET", path, nullptr, headers);
}
RestResponse RestClient::post(const std::string& path, const Json& body,
                              const std::vector<std::string>& headers) {
  return request("POST", path, &body, headers);
}
RestResponse RestClient::patch(const std::string& path, const Json& body,
                               const std::vector<std::string>& headers) {
  return request("PATCH", path, &body, headers);
}
RestResponse RestClient::del(const std::string& path, const std::vector<std::string>& headers) {
  return request("DELETE", path, nullptr, headers);
}

RestResponse RestClient::request(const std::string& method, const std::string& path,
                                 const Json* body, const std::vector<std::string>& headers) {
  RestResponse r;
  for (int attempt = 1;; ++attempt) {
    r = this->attempt(method, path, body, headers);
    r.attempts = attempt;
    if (r.ok() || !r.error.retryable() || attempt >= std::max(1, config_.max_attempts)) return r;
    // Full jitter: uniform in [0, min(max, base * 2^(attempt-1))].
    long cap = std::min<long>(config_.backoff_max_ms, static_cast<long>(config_.backoff_base_ms)
                                                          << std::min(attempt - 1, 16));
    std::uniform_int_distribution<long> pick(0, std::max<long>(cap, 0));
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(pick(handle_->rng));
    while (std::chrono::steady_clock::now() < until) {
      if (config_.should_stop && config_.should_stop()) return r;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
}

RestResponse RestClient::attempt(const std::string& method, const std::string& path,
                                 const Json* body, const std::vector<std::string>& headers) {
  RestResponse r;
  CURL* c = handle_->curl;
  if (!c) {
    r.error = {RestErrorKind::Transport, 0, "", "libcurl could not start", "", ""};
    return r;
  }
  curl_easy_reset(c);  // keeps the connection cache: the handle is reused
  Transfer t;
  t.cap = config_.max_body_bytes;
  t.should_stop = &config_.should_stop;
  std::string url = config_.base_url + path;
  std::string payload = body ? body->dump() : std::string();
  curl_slist* hs = nullptr;
  hs = curl_slist_append(hs, ("apikey: " + config_.api_key).c_str());
  const std::string& bearer = config_.bearer.empty() ? config_.api_key : config_.bearer;
  hs = curl_slist_append(hs, ("Authorization: Bearer " + bearer).c_str());
  hs = curl_slist_append(hs, "Accept: application/json");
  if (body) hs = curl_slist_append(hs, "Content-Type: application/json");
  // No "Expect: 100-continue": curl would wait for the server before sending
  // any body over 1 KB, a round trip (or a 1 s stall) per push.
  hs = curl_slist_append(hs, "Expect:");
  for (const auto& h : headers) hs = curl_slist_append(hs, h.c_str());

  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
  } else if (method == "GET") {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, config_.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, config_.total_timeout_ms);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, config_.verify_tls ? 1L : 0L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, config_.verify_tls ? 2L : 0L);
  if (!config_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config_.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);

  CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(hs);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  r.status = static_cast<int>(status);
  r.content_range = t.content_range;

  if (t.oversized) {
    r.error = {RestErrorKind::BadBody,
               r.status,
               "",
               "answer larger than " + std::to_string(config_.max_body_bytes >> 20) + " MB refused",
               "",
               ""};
    return r;
  }
  if (rc == CURLE_ABORTED_BY_CALLBACK) {
    r.error = {RestErrorKind::Transport, 0, "", "cancelled", "", ""};
    return r;
  }
  if (rc != CURLE_OK) {
    r.error = {RestErrorKind::Transport, 0, "", curl_easy_strerror(rc), url, ""};
    return r;
  }
  if (status >= 400) {
    r.error = http_error(status, t);
    return r;
  }
  if (t.body.empty()) return r;  // 204, or 201 without representation
  if (!is_json_type(t.content_type)) {
    r.error = {RestErrorKind::BadBody,
               r.status,
               "",
               "expected JSON, got content type '" + t.content_type + "'",
               "",
               ""};
    return r;
  }
  r.body = Json::parse(t.body, nullptr, false);
  if (r.body.is_discarded()) {
    r.body = nullptr;
    r.error = {RestErrorKind::BadBody, r.status, "", "malformed JSON in the answer", "", ""};
  }
  return r;
}

}  // namespace foh::net
