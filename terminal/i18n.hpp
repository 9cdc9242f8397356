#pragma once
// French and English strings for the terminal. One table, looked up by key;
// a key missing from the table is shown as itself so a gap is visible, not fatal.
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/calendar.hpp"
#include "foh/engine/language.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh::ui {

// The one language type (foh::Language, engine/language.hpp), named here for the screens.
using foh::Language;

// "fr"/"fr-FR" -> Fr, "en"/"en-GB" -> En, anything else -> Fr (restaurant default).
Language locale_from(std::string_view code);
const char* locale_code(Language l);  // "fr" / "en"

// The text for `key` in `l` (NUL-terminated, static storage); the key itself if unknown.
const char* tr(Language l, std::string_view key);
// True when every key has both a French and an English text (tested).
bool table_complete();

// One language at a time. A refusal as the host reads it: the text of its
// code ("err." + code) with its args put in for {0}, {1}…, else its message
// (the engine words its reasons in the actor's language). Never the `where`
// of the error: that is for logs.
std::string error_text(Language l, const Error& e);
// The text for `key` with `args` put in for {0}, {1}…
std::string tr_args(Language l, std::string_view key, const std::vector<std::string>& args);
// After a label: "Installé" + colon(l) -> "Installé : " (no-break space
// before the colon in French), "Seated: " in English.
const char* colon(Language l);
// "1 réservation", "2 réservations"; French counts 0 as one, English does not.
std::string count_text(Language l, int n, std::string_view one_key, std::string_view many_key);
// French typography: a no-break space before : ; ! ? and inside « » (a plain
// space there is replaced, a missing one added); times such as 19:30 stay.
std::string french_typography(std::string_view text);

// Restaurant-local formatting.
std::string format_date(Language l, Date d);    // "sam. 28 nov. 2026" / "Sat 28 Nov 2026"
std::string format_time(TimeOfDay t);           // "19:30" (wraps past midnight)
std::string format_minutes(Language l, int m);  // "1 h 05" / "1h05"
// A quoted wait: "Table free now" for 0, else format_minutes.
std::string format_quote(Language l, int m);
const char* status_text(Language l, ReservationStatus s);
const char* status_text(Language l, WaitlistStatus s);

}  // namespace foh::ui
