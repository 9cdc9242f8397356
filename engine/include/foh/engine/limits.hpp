#pragma once
// The longest text a row may hold, in characters (code points, as
// PostgreSQL's char_length counts them). The decoders refuse longer text, and
// the backend's CHECK constraints (tools/backend/migrations/016_limits.sql)
// hold the same numbers, so that nothing the database stores is a row a
// terminal cannot read; tests/backend/test_limits_agree.cpp checks that both
// sides agree. Change both together.
#include <cstddef>
#include <string_view>

namespace foh::limits {

inline constexpr size_t kMaxNameChars = 200;         // guest, customer, member names; source
inline constexpr size_t kMaxTableNumberChars = 200;  // "7" or "7+8+9" (a combination)
inline constexpr size_t kMaxPhoneChars = 40;
inline constexpr size_t kMaxEmailChars = 320;  // RFC 5321: 64 + 1 + 255
inline constexpr size_t kMaxNotesChars = 4000;
// A customer's tags ("VIP", "Allergie : arachides"): a card, not a document.
inline constexpr size_t kMaxTags = 30;
inline constexpr size_t kMaxTagChars = 100;

// Code points of UTF-8 text: every byte that does not continue a sequence.
inline size_t utf8_chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace foh::limits
