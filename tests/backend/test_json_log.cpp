// foh-backend's JSON log lines: shape, and no secret ever written (issue 15, item 7).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "json_log.hpp"

using foh::backend::json_log_line;
using foh::backend::redact;

namespace {
const std::string kJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYXV0aGVudGljYXRlZCJ9.c2lnbmF0dXJlLXZhbHVl";
}

TEST_CASE("json log: a request line is one JSON object with ts, level, msg and fields") {
  auto line =
      json_log_line("info", "request",
                    {{"method", "POST"}, {"path", "/rpc/pin_login"}, {"status", 200}, {"ms", 1.5}});
  CHECK(line.find('\n') == std::string::npos);
  auto j = nlohmann::json::parse(line);
  CHECK(j["level"] == "info");
  CHECK(j["msg"] == "request");
  CHECK(j["method"] == "POST");
  CHECK(j["path"] == "/rpc/pin_login");
  CHECK(j["status"] == 200);
  CHECK(j["ms"] == 1.5);
  CHECK(j["ts"].get<std::string>().size() == 24);  // 2026-12-02T17:43:06.123Z
}

TEST_CASE("json log: PIN, hash, salt, token and Authorization values never reach a line") {
  auto line = json_log_line(
      "info", "pin login body {\"pin\":\"4821\",\"member\":\"m1\"} Authorization: Bearer " + kJwt,
      {{"path", "/rpc/pin_login?pin=4821&token=" + kJwt},
       {"pin", "4821"},
       {"pin_hash", "9f86d081884c7d65"},
       {"salt", "a1b2c3d4"},
       {"authorization", "Bearer " + kJwt},
       {"note", "device " + kJwt},
       {"member", "m1"}});
  for (const std::string& secret : {std::string("4821"), std::string("9f86d081884c7d65"),
                                    std::string("a1b2c3d4"), kJwt, std::string("eyJ")})
    CHECK_MESSAGE(line.find(secret) == std::string::npos, secret, " in ", line);
  CHECK(line.find("m1") != std::string::npos);  // the member id stays: it is not a secret
}

TEST_CASE("json log: redact keeps ordinary text as it is") {
  CHECK(redact("GET /rest/v1/bookings 200") == "GET /rest/v1/bookings 200");
  CHECK(redact("pin=1234&x=2") == "pin=[redacted]&x=2");
  CHECK(redact("Authorization: Bearer abc.def") == "Authorization:[redacted]");
}
