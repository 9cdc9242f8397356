#include "foh/engine/redact.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <ctime>

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

namespace {
std::string utc_ms(std::chrono::system_clock::time_point at) {
  const auto secs = std::chrono::system_clock::to_time_t(at);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char ts[64];
  std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return ts;
}
}  // namespace

std::string json_log_line(std::chrono::system_clock::time_point at, std::string_view level,
                          std::string_view what_key, std::string_view what,
                          const nlohmann::json& fields) {
  nlohmann::ordered_json line;
  line["ts"] = utc_ms(at);
  line["level"] = std::string(level);
  line[std::string(what_key)] = redact(what);
  if (fields.is_object())
    for (const auto& [k, v] : fields.items()) {
      if (secret_key(k))
        line[k] = "[redacted]";
      else if (v.is_string())
        line[k] = redact(v.get<std::string>());
      else
        line[k] = v;
    }
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace foh
