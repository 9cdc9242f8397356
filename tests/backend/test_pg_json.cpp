// pg_json.hpp renders libpq's text rows as JSON itself; PostgreSQL's own
// json_agg is the reference. Every table of the schema (with the demo data and
// what the other suites wrote) and one row of edge values must come out equal.
#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <nlohmann/json.hpp>
#include <string>

#include "client.hpp"
#include "pg_json.hpp"

using nlohmann::json;

namespace {

struct Conn {
  PGconn* c;
  Conn() : c(PQconnectdb(fohtest::backend().db.c_str())) {}
  ~Conn() { PQfinish(c); }
  PGresult* exec(const std::string& sql) { return PQexec(c, sql.c_str()); }
  std::string text(const std::string& sql) {
    PGresult* r = exec(sql);
    REQUIRE_MESSAGE(PQresultStatus(r) == PGRES_TUPLES_OK, PQerrorMessage(c));
    std::string v = PQgetisnull(r, 0, 0) ? "" : PQgetvalue(r, 0, 0);
    PQclear(r);
    return v;
  }
};

// The rows of `select_sql` rendered by pg_json.hpp and by json_agg.
std::pair<json, json> both_ways(Conn& db, const std::string& select_sql) {
  PGresult* r = db.exec(select_sql);
  REQUIRE_MESSAGE(PQresultStatus(r) == PGRES_TUPLES_OK, PQerrorMessage(db.c));
  std::string ours;
  auto n = foh::backend::write_json_rows(r, ours);
  PQclear(r);
  REQUIRE(n);
  std::string theirs =
      db.text("select coalesce(json_agg(_r), '[]'::json)::text from (" + select_sql + ") _r");
  return {json::parse(ours), json::parse(theirs)};
}

}  // namespace

TEST_CASE("pg_json renders every table as json_agg does") {
  Conn db;
  REQUIRE(PQstatus(db.c) == CONNECTION_OK);
  PGresult* tables = db.exec(
      "select table_name from information_schema.tables where table_schema = 'public' "
      "and table_type = 'BASE TABLE' order by 1");
  REQUIRE(PQntuples(tables) >= 14);
  for (int i = 0; i < PQntuples(tables); ++i) {
    std::string t = PQgetvalue(tables, i, 0);
    CAPTURE(t);
    auto [ours, theirs] = both_ways(db, "select * from public." + t + " order by 1 limit 300");
    CHECK(ours == theirs);
  }
  PQclear(tables);
}

TEST_CASE("pg_json: edge values of every type it claims") {
  Conn db;
  // An offset with minutes, to see the XSD form (+05:30) of to_json.
  PQclear(db.exec("set timezone = 'Asia/Kolkata'"));
  std::string sql =
      "select 1::int2 a, -2::int4 b, 3000000000::int8 c, 1.5::float4 d, 'NaN'::float8 e, "
      "'-Infinity'::float8 f, 12.3400::numeric g, 'NaN'::numeric h, true i, false j, "
      "'{\"k\": [1, null]}'::json k, '{\"x\": \"\\u00e9\"}'::jsonb l, "
      "E'quote\" back\\\\ nl\\n tab\\t bell\\x07 é' m, 'abc'::varchar n, 'ab'::char(4) o, "
      "'00000000-0000-0000-0000-000000000001'::uuid p, '2026-11-28'::date q, '19:30'::time r, "
      "'2026-11-28 19:30:00.25'::timestamp s, '2026-11-28 19:30:00+00'::timestamptz t, "
      "'infinity'::timestamptz u, array['a', 'b c', null, 'd\"e', '{x}', 'NULL']::text[] v, "
      "'{{1,2},{3,4}}'::int4[] w, '[0:1]={5,6}'::int8[] x, '{}'::text[] y, "
      "array['{\"a\": 1}'::jsonb, null] z, array[true, false] aa, "
      "array['2026-11-28 19:30+01'::timestamptz] ab, array['2026-11-28'::date] ac, "
      "null::text ad, '1e+100'::float8 ae, array[1.5, 'NaN']::float8[] af";
  auto [ours, theirs] = both_ways(db, sql);
  CHECK(ours == theirs);
  CHECK(ours[0]["t"] == "2026-11-29T01:00:00+05:30");
}

TEST_CASE("pg_json: a type it does not know is refused, not guessed") {
  Conn db;
  PGresult* r = db.exec("select interval '1 hour' a, point(1, 2) b");
  std::string out = "untouched";
  CHECK_FALSE(foh::backend::write_json_rows(r, out));
  CHECK(out == "untouched");
  PQclear(r);
  CHECK(foh::backend::renders_as_json_text("_timestamptz"));
  CHECK_FALSE(foh::backend::renders_as_json_text("interval"));
  CHECK_FALSE(foh::backend::renders_as_json_text("_point"));
}
