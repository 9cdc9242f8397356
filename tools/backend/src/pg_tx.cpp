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

Result<PGresult*, ApiError> PgTx::run(const std::string& sql, const Params& params) {
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

Result<std::string, ApiError> PgTx::exec_json(const std::string& sql, const Params& params,
                                              long long& count) {
  const char* style = PQparameterStatus(conn_, "DateStyle");
  if (!style || std::strncmp(style, "ISO", 3) != 0)
    return pgrst(500, "FOH_DATESTYLE", "foh-backend needs DateStyle ISO on its connections");
  auto result = run(sql, params);
  if (!result.ok()) return result.error();
  PGresult* r = result.value();
  std::string out;
  auto n = write_json_rows(r, out);
  PQclear(r);
  if (!n)
    return pgrst(500, "FOH_JSON", "a column of this result has a type foh-backend cannot render");
  count = static_cast<long long>(*n);
  return out;
}

Result<Rows, ApiError> PgTx::exec(const std::string& sql, const Params& params) {
  auto result = run(sql, params);
  if (!result.ok()) return result.error();
  PGresult* r = result.value();
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

ApiStatus PgTx::commit() {
  PGresult* r = PQexec(conn_, "COMMIT");
  done_ = true;
  ApiStatus done = Ok{};
  if (PQresultStatus(r) != PGRES_COMMAND_OK) done = error_of(conn_, r, authenticated_);
  PQclear(r);
  return done;
}

namespace {

// Reads what the pipeline answered up to its sync point, so that the
// connection is idle again whatever happened; false when it broke.
bool drain_to_sync(PGconn* c) {
  for (int nulls = 0; nulls < 2;) {
    PGresult* r = PQgetResult(c);
    if (!r) {
      if (PQstatus(c) != CONNECTION_OK) return false;
      ++nulls;  // one ends each statement's results; two in a row: nothing more comes
      continue;
    }
    nulls = 0;
    const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
    PQclear(r);
    if (sync) return true;
  }
  return false;
}

}  // namespace

Result<std::vector<PipelineResult>, ApiError> run_pipeline(pg_conn* conn, bool authenticated,
                                                           const std::vector<PipelineStep>& steps) {
  for (const auto& step : steps)
    if (step.json) {
      const char* style = PQparameterStatus(conn, "DateStyle");
      if (!style || std::strncmp(style, "ISO", 3) != 0)
        return pgrst(500, "FOH_DATESTYLE", "foh-backend needs DateStyle ISO on its connections");
    }
  auto lost = [&] { return error_of(conn, nullptr, authenticated); };
  if (!PQenterPipelineMode(conn)) return lost();
  bool sent = true;
  for (const auto& step : steps) {
    std::vector<const char*> values;
    values.reserve(step.params.size());
    for (const auto& p : step.params) values.push_back(p ? p->c_str() : nullptr);
    sent = PQsendQueryParams(conn, step.sql.c_str(), static_cast<int>(values.size()), nullptr,
                             values.data(), nullptr, nullptr, 0) == 1;
    if (!sent) break;
  }
  // The sync point ends the implicit transaction (and flushes what was sent).
  // A statement libpq refused to send (more parameters than the protocol
  // carries): what was queued before it runs to the sync point, harmless (a
  // set_config local to that transaction), and the request fails as PgTx's did.
  if (!sent) {
    ApiError e = lost();
    if (PQpipelineSync(conn)) drain_to_sync(conn);
    PQexitPipelineMode(conn);
    return e;
  }
  if (!PQpipelineSync(conn)) {
    ApiError e = lost();
    PQexitPipelineMode(conn);
    return e;
  }
  std::vector<PipelineResult> out(steps.size());
  std::optional<ApiError> first_error;
  bool broken = false;
  for (size_t i = 0; i < steps.size() && !broken; ++i) {
    PGresult* r = PQgetResult(conn);
    if (!r) {
      broken = true;
      if (!first_error) first_error = lost();
      break;
    }
    const ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_PIPELINE_ABORTED) {
      // Skipped after an earlier error: that error is the answer.
    } else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
      if (!first_error) first_error = error_of(conn, r, authenticated);
    } else if (steps[i].json) {
      auto n = write_json_rows(r, out[i].json);
      if (!n && !first_error)
        first_error =
            pgrst(500, "FOH_JSON", "a column of this result has a type foh-backend cannot render");
      out[i].count = n ? static_cast<long long>(*n) : 0;
    } else {
      Rows& rows = out[i].rows;
      const char* touched = PQcmdTuples(r);
      if (touched && *touched) rows.affected = std::stol(touched);
      int nf = PQnfields(r), nt = PQntuples(r);
      for (int f = 0; f < nf; ++f) rows.columns.emplace_back(PQfname(r, f));
      rows.data.resize(static_cast<size_t>(nt));
      for (int t = 0; t < nt; ++t) {
        auto& row = rows.data[static_cast<size_t>(t)];
        row.reserve(static_cast<size_t>(nf));
        for (int f = 0; f < nf; ++f)
          row.emplace_back(PQgetisnull(r, t, f) ? std::nullopt
                                                : std::optional<std::string>(std::string(
                                                      PQgetvalue(r, t, f),
                                                      static_cast<size_t>(PQgetlength(r, t, f)))));
      }
    }
    PQclear(r);
    // Each statement's results end with a null.
    while ((r = PQgetResult(conn)) != nullptr) PQclear(r);
  }
  if (!broken) broken = !drain_to_sync(conn);
  if (broken && !first_error) first_error = lost();
  // Left in pipeline mode only when the connection broke: the pool reopens
  // a broken connection before its next use.
  PQexitPipelineMode(conn);
  if (first_error) return *first_error;
  return out;
}

}  // namespace foh::backend
