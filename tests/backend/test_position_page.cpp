// The guest's position page (GET /w/<token>, POST /w/<token>/leave; migration
// 020, tools/backend/src/position_page.cpp) over HTTP against local.sh's
// backend: languages, escaping, the engine's quote, the 404 of a closed or
// unknown token, the security headers and an idempotent, same-origin leave.
#include <doctest/doctest.h>
#include <httplib.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "client.hpp"
#include "position_html.hpp"

using namespace fohtest;
using foh::backend::PageLang;
using nlohmann::json;

namespace {

struct Page {
  int status = 0;
  std::string body;
  httplib::Headers headers;
  std::string header(const char* k) const {
    auto it = headers.find(k);
    return it == headers.end() ? "" : it->second;
  }
};

Page fetch(const std::string& path, const std::string& lang = "") {
  httplib::Client cli(backend().host, backend().port);
  httplib::Headers h;
  if (!lang.empty()) h.emplace("Accept-Language", lang);
  auto r = cli.Get(path, h);
  REQUIRE(r);
  return {r->status, r->body, r->headers};
}

Page leave(const std::string& token, const std::string& form_token,
           const std::string& origin = "") {
  httplib::Client cli(backend().host, backend().port);
  httplib::Headers h{{"Accept-Language", "en"}};
  if (!origin.empty()) h.emplace("Origin", origin);
  auto r = cli.Post("/w/" + token + "/leave", h, "token=" + form_token,
                    "application/x-www-form-urlencoded");
  REQUIRE(r);
  return {r->status, r->body, r->headers};
}

// Today in the restaurant's zone (the seed's default, Europe/Paris), and now
// as UTC for seated_at.
std::string paris(const char* fmt) {
  setenv("TZ", "Europe/Paris", 1);
  tzset();
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, fmt, &tm);
  return buf;
}

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A waitlist entry today; its token as the database made it (read back with
// the service key: the guest gets it in the joined text).
std::string join(const std::string& r, const std::string& name, int party) {
  std::string id = uuid();
  json e = {{"id", id},
            {"restaurant_id", r},
            {"date", paris("%F")},
            {"party_size", party},
            {"guest_name", name},
            {"guest_phone", "+33 6 12 34 56 78"}};
  REQUIRE(post("/rest/v1/waitlist_entries", e, service()).status == 201);
  Resp got =
      get("/rest/v1/waitlist_entries?select=notification_token,status&id=eq." + id, service());
  REQUIRE(got.status == 200);
  REQUIRE(got.body.size() == 1);
  return got.body[0]["notification_token"];
}

std::string status_of(const std::string& token) {
  Resp got =
      get("/rest/v1/waitlist_entries?select=status&notification_token=eq." + token, service());
  REQUIRE(got.status == 200);
  return got.body.empty() ? "" : got.body[0]["status"].get<std::string>();
}

bool has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("position page: pure parts: language, escaping, range") {
  using namespace foh::backend;
  CHECK(pick_language("en-GB,en;q=0.9,fr;q=0.8", PageLang::Fr) == PageLang::En);
  CHECK(pick_language("de-DE,fr;q=0.5,en;q=0.4", PageLang::En) == PageLang::Fr);
  CHECK(pick_language("fr;q=0.2, EN-us;q=0.7", PageLang::Fr) == PageLang::En);
  CHECK(pick_language("de, es", PageLang::En) == PageLang::En);
  CHECK(pick_language("", PageLang::Fr) == PageLang::Fr);
  CHECK(html_escape("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(quote_range(0).hi == 0);
  CHECK(quote_range(12).lo == 10);
  CHECK(quote_range(12).hi == 20);
  CHECK(quote_range(90).lo == 90);
}

TEST_CASE("position page: position and quote in the guest's language, no other guest") {
  std::string r = seed_restaurant("Chez <b>\"Zoé\"</b> & 'Co'");
  std::string first = join(r, "Alphonse Premier", 2);
  std::string second = join(r, "<script>alert(1)</script>", 2);

  Page en = fetch("/w/" + second, "en-GB,en;q=0.9,fr;q=0.5");
  REQUIRE(en.status == 200);
  CHECK(has(en.body, "<html lang=\"en\""));
  CHECK(has(en.body, "Your position"));
  CHECK(has(en.body, "id=\"position\">2<"));
  CHECK(has(en.body, "id=\"party\">2<"));
  CHECK(has(en.body, "Chez &lt;b&gt;&quot;Zoé&quot;&lt;/b&gt; &amp; &#39;Co&#39;"));
  CHECK_FALSE(has(en.body, "<b>"));
  // Neither the other guest nor this one is named; no script at all.
  CHECK_FALSE(has(en.body, "Alphonse"));
  CHECK_FALSE(has(en.body, "script"));
  CHECK_FALSE(has(en.body, first));
  CHECK(has(en.body, "http-equiv=\"refresh\""));

  Page fr = fetch("/w/" + first, "fr-FR,fr;q=0.9,en;q=0.8");
  REQUIRE(fr.status == 200);
  CHECK(has(fr.body, "<html lang=\"fr\""));
  CHECK(has(fr.body, "Votre position"));
  CHECK(has(fr.body, "id=\"position\">1<"));
  CHECK(has(fr.body, "Quitter la liste"));
  // No Accept-Language: the restaurant's locale (the seed's default, fr).
  CHECK(has(fetch("/w/" + first).body, "Votre position"));

  for (const Page* p : {&en, &fr}) {
    CHECK(has(p->header("Content-Security-Policy"), "default-src 'self'"));
    CHECK(has(p->header("Content-Security-Policy"), "script-src 'none'"));
    CHECK(p->header("X-Content-Type-Options") == "nosniff");
    CHECK(p->header("Referrer-Policy") == "no-referrer");
    CHECK(p->header("Cache-Control") == "no-store");
    CHECK(has(p->header("Content-Type"), "text/html"));
  }
}

TEST_CASE("position page: the quote is the engine's, as a range") {
  std::string r = seed_restaurant("Quote range");
  // Every table seated now by a party of four: the turn time for four is 90
  // minutes, so a couple waits about 90 minutes.
  for (const char* t : {"1", "2", "3", "4"}) {
    json res = reservation(r, t, paris("%F"), paris("%H:%M"), 4);
    res["status"] = "Seated";
    res["seated_at"] = utc_now();
    REQUIRE(post("/rest/v1/reservations", res, service()).status == 201);
  }
  std::string token = join(r, "Couple", 2);
  Page en = fetch("/w/" + token, "en");
  REQUIRE(en.status == 200);
  bool range = has(en.body, ">85–95 min<") || has(en.body, ">90–100 min<");
  CHECK_MESSAGE(range, en.body);
  // A party no table admits is told so, not given a number.
  std::string big = join(r, "Banquet", 12);
  CHECK(has(fetch("/w/" + big, "en").body, "No table fits your party yet"));
}

TEST_CASE("position page: unknown, malformed and closed tokens are a 404 in the guest's language") {
  Page fr = fetch("/w/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "fr");
  CHECK(fr.status == 404);
  CHECK(has(fr.body, "Entrée fermée"));
  CHECK(fr.header("Cache-Control") == "no-store");
  Page en = fetch("/w/short", "en-US");
  CHECK(en.status == 404);
  CHECK(has(en.body, "Entry closed"));
  CHECK(fetch("/w/%3Cscript%3E", "en").status == 404);
  CHECK(fetch("/w/" + std::string(200, 'a'), "en").status == 404);

  std::string r = seed_restaurant("Closed entry");
  std::string token = join(r, "Seated already", 2);
  REQUIRE(fetch("/w/" + token, "en").status == 200);
  Resp seated = patch("/rest/v1/waitlist_entries?notification_token=eq." + token,
                      {{"status", "converted"}}, service());
  REQUIRE(seated.status / 100 == 2);
  CHECK(fetch("/w/" + token, "en").status == 404);
}

TEST_CASE("position page: leave is same-origin, goes through once and is idempotent") {
  std::string r = seed_restaurant("Leaving");
  std::string token = join(r, "Changed mind", 3);
  std::string other = join(r, "Stays", 2);

  // Not the page's own form: refused, nothing changes.
  CHECK(leave(token, "").status == 403);
  CHECK(leave(token, other).status == 403);
  CHECK(leave(token, token, "https://evil.example").status == 403);
  CHECK(leave(other, token).status == 403);
  CHECK(status_of(token) == "waiting");

  std::string origin = "http://" + backend().host + ":" + std::to_string(backend().port);
  Page gone = leave(token, token, origin);
  CHECK(gone.status == 200);
  CHECK(has(gone.body, "You have left the list"));
  CHECK(gone.header("Referrer-Policy") == "no-referrer");
  CHECK(status_of(other) == "waiting");
  // The entry may be read by its id only: the database may retire the token.
  Resp cancelled =
      get("/rest/v1/waitlist_entries?select=status&restaurant_id=eq." + r + "&status=eq.cancelled",
          service());
  CHECK(cancelled.body.size() == 1);
  // A second tap or a reload of the POST: the same page, no change.
  Page again = leave(token, token, origin);
  CHECK((again.status == 200 || again.status == 404));
  CHECK(
      get("/rest/v1/waitlist_entries?select=status&restaurant_id=eq." + r + "&status=eq.cancelled",
          service())
          .body.size() == 1);
  CHECK(fetch("/w/" + token, "en").status == 404);
  CHECK(fetch("/w/" + other, "en").body.find("id=\"position\">1<") != std::string::npos);
}
