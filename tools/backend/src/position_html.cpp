#include "position_html.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace foh::backend {
namespace {

struct Words {
  const char* html_lang;
  const char* title;
  const char* your_place;
  const char* party;
  const char* wait;
  const char* free_now;
  const char* no_table;
  const char* minutes;
  const char* updated;
  const char* notified;
  const char* leave;
  const char* closed_title;
  const char* closed_body;
  const char* left_title;
  const char* left_body;
  const char* refused_title;
  const char* refused_body;
  const char* refresh_note;
  const char* down_title;
  const char* down_body;
};

constexpr Words kFr{"fr",
                    "Votre place dans la file",
                    "Votre position",
                    "Couverts :",
                    "Attente estimée",
                    "Votre table se libère : présentez-vous à l'accueil",
                    "Aucune table ne convient encore : l'équipe vous préviendra",
                    "min",
                    "Mis à jour à",
                    "Votre table est prête : présentez-vous à l'accueil",
                    "Quitter la liste",
                    "Entrée fermée",
                    "Cette inscription sur la liste d'attente est fermée ou n'existe pas.",
                    "Vous avez quitté la liste",
                    "Votre place a été libérée. Merci, et à bientôt.",
                    "Demande refusée",
                    "Utilisez le bouton de la page de suivi pour quitter la liste.",
                    "Cette page se met à jour toute seule.",
                    "Indisponible",
                    "Le suivi ne répond pas pour le moment : réessayez dans un instant."};

constexpr Words kEn{"en",
                    "Your place in the queue",
                    "Your position",
                    "Party of",
                    "Estimated wait",
                    "Your table is freeing up: please come to the host stand",
                    "No table fits your party yet: the team will let you know",
                    "min",
                    "Updated at",
                    "Your table is ready: please come to the host stand",
                    "Leave the list",
                    "Entry closed",
                    "This waiting-list entry is closed or does not exist.",
                    "You have left the list",
                    "Your place has been given up. Thank you, and see you soon.",
                    "Request refused",
                    "Use the button on your tracking page to leave the list.",
                    "This page updates itself.",
                    "Unavailable",
                    "Tracking is not answering right now: try again in a moment."};

const Words& words(PageLang l) { return l == PageLang::En ? kEn : kFr; }

// Sizes in rem, so the page follows the phone's text size.
constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;background:#f6f4ef;"
    "color:#222;line-height:1.4}"
    "main{max-width:28rem;margin:0 auto}"
    "h1{font-size:1.3rem;margin:0 0 .25rem}"
    ".place{font-size:1rem;color:#555;margin:0}"
    ".pos{font-size:4.5rem;font-weight:700;margin:.5rem 0;color:#1d5c4d}"
    ".card{background:#fff;border-radius:.75rem;padding:1rem;margin:1rem 0;"
    "box-shadow:0 .1rem .4rem rgba(0,0,0,.08)}"
    ".wait{font-size:1.4rem;font-weight:600}"
    ".note{color:#666;font-size:.9rem}"
    "button{width:100%;min-height:3rem;font-size:1.1rem;border:0;border-radius:.75rem;"
    "background:#b3261e;color:#fff;margin-top:1rem}";

std::string head(const Words& w, const std::string& title, int refresh_seconds) {
  std::string h = "<!DOCTYPE html><html lang=\"";
  h += w.html_lang;
  h += "\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
       "<meta name=\"robots\" content=\"noindex\">";
  if (refresh_seconds > 0)
    h += "<meta http-equiv=\"refresh\" content=\"" + std::to_string(refresh_seconds) + "\">";
  h += "<title>" + html_escape(title) + "</title><style>";
  h += kStyle;
  h += "</style></head><body><main>";
  return h;
}

constexpr const char* kTail = "</main></body></html>\n";

std::string message_page(PageLang l, const char* title, const std::string& subtitle,
                         const char* body) {
  const Words& w = words(l);
  std::string h = head(w, title, 0);
  h += "<h1>" + html_escape(title) + "</h1>";
  if (!subtitle.empty()) h += "<p class=\"place\">" + html_escape(subtitle) + "</p>";
  h += "<div class=\"card\"><p id=\"message\">" + html_escape(body) + "</p></div>";
  return h + kTail;
}

}  // namespace

PageLang lang_from_locale(std::string_view locale) {
  return locale.size() >= 2 && std::tolower(static_cast<unsigned char>(locale[0])) == 'e' &&
                 std::tolower(static_cast<unsigned char>(locale[1])) == 'n'
             ? PageLang::En
             : PageLang::Fr;
}

PageLang pick_language(std::string_view header, PageLang fallback) {
  double best_q = 0;
  std::optional<PageLang> best;
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    size_t semi = item.find(';');
    std::string_view tag = item.substr(0, semi);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    double q = 1.0;
    if (semi != std::string_view::npos) {
      std::string params(item.substr(semi + 1));
      if (size_t at = params.find("q="); at != std::string::npos)
        q = std::strtod(params.c_str() + at + 2, nullptr);
    }
    std::string primary(tag.substr(0, tag.find('-')));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    std::optional<PageLang> lang;
    if (primary == "fr") lang = PageLang::Fr;
    if (primary == "en") lang = PageLang::En;
    // Strictly greater: of equal weights the first listed wins, as browsers mean.
    if (lang && q > best_q) {
      best_q = q;
      best = lang;
    }
  }
  return best.value_or(fallback);
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

QuoteRange quote_range(int m) {
  if (m <= 0) return {0, 0};
  int lo = m / 5 * 5;
  return {lo, lo + 10};
}

std::string render_position(const PositionView& v, PageLang l) {
  const Words& w = words(l);
  std::string h = head(w, w.title, v.refresh_seconds);
  h += "<h1>" + html_escape(v.restaurant_name) + "</h1>";
  h += "<p class=\"place\">" + html_escape(w.your_place) + "</p>";
  h += "<p class=\"pos\" id=\"position\">" + std::to_string(v.position) + "</p>";
  h += "<div class=\"card\"><p>" + html_escape(w.party) + " <span id=\"party\">" +
       std::to_string(v.party_size) + "</span></p>";
  if (v.status == "notified" || v.status == "called") {
    h += "<p class=\"wait\" id=\"wait\">" + html_escape(w.notified) + "</p>";
  } else if (!v.quote) {
    h += "<p class=\"wait\" id=\"wait\">" + html_escape(w.no_table) + "</p>";
  } else if (v.quote->hi == 0) {
    h += "<p class=\"wait\" id=\"wait\">" + html_escape(w.free_now) + "</p>";
  } else {
    h += "<p>" + html_escape(w.wait) + "</p><p class=\"wait\" id=\"wait\">" +
         std::to_string(v.quote->lo) + "–" + std::to_string(v.quote->hi) + " " + w.minutes + "</p>";
  }
  h += "<p class=\"note\" id=\"updated\">" + html_escape(w.updated) + " " +
       html_escape(v.updated_hhmm) + ". " + html_escape(w.refresh_note) + "</p></div>";
  // Same-origin form carrying the token: the leave route checks both.
  h += "<form method=\"post\" action=\"/w/" + html_escape(v.token) + "/leave\">";
  h += "<input type=\"hidden\" name=\"token\" value=\"" + html_escape(v.token) + "\">";
  h += "<button type=\"submit\" id=\"leave\">" + html_escape(w.leave) + "</button></form>";
  return h + kTail;
}

std::string render_closed(PageLang l) {
  const Words& w = words(l);
  return message_page(l, w.closed_title, "", w.closed_body);
}

std::string render_left(const std::string& restaurant_name, PageLang l) {
  const Words& w = words(l);
  return message_page(l, w.left_title, restaurant_name, w.left_body);
}

std::string render_refused(PageLang l) {
  const Words& w = words(l);
  return message_page(l, w.refused_title, "", w.refused_body);
}

std::string render_unavailable(PageLang l) {
  const Words& w = words(l);
  return message_page(l, w.down_title, "", w.down_body);
}

}  // namespace foh::backend
