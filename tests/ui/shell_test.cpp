// The shell's parsing: command-line options, scripts, the fixed clock.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "app/clock.hpp"
#include "app/options.hpp"
#include "app/script.hpp"
#include "app/session.hpp"

using namespace foh::app;

TEST_CASE("options: values, flags and errors naming the option") {
  auto o = parse_options({"--db", "/tmp/x.sqlite", "--kiosk", "--size", "1024x768", "--now",
                          "2026-11-28T19:30:00", "--scale", "1.5", "--locale", "en"});
  REQUIRE_MESSAGE(o.ok(), o.error().text());
  CHECK(o->db == "/tmp/x.sqlite");
  CHECK(o->kiosk);
  CHECK_FALSE(o->fullscreen);
  CHECK(o->width == 1024);
  CHECK(o->height == 768);
  CHECK(o->scale == doctest::Approx(1.5));
  CHECK(o->locale == "en");
  REQUIRE(o->now);
  CHECK(o->now->str() == "2026-11-28T19:30:00");

  CHECK(parse_options({"--size", "big"}).error().where == "--size");
  CHECK(parse_options({"--size", "10x10"}).error().where == "--size");
  CHECK(parse_options({"--now", "tonight"}).error().where == "--now");
  CHECK(parse_options({"--scale", "abc"}).error().where == "--scale");
  CHECK(parse_options({"--locale", "de"}).error().where == "--locale");
  CHECK(parse_options({"--bogus", "1"}).error().where == "--bogus");
  CHECK(parse_options({"--db"}).error().message == "needs a value");
  CHECK(parse_options({"stray"}).error().where == "stray");
  CHECK(parse_options({"--backend", "http://127.0.0.1:1"}).error().where == "--backend");
  CHECK(parse_options({"--device-token", "t"}).error().where == "--device-token");
  auto online = parse_options({"--backend", "http://127.0.0.1:1", "--anon-key", "k", "--restaurant",
                               "r", "--device-token", "jwt"});
  REQUIRE_MESSAGE(online.ok(), online.error().text());
  CHECK(online->device_token == "jwt");
}

TEST_CASE("script: JSON lines and arrays, errors naming line and key") {
  auto s = parse_script(
      "# a comment\n"
      "{\"tap\": [10, 20]}\n"
      "\n"
      "{\"tap_item\": \"tab_floor\"}\n"
      "{\"drag\": [1, 2, 3, 4, 300]}\n"
      "{\"wait_ms\": 500}\n"
      "{\"text\": \"Zoë\"}\n"
      "{\"dump\": \"/tmp/d.json\"}\n",
      "s.jsonl");
  REQUIRE_MESSAGE(s.ok(), s.error().text());
  REQUIRE(s->size() == 6);
  CHECK((*s)[0].kind == Step::Kind::Tap);
  CHECK((*s)[0].numbers == std::vector<double>{10, 20});
  CHECK((*s)[1].text == "tab_floor");
  CHECK((*s)[2].numbers.size() == 5);
  CHECK((*s)[4].text == "Zoë");
  CHECK((*s)[0].where == "s.jsonl:2");

  auto a = parse_script("[{\"key\": \"Enter\"}, {\"pinch\": [640, 400, 1.5]}]", "a.json");
  REQUIRE(a.ok());
  CHECK((*a)[1].kind == Step::Kind::Pinch);

  CHECK(parse_script("{\"tap\": [1]}\n", "b").error().where == "b:1.tap");
  CHECK(parse_script("{\"jump\": 1}\n", "b").error().message.find("unknown step") == 0);
  CHECK(parse_script("{\"tap\": [1, 2], \"key\": \"A\"}\n", "b").error().where == "b:1");
  CHECK(parse_script("{nope\n", "b").error().where == "b:1");
  CHECK(parse_script("{\"wait_ms\": -5}\n", "b").error().where == "b:1.wait_ms");
  CHECK(parse_script("[{\"text\": \"\"}]", "c").error().where == "c[0].text");
  CHECK_FALSE(load_script("/nonexistent/script.jsonl").ok());
}

TEST_CASE("script: a double tap, and a dump or screenshot of the busy state") {
  auto s = parse_script(
      "{\"double_tap_item\": \"form_create\"}\n"
      "{\"dump_now\": \"/tmp/busy.json\"}\n"
      "{\"screenshot_now\": \"/tmp/busy.png\"}\n",
      "s.jsonl");
  REQUIRE_MESSAGE(s.ok(), s.error().text());
  REQUIRE(s->size() == 3);
  CHECK((*s)[0].kind == Step::Kind::DoubleTapItem);
  CHECK((*s)[0].text == "form_create");
  CHECK((*s)[1].kind == Step::Kind::DumpNow);
  CHECK((*s)[2].kind == Step::Kind::ScreenshotNow);
  CHECK((*s)[2].text == "/tmp/busy.png");
  CHECK(parse_script("{\"double_tap_item\": \"\"}\n", "b").error().where == "b:1.double_tap_item");
}

TEST_CASE("fixed clock: only a script's waits move it") {
  AppClock c(foh::LocalInstant::parse("2026-11-28T19:30:00"));
  CHECK(c.fixed());
  CHECK(c.now().str() == "2026-11-28T19:30:00");
  c.advance_ms(31500);
  CHECK(c.now().str() == "2026-11-28T19:30:31");
  const auto a = c.system_now();
  c.advance_ms(1000);
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(c.system_now() - a).count() == 1000);
  AppClock real;
  CHECK_FALSE(real.fixed());
  CHECK(real.now().date().year >= 2024);
}

TEST_CASE("restaurant time zone: the process zone, set in one place") {
  const char* before = std::getenv("TZ");
  const std::string saved = before ? before : "";
  REQUIRE(use_restaurant_timezone("Europe/Paris").ok());
  std::tm utc{};
  utc.tm_year = 2026 - 1900, utc.tm_mon = 10, utc.tm_mday = 28, utc.tm_hour = 18, utc.tm_min = 30;
  const std::time_t t = timegm(&utc);  // 18:30 UTC ...
  std::tm local{};
  localtime_r(&t, &local);
  CHECK(local.tm_hour == 19);  // ... is 19:30 in Paris in November (UTC+1)
  CHECK(local.tm_min == 30);
  utc.tm_mon = 6;  // and 20:30 in July (UTC+2)
  const std::time_t summer = timegm(&utc);
  localtime_r(&summer, &local);
  CHECK(local.tm_hour == 20);
  // The day's offset that reads backend stamps (UTC) as local time.
  AppClock real;
  CHECK(real.utc_offset_s(foh::Date{2026, 11, 28}) == 3600);
  CHECK(real.utc_offset_s(foh::Date{2026, 7, 14}) == 7200);
  // A fixed clock (--now) is the restaurant's time too: its stamps are true UTC.
  AppClock fixed{foh::LocalInstant::at(foh::Date{2026, 11, 28}, *foh::TimeOfDay::parse("19:30"))};
  CHECK(fixed.utc_offset_s(foh::Date{2026, 11, 28}) == 3600);
  const std::time_t stamp = std::chrono::system_clock::to_time_t(fixed.system_now());
  CHECK(stamp == t);  // 19:30 in Paris is 18:30 UTC
  auto bad = use_restaurant_timezone("Mars/Olympus");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().where == "settings.timezone");
  CHECK(std::string(std::getenv("TZ")) == "Europe/Paris");  // unchanged by a bad zone
  CHECK_FALSE(use_restaurant_timezone("../../etc/passwd").ok());
  if (saved.empty())
    unsetenv("TZ");
  else
    setenv("TZ", saved.c_str(), 1);
  tzset();
}

TEST_CASE("session: an idle logout of 0 is off, so it asks for no redraw") {
  Session s;
  const foh::LocalInstant t0{1'000'000};
  CHECK_FALSE(s.ms_until_idle(t0, 60));  // nobody logged in
  s.begin(foh::net::Session{});
  s.touched(t0);
  CHECK_FALSE(s.ms_until_idle(t0, 0));
  CHECK_FALSE(s.idle(foh::LocalInstant{t0.seconds + 86400}, 0));
  CHECK(s.ms_until_idle(t0, 60) == 60'000);
  CHECK(s.ms_until_idle(foh::LocalInstant{t0.seconds + 90}, 60) == 0);  // overdue: now
  CHECK(s.idle(foh::LocalInstant{t0.seconds + 60}, 60));
}
