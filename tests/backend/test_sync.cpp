// The pull protocol of tools/backend/SYNC.md: a row committed late with an
// older sync_seq is not missed by a client paging with the horizon.
#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <set>

#include "client.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

// One pull as SYNC.md describes it; returns the ids seen and moves the cursor.
std::set<std::string> pull(const std::string& restaurant, long long& cursor, int page = 10) {
  Resp h = post("/rest/v1/rpc/sync_horizon", json::object(), staff(restaurant));
  REQUIRE(h.status == 200);
  long long horizon = h.body["horizon"];
  std::set<std::string> seen;
  long long after = 0;
  while (true) {
    Resp r = get("/rest/v1/reservations?select=id,sync_seq&sync_xid=gte." + std::to_string(cursor) +
                     "&sync_seq=gt." + std::to_string(after) +
                     "&order=sync_seq.asc&limit=" + std::to_string(page),
                 staff(restaurant));
    REQUIRE(r.status == 200);
    for (const auto& row : r.body) seen.insert(row["id"].get<std::string>());
    if (static_cast<int>(r.body.size()) < page) break;
    after = r.body.back()["sync_seq"];
  }
  cursor = horizon;
  return seen;
}

}  // namespace

TEST_CASE("paging by sync_seq under the horizon never misses a late commit") {
  std::string r = seed_restaurant("Sync");
  long long cursor = 0;
  for (int i = 0; i < 25; ++i)
    REQUIRE(post("/rest/v1/reservations",
                 reservation(r, std::to_string(i % 4 + 1), "2026-12-20",
                             std::to_string(10 + i / 4) + ":00"),
                 service())
                .status == 201);
  CHECK(pull(r, cursor).size() == 25);

  // A slow writer takes its sequence value first and commits last.
  PGconn* slow = PQconnectdb(backend().db.c_str());
  REQUIRE(PQstatus(slow) == CONNECTION_OK);
  PQclear(PQexec(slow, "begin"));
  json late = reservation(r, "1", "2026-12-21", "12:00");
  std::string payload = late.dump();
  const char* params[] = {payload.c_str()};
  PGresult* res = PQexecParams(slow,
                               "insert into reservations (id, restaurant_id, table_id, "
                               "table_number, guest_name, party_size, "
                               "date, time, status) select id, restaurant_id, table_id, "
                               "table_number, guest_name, party_size, "
                               "date, time, status from json_populate_record(null::reservations, "
                               "$1::json) returning sync_seq",
                               1, nullptr, params, nullptr, nullptr, 0);
  REQUIRE(PQresultStatus(res) == PGRES_TUPLES_OK);
  long long late_seq = std::stoll(PQgetvalue(res, 0, 0));
  PQclear(res);

  // Another day: the slow writer holds the overlap lock of its restaurant and date.
  json quick = reservation(r, "2", "2026-12-25", "12:00");
  Resp q = post("/rest/v1/reservations", quick, with(service(), "Prefer", "return=representation"));
  REQUIRE(q.status == 201);
  CHECK(q.body[0]["sync_seq"].get<long long>() > late_seq);

  std::set<std::string> first = pull(r, cursor);
  CHECK(first.count(quick["id"]) == 1);
  CHECK(first.count(late["id"]) == 0);  // not committed yet

  PQclear(PQexec(slow, "commit"));
  PQfinish(slow);
  std::set<std::string> second = pull(r, cursor);
  CHECK(second.count(late["id"]) == 1);  // a plain sync_seq cursor would have skipped it

  // Nothing new: the next pull is empty once the horizon passed everything.
  pull(r, cursor);
  CHECK(pull(r, cursor).empty());
}

TEST_CASE("a replayed upsert that changes nothing is not pulled again") {
  std::string r = seed_restaurant("Replay");
  json row = reservation(r, "1", "2026-12-22", "12:00");
  Call upsert = with(service(), "Prefer", "return=representation,resolution=merge-duplicates");
  Resp a = post("/rest/v1/reservations", row, upsert);
  Resp b = post("/rest/v1/reservations", row, upsert);
  REQUIRE(a.status == 201);
  REQUIRE(b.status == 201);
  CHECK(a.body[0]["sync_seq"] == b.body[0]["sync_seq"]);
  CHECK(a.body[0]["updated_at"] == b.body[0]["updated_at"]);
  row["notes"] = "changed";
  Resp c = post("/rest/v1/reservations", row, upsert);
  CHECK(c.body[0]["sync_seq"].get<long long>() > a.body[0]["sync_seq"].get<long long>());
}
