#include "pg_tx.hpp"

#include <libpq-fe.h>

#include <cstring>
#include <string>

#include "pg_json.hpp"

namespace foh::backend {
namespace {

std::optional<std::string> field(const PGresult* r, int code) {
  const char* v = PQresultErrorField(r, code);
  if (!v) return std::nullopt;
  return std::string(v);
}

ApiError error_of(PGconn* c, const PGresult* r, bool authenticated) {
  auto state = r ? field(r, PG_DIAG_SQLSTATE) : std::nullopt;
  if (!state) {
    // No SQLSTATE: the connection itself failed.
    return pgrst(503, "PGRST000", "Could not connect with the database", PQerrorMessage(c));
  }
  ApiError e;
  e.code = *state;
  e.status = status_for_sqlstate(*state, authenticated);
  e.message = field(r, PG_DIAG_MESSAGE_PRIMARY).value_or("");
  e.details = field(r, PG_DIAG_MESSAGE_DETAIL);
  e.hint = field(r, PG_DIAG_MESSAGE_HINT);
  return e;
}

}  // namespace

PgTx::PgTx(pg_conn* conn, bool authenticated) : conn_(conn), authenticated_(authenticated) {
  PGresult* r = PQexec(conn_, "BEGIN");
  if (PQresultStatus(r) == PGRES_COMMAND_OK) {
    begun_ = true;
  } else {
    begin_error_ = error_of(conn_, r, authenticated_);
  }
  PQclear(r);
}

PgTx::~PgTx() {
  if (begun_ && !done_) PQclear(PQexec(conn_, "ROLLBACK"));
}

Outcome<PGresult*> PgTx::run(const std::string& sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  PGresult* r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                             values.data(), nullptr, nullptr, 0);
  ExecStatusType st = PQresultStatus(r);
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    ApiError e = error_of(conn_, r, authenticated_);
    PQclear(r);
    return e;
  }
  return r;
}

Outcome<std::string> PgTx::exec_json(const std::string& sql, const Params& params,
                                     long long& count) {
  const char* style = PQparameterStatus(conn_, "DateStyle");
  if (!style || std::strncmp(style, "ISO", 3) != 0)
    return pgrst(500, "FOH_DATESTYLE", "foh-backend needs DateStyle ISO on its connections");
  auto result = run(sql, params);
  if (failed(result)) return std::get<ApiError>(result);
  PGresult* r = std::get<PGresult*>(result);
  std::string out;
  auto n = write_json_rows(r, out);
  PQclear(r);
  if (!n)
    return pgrst(500, "FOH_JSON", "a column of this result has a type foh-backend cannot render");
  count = static_cast<long long>(*n);
  return out;
}

Outcome<Rows> PgTx::exec(const std::string& sql, const Params& params) {
  auto result = run(sql, params);
  if (failed(result)) return std::get<ApiError>(result);
  PGresult* r = std::get<PGresult*>(result);
  Rows rows;
  const char* touched = PQcmdTuples(r);
  if (touched && *touched) rows.affected = std::stol(touched);
  int nf = PQnfields(r), nt = PQntuples(r);
  for (int f = 0; f < nf; ++f) rows.columns.emplace_back(PQfname(r, f));
  rows.data.resize(static_cast<size_t>(nt));
  for (int t = 0; t < nt; ++t) {
    auto& row = rows.data[static_cast<size_t>(t)];
    row.reserve(static_cast<size_t>(nf));
    for (int f = 0; f < nf; ++f) {
      if (PQgetisnull(r, t, f))
        row.emplace_back(std::nullopt);
      else
        row.emplace_back(
            std::string(PQgetvalue(r, t, f), static_cast<size_t>(PQgetlength(r, t, f))));
    }
  }
  PQclear(r);
  return rows;
}

std::optional<ApiError> PgTx::commit() {
  PGresult* r = PQexec(conn_, "COMMIT");
  done_ = true;
  std::optional<ApiError> err;
  if (PQresultStatus(r) != PGRES_COMMAND_OK) err = error_of(conn_, r, authenticated_);
  PQclear(r);
  return err;
}

}  // namespace foh::backend
