#include "request_limits.hpp"

#include <string>

namespace foh::backend {

int json_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return kMaxJsonDepth + 1;
      if (depth > deepest) deepest = depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

namespace {

// The length of the UTF-8 sequence starting at text[i], 0 if it is not one
// (RFC 3629 table 4: the second byte's range depends on the first).
size_t sequence_length(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  if (b < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

}  // namespace

bool valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t n = sequence_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

ApiStatus check_json_body(std::string_view body) {
  if (body.size() > kMaxJsonBodyBytes)
    return pgrst(400, "PGRST102", "Empty or invalid json",
                 "the body has " + std::to_string(body.size()) + " bytes; the limit is " +
                     std::to_string(kMaxJsonBodyBytes));
  if (!valid_utf8(body))
    return pgrst(400, "PGRST102", "Empty or invalid json", "the body is not valid UTF-8");
  if (json_depth(body) > kMaxJsonDepth)
    return pgrst(400, "PGRST102", "Empty or invalid json",
                 "the body is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  return Ok{};
}

ApiError not_utf8(const std::string& where) {
  return pgrst(400, "PGRST100", "Invalid UTF-8 in the request",
               "the " + where + " is not valid UTF-8");
}

}  // namespace foh::backend
