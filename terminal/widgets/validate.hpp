#pragma once
// Pure validation of what a guest or host types, with the message shown next
// to the field. Nothing is saved until every field of a form is valid.
#include <optional>
#include <string>
#include <string_view>

#include "i18n.hpp"

namespace foh::ui {

enum class FieldError {
  None,
  NameEmpty,           // only spaces or nothing
  NameTooLong,         // more than 100 characters (code points)
  NameBadChars,        // emoji, control or other non-printable / unsupported script
  PartyOutOfRange,     // not 1..99 (or not a number)
  PhoneBadChars,       // anything but digits, spaces, + . - ( )
  PhoneTooShort,       // fewer than 4 digits when a phone is required
  TimeMalformed,       // not HH:MM
  DurationOutOfRange,  // not 15..720 minutes
  NotesTooLong,        // more than 1000 characters
  PinFormat,           // not 4..6 digits
};

// The message for the field, in the locale ("" for None).
const char* field_message(Language l, FieldError e);

// Letters of Latin-1 + Latin Extended-A (U+00C0..U+017F minus x/÷), ASCII
// letters and digits, space and common punctuation (' - . , & / ( ) ! ? : ;
// " ’ « » and the like). Input is UTF-8; malformed UTF-8 is refused.
FieldError validate_name(std::string_view utf8);
// Free text (notes, tags): same character set as names (plus newlines), max 1000.
FieldError validate_notes(std::string_view utf8);
FieldError validate_party(int party);                   // 1..99
FieldError validate_party_text(std::string_view text);  // digits only, then 1..99
// Empty phone is allowed when !required (walk-ins, notes-only bookings).
FieldError validate_phone(std::string_view text, bool required = false);
FieldError validate_time_text(std::string_view text);  // "HH:MM"
FieldError validate_duration(int minutes);             // 15..720
FieldError validate_pin(std::string_view digits);      // 4..6 digits

// Number of code points, or -1 for malformed UTF-8.
int utf8_length(std::string_view s);

}  // namespace foh::ui
