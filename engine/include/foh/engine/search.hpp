#pragma once
// Finding a guest the way a host types: names without accents, case or
// spacing ("dvorak" finds "Dvořák", "le roux" finds "Leroux"), phones by their
// digits whatever the formatting ("0612" finds "+33 6 12 34 56 78"). The one
// place a name or a phone is normalised for search; pure.
#include <string>
#include <string_view>

namespace foh {

// Lower-case ASCII letters and digits of a UTF-8 name: Latin letters lose
// their accents (é -> e, ř -> r), ligatures open (œ -> oe, ß -> ss), spaces,
// hyphens, apostrophes and other punctuation go. Letters outside Latin stay
// as they are. "Le Roux-Dvořák" -> "lerouxdvorak".
std::string name_key(std::string_view name);

// The digits of a phone number in national form: a French international
// prefix (+33, 0033, 33 followed by 9 digits) becomes the leading 0.
// "+33 6 12 34 56 78" -> "0612345678"; "+44 20 7946 0000" -> "442079460000".
std::string phone_key(std::string_view phone);

// True when `query` finds this guest: an empty query finds everyone; its
// name_key inside the name's, or (with 2 digits or more) its phone_key or
// plain digits inside the phone's.
bool guest_matches(std::string_view name, std::string_view phone, std::string_view query);

}  // namespace foh
