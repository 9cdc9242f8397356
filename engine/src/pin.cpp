#include "foh/engine/pin.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <charconv>
#include <vector>

namespace foh {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256$";
constexpr size_t kKeyBytes = 32;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool from_hex(std::string_view hex, std::vector<unsigned char>& out) {
  if (hex.size() % 2 != 0) return false;
  out.clear();
  out.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = hex_digit(hex[i]), lo = hex_digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<unsigned char>(hi * 16 + lo));
  }
  return true;
}

std::string to_hex(const std::vector<unsigned char>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    s.push_back(kDigits[b >> 4]);
    s.push_back(kDigits[b & 15]);
  }
  return s;
}

bool derive(std::string_view pin, const std::vector<unsigned char>& salt, int iterations,
            std::vector<unsigned char>& key) {
  return PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt.data(),
                           static_cast<int>(salt.size()), iterations, EVP_sha256(),
                           static_cast<int>(key.size()), key.data()) == 1;
}

// "pbkdf2-sha256$<n>$<hex>" -> n and the key bytes.
bool parse_stored(std::string_view stored, int& iterations, std::vector<unsigned char>& key) {
  if (stored.substr(0, kScheme.size()) != kScheme) return false;
  stored.remove_prefix(kScheme.size());
  size_t dollar = stored.find('$');
  if (dollar == std::string_view::npos || dollar == 0) return false;
  auto [end, ec] = std::from_chars(stored.data(), stored.data() + dollar, iterations);
  if (ec != std::errc{} || end != stored.data() + dollar) return false;
  if (iterations < 1 || iterations > kPinMaxIterations) return false;
  if (!from_hex(stored.substr(dollar + 1), key)) return false;
  return key.size() >= 16 && key.size() <= 64;
}

}  // namespace

bool is_valid_pin_format(std::string_view pin) {
  if (pin.size() < 4 || pin.size() > 6) return false;
  for (char c : pin)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_valid_salt(std::string_view salt_hex) {
  std::vector<unsigned char> salt;
  return from_hex(salt_hex, salt) && salt.size() >= 8 && salt.size() <= 128;
}

std::string hash_pin(std::string_view pin, std::string_view salt_hex, int iterations) {
  std::vector<unsigned char> salt, key(kKeyBytes);
  if (!is_valid_pin_format(pin) || !is_valid_salt(salt_hex) || !from_hex(salt_hex, salt)) return {};
  if (iterations < 1 || iterations > kPinMaxIterations || !derive(pin, salt, iterations, key))
    return {};
  return std::string(kScheme) + std::to_string(iterations) + "$" + to_hex(key);
}

int pin_hash_iterations(std::string_view stored) {
  int iterations = 0;
  std::vector<unsigned char> key;
  return parse_stored(stored, iterations, key) ? iterations : 0;
}

bool verify_pin(std::string_view pin, const TeamMember& m) {
  int iterations = 0;
  std::vector<unsigned char> expected, salt;
  if (!is_valid_pin_format(pin) || !parse_stored(m.pin, iterations, expected)) return false;
  if (!is_valid_salt(m.pin_salt) || !from_hex(m.pin_salt, salt)) return false;
  std::vector<unsigned char> key(expected.size());
  if (!derive(pin, salt, iterations, key)) return false;
  return CRYPTO_memcmp(key.data(), expected.data(), key.size()) == 0;
}

bool needs_rehash(const TeamMember& m) {
  int n = pin_hash_iterations(m.pin);
  return n > 0 && n < kPinIterations;
}

}  // namespace foh
