#pragma once
// One PostgreSQL transaction per request, RAII: rolled back in the destructor
// unless committed. Statements take their values only as libpq parameters.
#include <optional>
#include <string>
#include <variant>
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

template <class T>
using Outcome = std::variant<T, ApiError>;

template <class T>
bool failed(const Outcome<T>& o) {
  return o.index() == 1;
}

class PgTx {
 public:
  // `authenticated` decides the status of 42501 (403 with a token, 401 for anon).
  PgTx(pg_conn* conn, bool authenticated);
  ~PgTx();
  PgTx(const PgTx&) = delete;
  PgTx& operator=(const PgTx&) = delete;

  bool begun() const { return begun_; }
  const ApiError& begin_error() const { return begin_error_; }
  Outcome<Rows> exec(const std::string& sql, const Params& params = {});
  // The rows as a JSON array of objects (pg_json.hpp), rendered straight from
  // libpq's result; `count` gets the number of rows.
  Outcome<std::string> exec_json(const std::string& sql, const Params& params, long long& count);
  std::optional<ApiError> commit();

 private:
  Outcome<pg_result*> run(const std::string& sql, const Params& params);

  pg_conn* conn_;
  bool authenticated_;
  bool begun_ = false;
  bool done_ = false;
  ApiError begin_error_;
};

}  // namespace foh::backend
