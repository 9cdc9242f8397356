#pragma once
// One PostgreSQL transaction per request, RAII: rolled back in the destructor
// unless committed. Statements take their values only as libpq parameters.
#include <optional>
#include <string>
#include <vector>

#include "api_error.hpp"

struct pg_conn;
struct pg_result;

namespace foh::backend {

using Params = std::vector<std::optional<std::string>>;  // nullopt = SQL NULL

struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> data;
  long affected = 0;  // rows an insert/update/delete touched (PQcmdTuples)
  size_t size() const { return data.size(); }
};

// One statement of a request run as a pipeline (run_pipeline).
struct PipelineStep {
  std::string sql;
  Params params;
  bool json = false;  // its rows rendered as a JSON array (as PgTx::exec_json), else as Rows
};
struct PipelineResult {
  Rows rows;         // a step without `json`
  std::string json;  // a step with `json`: the array, and its row count
  long long count = 0;
};

// A REST request's statements in ONE round trip to PostgreSQL (libpq's
// pipeline mode: every statement sent, then one sync point) and ONE
// transaction: the implicit one that lasts until the sync point, committed
// there when every statement succeeded; at the first error PostgreSQL skips
// the statements after it and rolls the transaction back. set_config(...,
// true) lasts until that end as under BEGIN/COMMIT, so a role and claims set
// by the first statement hold for the others and never outlive the request
// (no BEGIN, no COMMIT: 4 round trips became 1). The first error is returned,
// as PgTx would map it (`authenticated` decides 42501's status).
Result<std::vector<PipelineResult>, ApiError> run_pipeline(pg_conn* conn, bool authenticated,
                                                           const std::vector<PipelineStep>& steps);

class PgTx {
 public:
  // `authenticated` decides the status of 42501 (403 with a token, 401 for anon).
  PgTx(pg_conn* conn, bool authenticated);
  ~PgTx();
  PgTx(const PgTx&) = delete;
  PgTx& operator=(const PgTx&) = delete;

  bool begun() const { return begun_; }
  const ApiError& begin_error() const { return begin_error_; }
  Result<Rows, ApiError> exec(const std::string& sql, const Params& params = {});
  // The rows as a JSON array of objects (pg_json.hpp), rendered straight from
  // libpq's result; `count` gets the number of rows.
  Result<std::string, ApiError> exec_json(const std::string& sql, const Params& params,
                                          long long& count);
  ApiStatus commit();

 private:
  Result<pg_result*, ApiError> run(const std::string& sql, const Params& params);

  pg_conn* conn_;
  bool authenticated_;
  bool begun_ = false;
  bool done_ = false;
  ApiError begin_error_;
};

}  // namespace foh::backend
