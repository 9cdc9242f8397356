#include "jwt.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <chrono>

namespace foh::backend {
namespace {

const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

std::string hmac_sha256(const std::string& key, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

}  // namespace

std::string base64url_encode(const std::string& bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t v = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
    for (int k = 3; k >= 0; --k) out += kAlphabet[(v >> (6 * k)) & 63];
  }
  if (i + 1 == bytes.size()) {
    uint32_t v = uint8_t(bytes[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (i + 2 == bytes.size()) {
    uint32_t v = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

Result<std::string> base64url_decode(const std::string& text) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    int v = sextet(c);
    if (v < 0) return Error{"base64url", "unexpected character"};
    acc = (acc << 6) | uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += char((acc >> bits) & 0xff);
    }
  }
  return out;
}

std::string jwt_sign(const nlohmann::json& claims, const std::string& secret) {
  std::string head = base64url_encode(R"({"alg":"HS256","typ":"JWT"})");
  std::string body = base64url_encode(claims.dump());
  std::string signing_input = head + "." + body;
  return signing_input + "." + base64url_encode(hmac_sha256(secret, signing_input));
}

Result<nlohmann::json> jwt_verify(const std::string& token, const std::string& secret,
                                  int64_t now_seconds) {
  size_t a = token.find('.');
  size_t b = a == std::string::npos ? a : token.find('.', a + 1);
  if (b == std::string::npos || token.find('.', b + 1) != std::string::npos)
    return Error{"JWT", "Expected 3 parts in JWT"};
  auto head = base64url_decode(token.substr(0, a));
  auto body = base64url_decode(token.substr(a + 1, b - a - 1));
  auto sig = base64url_decode(token.substr(b + 1));
  if (!head || !body || !sig) return Error{"JWT", "JWT is not base64url"};
  auto header = nlohmann::json::parse(*head, nullptr, false);
  if (!header.is_object() || header.value("alg", "") != "HS256")
    return Error{"JWT", "JWT algorithm is not HS256"};
  std::string expect = hmac_sha256(secret, token.substr(0, b));
  if (sig->size() != expect.size() || CRYPTO_memcmp(sig->data(), expect.data(), expect.size()) != 0)
    return Error{"JWT", "JWSInvalidSignature"};
  auto claims = nlohmann::json::parse(*body, nullptr, false);
  if (!claims.is_object()) return Error{"JWT", "JWT claims are not a JSON object"};
  if (claims.contains("exp")) {
    if (!claims["exp"].is_number()) return Error{"JWT", "JWT exp is not a number"};
    if (claims["exp"].get<double>() <= double(now_seconds)) return Error{"JWT", "JWT expired"};
  }
  return claims;
}

int64_t unix_now() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string random_hex(int bytes) {
  std::string raw(static_cast<size_t>(bytes), '\0');
  RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

std::string random_uuid() {
  std::string h = random_hex(16);
  h[12] = '4';
  h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

}  // namespace foh::backend
