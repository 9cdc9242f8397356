// JWT HS256 and the apikey/bearer rules, without a server.
#include <doctest/doctest.h>

#include "api_error.hpp"
#include "auth.hpp"
#include "jwt.hpp"

using namespace foh::backend;

TEST_CASE("base64url round-trips every length") {
  std::string s;
  for (int n = 0; n < 40; ++n) {
    auto back = base64url_decode(base64url_encode(s));
    REQUIRE(back.ok());
    CHECK(*back == s);
    s += static_cast<char>(n * 37 + 11);
  }
}

TEST_CASE("a signed token verifies; a changed one or another secret does not") {
  nlohmann::json claims = {{"role", "authenticated"}, {"restaurant_id", "r1"}, {"exp", 2000}};
  std::string t = jwt_sign(claims, "secret");
  auto ok = jwt_verify(t, "secret", 1000);
  REQUIRE(ok.ok());
  CHECK((*ok)["restaurant_id"] == "r1");
  CHECK_FALSE(jwt_verify(t, "other", 1000).ok());
  std::string tampered = t;
  tampered[t.find('.') + 3] ^= 1;
  CHECK_FALSE(jwt_verify(tampered, "secret", 1000).ok());
  CHECK_FALSE(jwt_verify("abc", "secret", 1000).ok());
  auto expired = jwt_verify(t, "secret", 2000);
  REQUIRE_FALSE(expired.ok());
  CHECK(expired.error().message == "JWT expired");
}

TEST_CASE("alg none is refused") {
  std::string head = base64url_encode(R"({"alg":"none","typ":"JWT"})");
  std::string body = base64url_encode(R"({"role":"service_role"})");
  CHECK_FALSE(jwt_verify(head + "." + body + ".", "secret", 0).ok());
}

TEST_CASE("authenticate: apikey required and known, bearer decides the role") {
  AuthConfig cfg{"s", jwt_sign({{"role", "anon"}}, "s"), jwt_sign({{"role", "service_role"}}, "s")};
  auto none = authenticate(cfg, "", "", 0);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().status == 401);
  CHECK_FALSE(authenticate(cfg, "not-a-key", "", 0).ok());
  auto anon = authenticate(cfg, cfg.anon_key, "", 0);
  REQUIRE(anon.ok());
  CHECK(anon.value().role == "anon");
  std::string staff = jwt_sign({{"role", "authenticated"}, {"exp", 100}}, "s");
  auto who = authenticate(cfg, cfg.anon_key, "Bearer " + staff, 50);
  REQUIRE(who.ok());
  CHECK(who.value().role == "authenticated");
  auto late = authenticate(cfg, cfg.anon_key, "Bearer " + staff, 100);
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().code == "PGRST301");
  auto odd_role =
      authenticate(cfg, cfg.anon_key, "Bearer " + jwt_sign({{"role", "postgres"}}, "s"), 0);
  CHECK_FALSE(odd_role.ok());
}

TEST_CASE("SQLSTATE to HTTP status as PostgREST documents it") {
  CHECK(status_for_sqlstate("23505", true) == 409);
  CHECK(status_for_sqlstate("23503", true) == 409);
  CHECK(status_for_sqlstate("23P01", true) == 409);
  CHECK(status_for_sqlstate("42501", true) == 403);
  CHECK(status_for_sqlstate("42501", false) == 401);
  CHECK(status_for_sqlstate("42P01", true) == 404);
  CHECK(status_for_sqlstate("P0001", true) == 400);
  CHECK(status_for_sqlstate("08006", true) == 503);
  CHECK(status_for_sqlstate("40001", true) == 500);
  CHECK(status_for_sqlstate("22P02", true) == 400);
}
