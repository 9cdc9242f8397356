#pragma once
// French and English strings for the terminal. One table, looked up by key;
// a key missing from the table is shown as itself so a gap is visible, not fatal.
#include <string>
#include <string_view>

#include "foh/engine/calendar.hpp"
#include "foh/engine/language.hpp"
#include "foh/engine/model.hpp"

namespace foh::ui {

enum class Locale { Fr, En };

// "fr"/"fr-FR" -> Fr, "en"/"en-GB" -> En, anything else -> Fr (restaurant default).
Locale locale_from(std::string_view code);
const char* locale_code(Locale l);  // "fr" / "en"
// The language the engine words its reasons in for this locale.
inline Language engine_language(Locale l) { return l == Locale::En ? Language::En : Language::Fr; }

// The text for `key` in `l` (NUL-terminated, static storage); the key itself if unknown.
const char* tr(Locale l, std::string_view key);
// True when every key has both a French and an English text (tested).
bool table_complete();

// Restaurant-local formatting.
std::string format_date(Locale l, Date d);    // "sam. 28 nov. 2026" / "Sat 28 Nov 2026"
std::string format_time(TimeOfDay t);         // "19:30" (wraps past midnight)
std::string format_minutes(Locale l, int m);  // "1 h 05" / "1h05"
// A quoted wait: "Table free now" for 0, else format_minutes.
std::string format_quote(Locale l, int m);
const char* status_text(Locale l, ReservationStatus s);
const char* status_text(Locale l, WaitlistStatus s);

}  // namespace foh::ui
