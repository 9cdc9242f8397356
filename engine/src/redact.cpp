#include "foh/engine/redact.hpp"

#include <array>
#include <cctype>

namespace foh {
namespace {

bool token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
         c == '=' || c == '+' || c == '/';
}

}  // namespace

bool secret_key(std::string_view name) {
  std::string key(name);
  for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  constexpr std::array<std::string_view, 9> words{
      "pin", "token", "secret", "password", "salt", "hash", "apikey", "authorization", "jwt"};
  for (auto w : words)
    if (key.find(w) != std::string::npos) return true;
  return false;
}

std::string redact(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  auto skip_token = [&](size_t from) {
    while (from < text.size() && token_char(text[from])) ++from;
    return from;
  };
  while (i < text.size()) {
    std::string_view rest = text.substr(i);
    if (rest.size() >= 7 && (rest.substr(0, 7) == "Bearer " || rest.substr(0, 7) == "bearer ")) {
      out += "Bearer [redacted]";
      i = skip_token(i + 7);
      continue;
    }
    if (rest.substr(0, 3) == "eyJ" && (i == 0 || !token_char(text[i - 1]))) {
      out += "[redacted]";
      i = skip_token(i);
      continue;
    }
    // key=value and "key":"value" where the key names a secret.
    if ((text[i] == '=' || text[i] == ':') && i > 0) {
      size_t k = i;
      while (k > 0 && (std::isalnum(static_cast<unsigned char>(text[k - 1])) ||
                       text[k - 1] == '_' || text[k - 1] == '"'))
        --k;
      std::string key(text.substr(k, i - k));
      std::erase(key, '"');
      if (!key.empty() && secret_key(key)) {
        out += text[i];
        size_t v = i + 1;
        while (v < text.size() && (text[v] == ' ' || text[v] == '"')) ++v;
        if (text.substr(v, 7) == "Bearer " || text.substr(v, 7) == "bearer ") v += 7;
        size_t end = v;
        while (end < text.size() && text[end] != '&' && text[end] != '"' && text[end] != ',' &&
               text[end] != ' ' && text[end] != '}')
          ++end;
        out += "[redacted]";
        i = end;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace foh
