#include "position_page.hpp"

#include <httplib.h>

#include <iostream>

#include "foh/engine/codec.hpp"
#include "foh/engine/waitlist.hpp"
#include "pg_tx.hpp"

namespace foh::backend {
namespace {

// Tokens are long random strings (uuid or base64url); anything else is
// answered "closed" without asking the database.
constexpr const char* kTokenRoute = R"(/w/([A-Za-z0-9_-]{16,128}))";
constexpr int kRefreshSeconds = 30;
constexpr const char* kPageTimeoutMs = "2000";

// The page holds a token in its URL and a form that changes the entry: no
// referrer, no cache, no frame, no script, styles inline only.
void secure_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; "
                 "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Vary", "Accept-Language");
}

void send_html(httplib::Response& res, int status, std::string body) {
  secure_headers(res);
  res.status = status;
  res.set_content(std::move(body), "text/html; charset=utf-8");
}

PageLang guest_lang(const httplib::Request& req, PageLang fallback) {
  return pick_language(req.get_header_value("Accept-Language"), fallback);
}

// One short transaction on the owner's connection: the function is the only
// door (migration 020), the statement is bounded like a REST one.
Result<std::optional<std::string>, ApiError> call(PgPool& pool, const char* sql,
                                                  const std::string& token) {
  auto lease = pool.acquire();
  PgTx tx(lease.get(), false);
  if (!tx.begun()) return tx.begin_error();
  auto limited = tx.exec("select set_config('statement_timeout', $1, true)", {kPageTimeoutMs});
  if (!limited.ok()) return limited.error();
  auto rows = tx.exec(sql, {token});
  if (!rows.ok()) return rows.error();
  if (auto e = tx.commit(); !e.ok()) return e.error();
  const Rows& r = rows.value();
  if (!r.size() || r.data[0].empty()) return std::optional<std::string>{};
  return r.data[0][0];
}

// The leave form must come from the page itself: its hidden token equals the
// path's, and a browser's Origin / Sec-Fetch-Site (when sent) say same origin.
bool same_origin_form(const httplib::Request& req, const std::string& token) {
  if (!req.has_param("token") || req.get_param_value("token") != token) return false;
  // A browser that sends Sec-Fetch-Site says where the form was; the Origin
  // is then "null" (the page's no-referrer policy), so only it decides.
  std::string site = req.get_header_value("Sec-Fetch-Site");
  if (!site.empty()) return site == "same-origin";
  std::string origin = req.get_header_value("Origin");
  if (!origin.empty() && origin != "null") {
    std::string host = req.get_header_value("Host");
    if (origin != "http://" + host && origin != "https://" + host) return false;
  }
  return true;
}

std::string text_of(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<PageQuote> quote_entry(const nlohmann::json& page) {
  auto venue = decode_venue(page.at("venue"), "position_page.venue");
  if (!venue) return venue.error();
  auto day = decode_day(page.at("day"), "position_page.day");
  if (!day) return day.error();
  day->utc_offset_s = page.value("utc_offset_s", 0);
  auto now = LocalInstant::parse(text_of(page, "local_now"));
  if (!now) return Error{"position_page.local_now", "not a local timestamp"};
  auto plan = plan_waitlist(*venue, *day, *now);
  if (!plan) return plan.error();
  std::string id = text_of(page.at("entry"), "id");
  for (const WaitQuote& q : plan->quotes)
    if (q.entry_id == id)
      return PageQuote{q.seatable ? std::optional<int>(q.quoted_minutes) : std::nullopt};
  // A notified or called party is past quoting; the page says so instead.
  return PageQuote{};
}

void PositionPage::mount(httplib::Server& server) {
  server.Get(kTokenRoute, [this](const httplib::Request& q, httplib::Response& r) { show(q, r); });
  server.Post(std::string(kTokenRoute) + "/leave",
              [this](const httplib::Request& q, httplib::Response& r) { leave(q, r); });
  // Malformed tokens: the same closed page as an unknown one.
  auto closed = [](const httplib::Request& q, httplib::Response& r) {
    send_html(r, 404, render_closed(guest_lang(q, PageLang::Fr)));
  };
  server.Get(R"(/w/.*)", closed);
  server.Post(R"(/w/.*)", closed);
}

void PositionPage::show(const httplib::Request& req, httplib::Response& res) {
  std::string token = req.matches[1];
  auto got = call(pool_, "select foh_private.position_page($1)::text", token);
  if (!got.ok()) {
    std::cerr << "foh-backend: position page: " << got.error().code << "\n";
    return send_html(res, 503, render_unavailable(guest_lang(req, PageLang::Fr)));
  }
  const auto& text = got.value();
  if (!text) return send_html(res, 404, render_closed(guest_lang(req, PageLang::Fr)));
  nlohmann::json page = nlohmann::json::parse(*text);
  PageLang lang = guest_lang(req, lang_from_locale(text_of(page, "restaurant_locale")));
  const nlohmann::json& entry = page.at("entry");
  PositionView v;
  v.token = token;
  v.restaurant_name = text_of(page, "restaurant_name");
  v.position = entry.value("position", 0);
  v.party_size = entry.value("party_size", 0);
  v.status = text_of(entry, "status");
  v.updated_hhmm = text_of(page, "local_now").substr(11, 5);
  v.refresh_seconds = kRefreshSeconds;
  auto quote = quote_entry(page);
  if (!quote) {
    // The floor or the day does not decode: the position still helps the
    // guest; the log names the engine's reason (no guest data in it).
    std::cerr << "foh-backend: position page quote: " << quote.error().text() << "\n";
  } else {
    if (quote->minutes) v.quote = quote_range(*quote->minutes);
  }
  send_html(res, 200, render_position(v, lang));
}

void PositionPage::leave(const httplib::Request& req, httplib::Response& res) {
  std::string token = req.matches[1];
  PageLang lang = guest_lang(req, PageLang::Fr);
  if (!same_origin_form(req, token)) return send_html(res, 403, render_refused(lang));
  // The name for the goodbye page, read before the entry closes.
  std::string name;
  if (auto page = call(pool_, "select foh_private.position_page($1)::text", token);
      page.ok() && page.value()) {
    auto j = nlohmann::json::parse(*page.value());
    name = text_of(j, "restaurant_name");
    lang = guest_lang(req, lang_from_locale(text_of(j, "restaurant_locale")));
  }
  auto left = call(pool_, "select foh_private.waitlist_leave($1)", token);
  if (!left.ok()) {
    std::cerr << "foh-backend: position page leave: " << left.error().code << "\n";
    return send_html(res, 503, render_unavailable(lang));
  }
  const auto& status = left.value();
  // Cancelled now or before (a second tap, a reload): the same answer.
  if (status && *status == "cancelled") return send_html(res, 200, render_left(name, lang));
  send_html(res, 404, render_closed(lang));
}

}  // namespace foh::backend
