// run_pipeline (pg_tx.hpp): a REST request's statements in one round trip and
// one transaction. What security rests on: the role and claims it sets hold
// for the statements after them and end with the request; an error rolls the
// whole request back and skips what follows; the connection is idle after.
#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <string>

#include "client.hpp"
#include "pg_tx.hpp"

using namespace foh::backend;

namespace {

struct Conn {
  PGconn* c;
  Conn() : c(PQconnectdb(fohtest::backend().db.c_str())) {
    PQclear(PQexec(c, "set datestyle = 'ISO, YMD'"));  // as the pool's connections
  }
  ~Conn() { PQfinish(c); }
  std::string text(const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    REQUIRE_MESSAGE(PQresultStatus(r) == PGRES_TUPLES_OK, PQerrorMessage(c));
    std::string v = PQgetisnull(r, 0, 0) ? "(null)" : PQgetvalue(r, 0, 0);
    PQclear(r);
    return v;
  }
  void idle() {
    CHECK(PQstatus(c) == CONNECTION_OK);
    CHECK(PQpipelineStatus(c) == PQ_PIPELINE_OFF);
    CHECK(PQtransactionStatus(c) == PQTRANS_IDLE);
  }
};

const std::string kClaims = "select set_config('request.jwt.claims', '{\"sub\":\"probe\"}', true)";

PipelineStep step(const std::string& sql, bool json = false) { return {sql, {}, json}; }

}  // namespace

TEST_CASE("pipeline: role and claims hold for the request's statements and end with it") {
  Conn db;
  PQclear(PQexec(db.c, "create temporary table pipe_probe (v int)"));
  PQclear(PQexec(db.c, "grant insert on pipe_probe to anon"));
  auto ran = run_pipeline(
      db.c, true,
      {step("select set_config('role', 'anon', true)"), step(kClaims),
       step("select current_user, current_setting('request.jwt.claims')"),
       step("insert into pipe_probe values (1)"), step("select 7 as a, 'x' as b", true)});
  REQUIRE_MESSAGE(ran.ok(), (!ran.ok() ? ran.error().message : ""));
  auto& out = ran.value();
  REQUIRE(out.size() == 5);
  CHECK(out[2].rows.data.at(0).at(0) == "anon");
  CHECK(out[2].rows.data.at(0).at(1) == "{\"sub\":\"probe\"}");
  CHECK(out[3].rows.affected == 1);
  CHECK(out[4].json == "[{\"a\":7,\"b\":\"x\"}]");
  CHECK(out[4].count == 1);
  db.idle();
  // Committed at the sync point; the role and claims did not outlive it.
  CHECK(db.text("select count(*) from pipe_probe") == "1");
  CHECK(db.text("select current_user") != "anon");
  const std::string claims = db.text("select current_setting('request.jwt.claims', true)");
  CHECK((claims.empty() || claims == "(null)"));
}

TEST_CASE("pipeline: an error rolls the whole request back and skips what follows") {
  Conn db;
  PQclear(PQexec(db.c, "create temporary table pipe_probe (v int)"));
  auto ran = run_pipeline(db.c, true,
                          {step(kClaims), step("insert into pipe_probe values (2)"),
                           step("select 1 / (select count(*) from pipe_probe where v = 99)"),
                           step("insert into pipe_probe values (3)")});
  REQUIRE_FALSE(ran.ok());
  CHECK(ran.error().code == "22012");  // division_by_zero, the first error
  db.idle();
  CHECK(db.text("select count(*) from pipe_probe") == "0");
  // The connection serves the next request as usual.
  auto next = run_pipeline(db.c, true, {step(kClaims), step("insert into pipe_probe values (4)")});
  CHECK(next.ok());
  CHECK(db.text("select count(*) from pipe_probe") == "1");
  db.idle();
}

TEST_CASE("pipeline: a statement refused by RLS answers as PgTx did (42501)") {
  Conn db;
  // anon may not write reservations (013_roles.sql).
  auto ran =
      run_pipeline(db.c, false,
                   {step("select set_config('role', 'anon', true)"),
                    step("insert into public.reservations (id) values (gen_random_uuid())")});
  REQUIRE_FALSE(ran.ok());
  const ApiError& e = ran.error();
  CHECK(e.code == "42501");
  CHECK(e.status == 401);  // no token: 401, as status_for_sqlstate says
  db.idle();
}
