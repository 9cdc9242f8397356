// Form bodies and Twilio's webhook signature (sms_form.hpp).
#include "sms_form.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>

namespace foh::backend {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool decode(const std::string& in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out += ' ';
    } else if (in[i] == '%') {
      if (i + 2 >= in.size()) return false;  // a '%' needs two hex digits
      int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += in[i];
    }
  }
  return true;
}

std::string encode(const std::string& in) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string base64(const unsigned char* data, size_t n) {
  std::string out(4 * ((n + 2) / 3), '\0');
  int len =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(n));
  out.resize(static_cast<size_t>(std::max(len, 0)));
  return out;
}

}  // namespace

bool parse_form(const std::string& body, FormParams& out) {
  out.clear();
  size_t start = 0;
  while (start <= body.size()) {
    size_t amp = body.find('&', start);
    if (amp == std::string::npos) amp = body.size();
    std::string pair = body.substr(start, amp - start);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string k, v;
      if (!decode(pair.substr(0, eq), k)) return false;
      if (eq != std::string::npos && !decode(pair.substr(eq + 1), v)) return false;
      out.emplace_back(std::move(k), std::move(v));
    }
    start = amp + 1;
  }
  return true;
}

std::string form_encode(const FormParams& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out += '&';
    out += encode(k) + '=' + encode(v);
  }
  return out;
}

std::string twilio_signature(const std::string& auth_token, const std::string& url,
                             const FormParams& params) {
  FormParams sorted = params;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string data = url;
  for (const auto& [k, v] : sorted) data += k + v;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha1(), auth_token.data(), static_cast<int>(auth_token.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &mac_len);
  return base64(mac, mac_len);
}

bool twilio_signature_ok(const std::string& auth_token, const std::string& url,
                         const FormParams& params, const std::string& received) {
  std::string want = twilio_signature(auth_token, url, params);
  return !received.empty() && received.size() == want.size() &&
         CRYPTO_memcmp(want.data(), received.data(), want.size()) == 0;
}

std::string mask_phone(const std::string& phone) {
  std::string out;
  for (size_t i = 0; i < phone.size(); ++i)
    out += (i + 2 < phone.size() && std::isdigit(static_cast<unsigned char>(phone[i]))) ? '*'
                                                                                        : phone[i];
  return out;
}

}  // namespace foh::backend
