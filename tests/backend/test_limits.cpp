// The gateway's request limits and its planner, without a server: the JSON
// depth scanner, the UTF-8 validator, and plan_request() refusing what would
// have crashed it (request_limits.hpp, request_plan.hpp).
#include <doctest/doctest.h>

#include <string>

#include "request_limits.hpp"
#include "request_plan.hpp"

using namespace foh::backend;

namespace {

std::string nested(int depth, const char* open = "[", const char* close = "]") {
  std::string s;
  for (int i = 0; i < depth; ++i) s += open;
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}

Catalog kiosk_catalog() {
  TableInfo t;
  t.name = "waitlist_entries";
  t.columns = {"id", "name", "party_size", "notes"};
  t.primary_key = {"id"};
  return Catalog::from(
      {t}, {FunctionInfo{"waitlist_position", {{"p_token", "uuid", false}}, false}}, {});
}

RequestView request(std::string method, std::string path, std::string_view body = {}) {
  RequestView r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.body = body;
  return r;
}

ApiError error_of(const foh::Result<Statement, ApiError>& o) {
  REQUIRE_FALSE(o.ok());
  return o.error();
}

}  // namespace

TEST_CASE("json_depth counts brackets outside strings only") {
  CHECK(json_depth("") == 0);
  CHECK(json_depth("42") == 0);
  CHECK(json_depth("[]") == 1);
  CHECK(json_depth(R"({"a":[{"b":[1,2]},3]})") == 4);
  CHECK(json_depth(R"({"a":"[[[[{{{{"})") == 1);  // brackets in a string
  CHECK(json_depth(R"({"a":"\"[[[[\\"})") == 1);  // escaped quotes stay in the string
  CHECK(json_depth(R"(["\\",[[]]])") == 3);       // an escaped backslash ends the escape
  CHECK(json_depth(nested(kMaxJsonDepth)) == kMaxJsonDepth);
  CHECK(json_depth(nested(kMaxJsonDepth + 1)) > kMaxJsonDepth);
  CHECK(json_depth(nested(100000, "{\"a\":", "}")) > kMaxJsonDepth);
}

TEST_CASE("valid_utf8 takes RFC 3629 UTF-8 and nothing else") {
  CHECK(valid_utf8(""));
  CHECK(valid_utf8("Table 12 — terrasse, crème brûlée, 日本, 🍷"));
  CHECK_FALSE(valid_utf8("\xff"));
  CHECK_FALSE(valid_utf8("caf\xc3"));           // truncated sequence
  CHECK_FALSE(valid_utf8("\xc0\xaf"));          // overlong '/'
  CHECK_FALSE(valid_utf8("\xe0\x80\xaf"));      // overlong, 3 bytes
  CHECK_FALSE(valid_utf8("\xed\xa0\x80"));      // a UTF-16 surrogate
  CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(valid_utf8("\x80"));              // a lone continuation byte
  CHECK(valid_utf8(std::string("a\0b", 3)));    // NUL is UTF-8 (the parser decides)
}

TEST_CASE("check_json_body refuses deep, oversize and non-UTF-8 bodies before parsing") {
  CHECK(check_json_body(R"({"name":"Ann","party_size":2})").ok());
  auto deep = check_json_body(nested(kMaxJsonDepth + 1));
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().status == 400);
  CHECK(deep.error().code == "PGRST102");
  auto bad = check_json_body("{\"name\":\"\xff\"}");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().status == 400);
  std::string big(kMaxJsonBodyBytes + 1, ' ');
  auto large = check_json_body(big);
  REQUIRE_FALSE(large.ok());
  CHECK(large.error().status == 400);
  CHECK(large.error().code == "PGRST102");
  CHECK(check_json_body(std::string(kMaxJsonBodyBytes - 2, ' ') + "{}").ok());
}

TEST_CASE("plan_request refuses a body nested 100 000 deep without recursing") {
  Catalog c = kiosk_catalog();
  std::string deep = "[" + nested(100000, "{\"a\":", "}") + "]";
  CHECK(error_of(plan_request(request("POST", "/rest/v1/waitlist_entries", deep), c)).code ==
        "PGRST102");
  std::string args = "{\"p_token\":" + nested(100000) + "}";
  CHECK(error_of(plan_request(request("POST", "/rest/v1/rpc/waitlist_position", args), c)).code ==
        "PGRST102");
  // Just inside the limit: planned, and its SQL parameter is the body re-serialised.
  std::string ok = "[{\"notes\":" + nested(kMaxJsonDepth - 2) + "}]";
  auto planned = plan_request(request("POST", "/rest/v1/waitlist_entries", ok), c);
  REQUIRE(planned.ok());
  CHECK(planned.value().params.at(0) == ok);
}

TEST_CASE("plan_request answers invalid UTF-8 anywhere with 400 and a JSON-safe error") {
  Catalog c = kiosk_catalog();
  auto path = error_of(plan_request(request("GET", "/rest/v1/waitlist\xff"), c));
  CHECK(path.status == 400);
  CHECK(path.details.value_or("").find("path") != std::string::npos);
  CHECK_NOTHROW((void)path.body().dump());
  RequestView q = request("GET", "/rest/v1/waitlist_entries");
  q.params.emplace("name", "eq.\xc3\x28");
  CHECK(error_of(plan_request(q, c)).status == 400);
  RequestView h = request("GET", "/rest/v1/waitlist_entries");
  h.headers.emplace_back("Prefer", "count=\xfe");
  CHECK(error_of(plan_request(h, c)).status == 400);
  // Found by fuzz_plan: an unknown method is echoed in PGRST117's message.
  CHECK(error_of(plan_request(request("POS\xcbT", "/rest/v1/rpc/waitlist_position"), c)).status ==
        400);
  auto body = error_of(
      plan_request(request("POST", "/rest/v1/waitlist_entries", "{\"name\":\"\xff\"}"), c));
  CHECK(body.status == 400);
}

TEST_CASE("plan_request plans HEAD as a GET, with the count when asked") {
  Catalog c = kiosk_catalog();
  RequestView head = request("HEAD", "/rest/v1/waitlist_entries");
  head.headers.emplace_back("prefer", "count=exact");
  auto planned = plan_request(head, c);
  REQUIRE(planned.ok());
  const Statement& st = planned.value();
  CHECK(st.kind == Statement::Kind::Read);
  CHECK_FALSE(st.count_sql.empty());
}
