#include "pg_tx.hpp"

#include <libpq-fe.h>

#include <string>

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

Outcome<Rows> PgTx::exec(const std::string& sql, const Params& params) {
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
