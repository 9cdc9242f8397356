#include "pin_check.hpp"

#if __has_include("foh/engine/pin.hpp")
#include "foh/engine/pin.hpp"
#define FOH_ENGINE_PIN 1
#else
// The engine's pin.hpp is not there yet: the same format, checked here.
#include <openssl/crypto.h>
#include <openssl/evp.h>
#endif

namespace foh::backend {

#ifdef FOH_ENGINE_PIN
bool pin_matches(const std::string& pin, const TeamMember& member) {
  return static_cast<bool>(verify_pin(pin, member));
}
#else
namespace {
std::string unhex(const std::string& h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out += char(std::stoi(h.substr(i, 2), nullptr, 16));
  return out;
}
}  // namespace

bool pin_matches(const std::string& pin, const TeamMember& member) {
  const std::string prefix = "pbkdf2-sha256$";
  if (member.pin.rfind(prefix, 0) != 0) return false;
  size_t dollar = member.pin.find('$', prefix.size());
  if (dollar == std::string::npos) return false;
  int iterations = std::atoi(member.pin.substr(prefix.size(), dollar - prefix.size()).c_str());
  std::string expect = unhex(member.pin.substr(dollar + 1));
  std::string salt = unhex(member.pin_salt);
  if (iterations <= 0 || expect.empty()) return false;
  std::string got(expect.size(), '\0');
  PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()),
                    reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                    iterations, EVP_sha256(), static_cast<int>(got.size()),
                    reinterpret_cast<unsigned char*>(got.data()));
  return CRYPTO_memcmp(got.data(), expect.data(), got.size()) == 0;
}
#endif

}  // namespace foh::backend
