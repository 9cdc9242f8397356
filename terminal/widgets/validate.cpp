// Field validation: pure functions, one message per error in FR and EN.
#include "widgets/validate.hpp"

#include <cstdint>

#include "i18n.hpp"

namespace foh::ui {
namespace {

// Decodes one UTF-8 code point at s[i]; advances i. Returns -1 when malformed.
int32_t next_code_point(std::string_view s, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) return -1;
  int32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc >> 6) != 0x2) return -1;
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong encodings and surrogates are malformed.
  static constexpr int32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return -1;
  i += len;
  return cp;
}

bool is_letter(int32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
  // Latin-1 letters (no × U+00D7, no ÷ U+00F7) and Latin Extended-A.
  if (cp >= 0xC0 && cp <= 0x17F) return cp != 0xD7 && cp != 0xF7;
  return false;
}

bool is_punctuation(int32_t cp) {
  switch (cp) {
    case ' ':
    case '\'':
    case '-':
    case '.':
    case ',':
    case '&':
    case '/':
    case '(':
    case ')':
    case '!':
    case '?':
    case ':':
    case ';':
    case '"':
    case '#':
    case '+':
    case '@':
    case '%':
    case 0x2019:  // ’
    case 0x2018:  // ‘
    case 0xAB:
    case 0xBB:  // « »
    case 0x2013:
    case 0x2014:  // – —
    case 0xA0:    // no-break space
    case 0x20AC:  // €
      return true;
    default:
      return false;
  }
}

bool is_digit(int32_t cp) { return cp >= '0' && cp <= '9'; }

// Checks every code point against the allowed set; returns the length or -1.
int checked_length(std::string_view s, bool allow_newlines, bool& bad_char) {
  int n = 0;
  bad_char = false;
  for (size_t i = 0; i < s.size();) {
    int32_t cp = next_code_point(s, i);
    if (cp < 0) {
      bad_char = true;
      return -1;
    }
    bool ok = is_letter(cp) || is_digit(cp) || is_punctuation(cp) ||
              (allow_newlines && (cp == '\n' || cp == '\r'));
    if (!ok) bad_char = true;
    ++n;
  }
  return n;
}

bool all_spaces(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t') return false;
  return true;
}

}  // namespace

int utf8_length(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++n)
    if (next_code_point(s, i) < 0) return -1;
  return n;
}

FieldError validate_name(std::string_view s) {
  if (all_spaces(s)) return FieldError::NameEmpty;
  bool bad = false;
  int n = checked_length(s, false, bad);
  if (n > 100) return FieldError::NameTooLong;  // too long first: a pasted essay is the issue
  if (bad || n < 0) return FieldError::NameBadChars;
  return FieldError::None;
}

FieldError validate_notes(std::string_view s) {
  bool bad = false;
  int n = checked_length(s, true, bad);
  if (n > 1000) return FieldError::NotesTooLong;
  if (bad || n < 0) return FieldError::NameBadChars;
  return FieldError::None;
}

FieldError validate_party(int party) {
  return party >= 1 && party <= 99 ? FieldError::None : FieldError::PartyOutOfRange;
}

FieldError validate_party_text(std::string_view t) {
  if (t.empty() || t.size() > 3) return FieldError::PartyOutOfRange;
  int v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return FieldError::PartyOutOfRange;
    v = v * 10 + (c - '0');
  }
  return validate_party(v);
}

FieldError validate_phone(std::string_view t, bool required) {
  int digits = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != ' ' && c != '+' && c != '.' && c != '-' && c != '(' && c != ')')
      return FieldError::PhoneBadChars;
  }
  if (t.size() > 32) return FieldError::PhoneBadChars;
  if (digits == 0 && !required && all_spaces(t)) return FieldError::None;
  if (digits < 4) return FieldError::PhoneTooShort;
  return FieldError::None;
}

FieldError validate_time_text(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return FieldError::TimeMalformed;
  for (int k : {0, 1, 3, 4})
    if (t[k] < '0' || t[k] > '9') return FieldError::TimeMalformed;
  int h = (t[0] - '0') * 10 + (t[1] - '0');
  int m = (t[3] - '0') * 10 + (t[4] - '0');
  return h < 24 && m < 60 ? FieldError::None : FieldError::TimeMalformed;
}

FieldError validate_duration(int minutes) {
  return minutes >= 15 && minutes <= 720 ? FieldError::None : FieldError::DurationOutOfRange;
}

FieldError validate_pin(std::string_view d) {
  if (d.size() < 4 || d.size() > 6) return FieldError::PinFormat;
  for (char c : d)
    if (c < '0' || c > '9') return FieldError::PinFormat;
  return FieldError::None;
}

const char* field_message(Language l, FieldError e) {
  switch (e) {
    case FieldError::None:
      return "";
    case FieldError::NameEmpty:
      return tr(l, "field.name_empty");
    case FieldError::NameTooLong:
      return tr(l, "field.name_too_long");
    case FieldError::NameBadChars:
      return tr(l, "field.name_bad_chars");
    case FieldError::PartyOutOfRange:
      return tr(l, "field.party_range");
    case FieldError::PhoneBadChars:
      return tr(l, "field.phone_bad_chars");
    case FieldError::PhoneTooShort:
      return tr(l, "field.phone_too_short");
    case FieldError::TimeMalformed:
      return tr(l, "field.time_format");
    case FieldError::DurationOutOfRange:
      return tr(l, "field.duration_range");
    case FieldError::NotesTooLong:
      return tr(l, "field.notes_too_long");
    case FieldError::PinFormat:
      return tr(l, "field.pin_format");
  }
  return "";
}

}  // namespace foh::ui
