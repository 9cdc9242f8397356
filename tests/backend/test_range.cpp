// PostgREST's `Range: FIRST-LAST` request header on GET /rest/v1/TABLE, which
// cpp-httplib alone would answer 416; and the keep-alive framing of the
// stream that hands it to the gateway (raw socket, several requests on one
// connection, pipelined).
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "client.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

// Five reservations at 12:00..16:00 of one new restaurant; the base path.
std::string five_rows(const std::string& name) {
  std::string r = seed_restaurant(name);
  json rows = json::array();
  for (int i = 0; i < 5; ++i)
    rows.push_back(
        reservation(r, std::to_string(i % 4 + 1), "2026-12-03", std::to_string(12 + i) + ":00", 2));
  REQUIRE(post("/rest/v1/reservations", rows, service()).status == 201);
  return "/rest/v1/reservations?select=time&order=time.asc&restaurant_id=eq." + r;
}

Resp ranged(const std::string& path, const std::string& range, bool count = false) {
  Call c = with(service(), "Range", range);
  c = with(c, "Range-Unit", "items");
  if (count) c = with(c, "Prefer", "count=exact");
  return get(path, c);
}

// Sends `wire` on one new connection and reads until `answers` HTTP answers
// have come back or the server closes; returns all bytes read.
std::string send_all_and_read(const std::string& wire, int answers) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(backend().port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  REQUIRE(send(fd, wire.data(), wire.size(), 0) == static_cast<ssize_t>(wire.size()));
  std::string in;
  auto count = [&] {
    int n = 0;
    for (size_t p = in.find("HTTP/1.1 "); p != std::string::npos; p = in.find("HTTP/1.1 ", p + 1))
      ++n;
    return n;
  };
  char buf[8192];
  while (count() < answers || in.rfind("\r\n\r\n") == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 10000) <= 0) break;
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    in.append(buf, static_cast<size_t>(n));
    // The last answer is complete once its JSON body has arrived.
    if (count() >= answers && in.back() == ']') break;
  }
  close(fd);
  return in;
}

std::string request_text(const std::string& method, const std::string& path,
                         const std::string& extra_headers, const std::string& body) {
  return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: " + backend().service_key +
         "\r\n" + extra_headers +
         "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

}  // namespace

TEST_CASE("Range: FIRST-LAST pages a GET as PostgREST does") {
  std::string base = five_rows("Range");

  Resp two = ranged(base, "0-1");
  REQUIRE(two.status == 200);  // no count: never partial
  REQUIRE(two.body.size() == 2);
  CHECK(two.body[0]["time"] == "12:00:00");
  CHECK(two.header("Content-Range") == "0-1/*");

  Resp tail = ranged(base, "3-", true);
  CHECK(tail.status == 206);
  REQUIRE(tail.body.size() == 2);
  CHECK(tail.body[0]["time"] == "15:00:00");
  CHECK(tail.header("Content-Range") == "3-4/5");

  Resp whole = ranged(base, "0-99", true);
  CHECK(whole.status == 200);
  CHECK(whole.body.size() == 5);
  CHECK(whole.header("Content-Range") == "0-4/5");

  // Intersected with limit/offset: rows 2..3 of [1, 3].
  Resp both = ranged(base + "&limit=3&offset=1", "2-9");
  REQUIRE(both.body.size() == 2);
  CHECK(both.body[0]["time"] == "14:00:00");
  CHECK(both.header("Content-Range") == "2-3/*");

  Resp reversed = ranged(base, "3-1");
  CHECK(reversed.status == 416);
  CHECK(reversed.code() == "PGRST103");
  Resp disjoint = ranged(base + "&limit=2", "5-9");
  CHECK(disjoint.status == 416);
  CHECK(disjoint.code() == "PGRST103");
  Resp beyond = ranged(base, "10-20", true);
  CHECK(beyond.status == 416);
  CHECK(beyond.code() == "PGRST103");
  CHECK(beyond.body["details"].get<std::string>().find("only 5 rows") != std::string::npos);
  CHECK(beyond.header("Content-Range") == "*/5");  // PostgREST names the total

  // Not PostgREST's form: ignored, as PostgREST does (and not httplib's bytes=).
  Resp bytes = ranged(base, "bytes=0-1");
  CHECK(bytes.status == 200);
  CHECK(bytes.body.size() == 5);
  // Writes ignore Range.
  Resp patched = patch("/rest/v1/reservations?notes=eq.none&id=eq." + uuid(), {{"notes", "x"}},
                       with(service(), "Range", "0-0"));
  CHECK(patched.status == 204);
}

TEST_CASE("the Range rewrite keeps keep-alive framing: pipelined requests on one connection") {
  std::string base = five_rows("Pipeline");
  std::string r = base.substr(base.find("eq.") + 3);
  // A POST whose JSON body spans lines (one starts with "range" inside a
  // string value's key line), then two GETs with Range, all written at once.
  std::string id = uuid();
  std::string body =
      "[{\"id\":\"" + id + "\",\r\n\"restaurant_id\":\"" + r +
      "\",\r\n\"guest_name\":\"range: 0-0\",\"party_size\":2,\"date\":\"2026-12-04\","
      "\"time\":\"12:00\",\"status\":\"Cancelled\"}]";
  std::string day = base + "&date=eq.2026-12-03";
  std::string wire = request_text("POST", "/rest/v1/reservations", "", body) +
                     request_text("GET", day, "Range: 1-2\r\n", "") +
                     request_text("GET", day, "range: 4-\r\nRange-Unit: items\r\n", "");
  std::string in = send_all_and_read(wire, 3);
  size_t first = in.find("HTTP/1.1 ");
  size_t second = in.find("HTTP/1.1 ", first + 1);
  size_t third = in.find("HTTP/1.1 ", second + 1);
  REQUIRE(third != std::string::npos);
  CHECK(in.substr(first, 12) == "HTTP/1.1 201");
  CHECK(in.substr(second, 12) == "HTTP/1.1 200");
  CHECK(in.substr(third, 12) == "HTTP/1.1 200");
  CHECK(in.find("Content-Range: 1-2/*") != std::string::npos);
  CHECK(in.find("Content-Range: 4-4/*") != std::string::npos);
  // The body reached the database unchanged.
  Resp stored = get("/rest/v1/reservations?select=guest_name&id=eq." + id, service());
  REQUIRE(stored.body.size() == 1);
  CHECK(stored.body[0]["guest_name"] == "range: 0-0");
}
