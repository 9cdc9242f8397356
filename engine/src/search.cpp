// Search keys for guests' names and phones (search.hpp).
#include "foh/engine/search.hpp"

#include <cstdint>

namespace foh {
namespace {

// Base letters of U+00C0..U+00FF and U+0100..U+017F, lower case; '*' marks a
// code point spelled with two letters (open_ligature), '.' one that is no letter.
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiiidnooooo.ouuuuy**aaaaaa*ceeeeiiiidnooooo.ouuuuy*y";
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllll"
    "lllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

static_assert(kLatin1.size() == 0x40 && kLatinExtA.size() == 0x80);

std::string_view open_ligature(uint32_t cp) {
  switch (cp) {
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xDE:
    case 0xFE:
      return "th";
    case 0xDF:
      return "ss";
    case 0x132:
    case 0x133:
      return "ij";
    case 0x152:
    case 0x153:
      return "oe";
  }
  return "";
}

// Decodes one UTF-8 code point at s[i], advancing i; a broken byte reads as itself.
uint32_t next_code_point(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i++]);
  int more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  uint32_t cp = more == 3 ? b & 0x07u : more == 2 ? b & 0x0Fu : more == 1 ? b & 0x1Fu : b;
  for (; more > 0 && i < s.size(); --more) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) return b;
    cp = (cp << 6) | (c & 0x3Fu);
    ++i;
  }
  return cp;
}

void fold_into(std::string& out, std::string_view s, size_t from, size_t to, uint32_t cp) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    return;  // spaces, hyphens, apostrophes, punctuation: not part of a name's key
  }
  // Latin-1 symbols (no-break space, «, ·) and general punctuation (’, ‐): separators.
  if (cp < 0xC0 || (cp >= 0x2000 && cp < 0x2070)) return;
  if (cp >= 0x180) {
    out.append(s.substr(from, to - from));  // another script: kept as typed
    return;
  }
  char base = cp < 0x100 ? kLatin1[cp - 0xC0] : kLatinExtA[cp - 0x100];
  if (base == '*')
    out += open_ligature(cp);
  else if (base != '.')
    out += base;
}

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

}  // namespace

std::string name_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    size_t from = i;
    uint32_t cp = next_code_point(name, i);
    fold_into(out, name, from, i, cp);
  }
  return out;
}

std::string phone_key(std::string_view phone) {
  std::string d = digits_of(phone);
  const bool plus = phone.find('+') != std::string_view::npos;
  if (d.rfind("0033", 0) == 0) return "0" + d.substr(4);
  // "+33 6…", or "33 6 12 34 56 78" typed without the plus: 11 digits.
  if (d.rfind("33", 0) == 0 && (plus || d.size() == 11)) return "0" + d.substr(2);
  return d;
}

bool guest_matches(std::string_view name, std::string_view phone, std::string_view query) {
  const std::string q = name_key(query);
  if (q.empty()) return true;
  if (name_key(name).find(q) != std::string::npos) return true;
  const std::string digits = digits_of(query);
  if (digits.size() < 2) return false;
  const std::string key = phone_key(phone);
  return key.find(phone_key(query)) != std::string::npos ||
         digits_of(phone).find(digits) != std::string::npos;
}

}  // namespace foh
