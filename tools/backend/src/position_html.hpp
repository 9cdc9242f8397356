#pragma once
// The guest's position page as HTML, in French or English: pure functions of
// what the database and the engine said, so that escaping, languages and the
// quoted range are tested without a server. Every value from the database is
// HTML-escaped; the page has no script and no other origin.
#include <optional>
#include <string>
#include <string_view>

namespace foh::backend {

enum class PageLang { Fr, En };

// The guest's language from Accept-Language ("en-GB,en;q=0.9,fr;q=0.8"): the
// highest-q tag whose primary subtag is fr or en; `fallback` (the restaurant's)
// when none is.
PageLang pick_language(std::string_view accept_language, PageLang fallback);
PageLang lang_from_locale(std::string_view locale);  // "en..." -> En, else Fr

std::string html_escape(std::string_view s);

// The range the page quotes around the engine's minutes: a guest reads a
// window, not a promise to the minute. lo = minutes rounded down to 5, hi =
// lo + 10; 0 minutes (a table fits now) is {0, 0}.
struct QuoteRange {
  int lo = 0, hi = 0;
};
QuoteRange quote_range(int quoted_minutes);

struct PositionView {
  std::string token;  // goes back in the leave form (escaped)
  std::string restaurant_name;
  int position = 0;
  int party_size = 0;
  std::string status;               // waiting, notified, called
  std::optional<QuoteRange> quote;  // nullopt: no table seats the party
  std::string updated_hhmm;         // restaurant-local time the page was made
  int refresh_seconds = 30;
};

std::string render_position(const PositionView& v, PageLang l);
// 404: unknown token or closed entry, said in the guest's language.
std::string render_closed(PageLang l);
// After "leave the list" (also when it was left before: idempotent).
std::string render_left(const std::string& restaurant_name, PageLang l);
// 503: the database did not answer (the guest may retry; nothing is said closed).
std::string render_unavailable(PageLang l);
// 403: a leave that did not come from the page's own form.
std::string render_refused(PageLang l);

}  // namespace foh::backend
