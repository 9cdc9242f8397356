// The FR/EN string table and restaurant-local formatting.
#include "i18n.hpp"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <unordered_map>

#include "i18n_table.hpp"

namespace foh::ui {
namespace {

struct Entry {
  const char* fr;
  const char* en;
};

// Built once from the constant table; read-only afterwards (not UI state).
// The French texts get their typography here, so no row can get it wrong.
const std::unordered_map<std::string_view, Entry>& table() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, Entry>();
    auto* french = new std::deque<std::string>();  // stable addresses for the map's texts
    for (const auto& row : kStrings) {
      french->push_back(french_typography(row.fr));
      m->emplace(row.key, Entry{french->back().c_str(), row.en});
    }
    return m;
  }();
  return *map;
}

constexpr std::string_view kNbsp = "\u00a0";

bool is_space(std::string_view s, size_t i) { return i < s.size() && s[i] == ' '; }
bool ends_with_nbsp(const std::string& s) {
  return s.size() >= kNbsp.size() && s.compare(s.size() - kNbsp.size(), kNbsp.size(), kNbsp) == 0;
}

}  // namespace

Language locale_from(std::string_view code) {
  if (code.size() >= 2 && (code.substr(0, 2) == "en" || code.substr(0, 2) == "EN"))
    return Language::En;
  return Language::Fr;
}

const char* locale_code(Language l) { return l == Language::En ? "en" : "fr"; }

const char* tr(Language l, std::string_view key) {
  const auto& t = table();
  auto it = t.find(key);
  if (it == t.end()) {
    // Unknown keys come from our own code (string literals), so the view is
    // still a valid NUL-terminated string: return the key as written.
    return key.data();
  }
  return l == Language::En ? it->second.en : it->second.fr;
}

bool table_complete() {
  for (const auto& row : kStrings)
    if (!row.fr || !row.en || !*row.fr || !*row.en) return false;
  return table().size() == std::size(kStrings);  // no duplicate keys
}

std::string french_typography(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool high = c == ':' || c == ';' || c == '!' || c == '?';
    // A sentence's mark ends a word: 19:30, %d:%02d or http:// are no such marks.
    const bool ends_word = i + 1 == s.size() || is_space(s, i + 1) || s[i + 1] == '\n';
    if (high && ends_word && i > 0) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!out.empty() && !ends_with_nbsp(out)) out += kNbsp;
    }
    if (s.compare(i, 2, "\u00bb") == 0) {  // »
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!ends_with_nbsp(out)) out += kNbsp;
    }
    out += c;
    if (s.compare(i, 2, "\u00ab") == 0) {  // «: its second byte, then the space
      out += s[++i];
      while (is_space(s, i + 1)) ++i;
      out += kNbsp;
    }
  }
  return out;
}

std::string error_text(Language l, const Error& e) {
  if (e.code.empty()) return e.message;
  const std::string key = "err." + e.code;
  const char* t = tr(l, key);
  if (t == key.data()) return e.message;  // a code the table lacks: the English, not a key
  return tr_args(l, key, e.args);
}

std::string tr_args(Language l, std::string_view key, const std::vector<std::string>& args) {
  std::string out = tr(l, key);
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string mark = "{" + std::to_string(k) + "}";
    for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at))
      out.replace(at, mark.size(), args[k]), at += args[k].size();
  }
  return out;
}

const char* colon(Language l) { return l == Language::Fr ? "\u00a0: " : ": "; }

std::string count_text(Language l, int n, std::string_view one_key, std::string_view many_key) {
  const bool one = l == Language::Fr ? (n == 0 || n == 1) : n == 1;
  return std::to_string(n) + " " + tr(l, one ? one_key : many_key);
}

std::string format_date(Language l, Date d) {
  static constexpr const char* kDayFr[] = {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};
  static constexpr const char* kDayEn[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonFr[] = {"janv.", "févr.", "mars",  "avr.", "mai",  "juin",
                                           "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
  static constexpr const char* kMonEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int wd = std::clamp(d.iso_weekday(), 1, 7) - 1;
  int mo = std::clamp(d.month, 1, 12) - 1;
  char buf[64];
  if (l == Language::En)
    std::snprintf(buf, sizeof buf, "%s %d %s %d", kDayEn[wd], d.day, kMonEn[mo], d.year);
  else
    std::snprintf(buf, sizeof buf, "%s %d %s %d", kDayFr[wd], d.day, kMonFr[mo], d.year);
  return buf;
}

std::string format_time(TimeOfDay t) { return t.hhmm(); }

std::string format_minutes(Language l, int m) {
  char buf[32];
  if (m < 0) m = 0;
  if (m < 60)
    std::snprintf(buf, sizeof buf, "%d min", m);
  else if (l == Language::En)
    std::snprintf(buf, sizeof buf, "%dh%02d", m / 60, m % 60);
  else
    std::snprintf(buf, sizeof buf, "%d h %02d", m / 60, m % 60);
  return buf;
}

std::string format_quote(Language l, int m) {
  // The engine quotes 0 when a table fits the party now: "0 min" read as a
  // broken promise by a guest still standing at the door.
  return m <= 0 ? std::string(tr(l, "wl.free_now")) : format_minutes(l, m);
}

const char* status_text(Language l, ReservationStatus s) {
  return status_name(l, s);  // the engine names statuses, in both languages
}

const char* status_text(Language l, WaitlistStatus s) {
  switch (s) {
    case WaitlistStatus::Waiting:
      return tr(l, "wl.waiting");
    case WaitlistStatus::Notified:
      return tr(l, "wl.notified");
    case WaitlistStatus::Called:
      return tr(l, "wl.called");
    case WaitlistStatus::Converted:
      return tr(l, "wl.converted");
    case WaitlistStatus::Expired:
      return tr(l, "wl.expired");
    case WaitlistStatus::Cancelled:
      return tr(l, "wl.cancelled");
  }
  return "";
}

}  // namespace foh::ui
