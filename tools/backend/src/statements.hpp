#pragma once
// SQL for each PostgREST request kind, built from catalog-checked identifiers
// with every value a libpq parameter, and the transaction that runs it as the
// caller (role + request.jwt.claims set first, exactly as PostgREST does).
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth.hpp"
#include "pg_pool.hpp"
#include "pgrst_query.hpp"

namespace foh::backend {

enum class Resolution { None, Merge, Ignore };

struct Preferences {
  bool representation = false;  // return=representation
  Resolution resolution = Resolution::None;
  bool count_exact = false;
  bool single_object = false;  // Accept: application/vnd.pgrst.object+json
};

struct Statement {
  enum class Kind { Read, Write, Rpc } kind = Kind::Read;
  std::string sql;
  Params params;
  std::string count_sql;  // Read with count=exact
  Params count_params;
  int ok_status = 200;
  bool representation = true;
  bool single_object = false;
  long long offset = 0;
  // sql returns plain rows that pg_json.hpp renders (else one JSON text and a count).
  bool rows_as_json = false;
};

struct Reply {
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

Statement read_statement(const TableInfo& t, const QueryParts& q, const Preferences& p);
Result<Statement, ApiError> insert_statement(const TableInfo& t, const QueryParts& q,
                                             const Preferences& p, const nlohmann::json& body);
Result<Statement, ApiError> update_statement(const TableInfo& t, const QueryParts& q,
                                             const Preferences& p, const nlohmann::json& body);
Statement delete_statement(const TableInfo& t, const QueryParts& q, const Preferences& p);
Result<Statement, ApiError> rpc_statement(const Catalog& c, const std::string& name,
                                          const nlohmann::json& args);

// Longest a REST statement may run (statement_timeout, set per transaction);
// past it PostgreSQL cancels it with 57014, which PostgREST answers with 500.
inline constexpr std::chrono::milliseconds kDefaultStatementTimeout{5000};

// Runs `st` in one transaction as `who`, under `timeout` (0: none).
Result<Reply, ApiError> run_statement(PgPool& pool, const Caller& who, const Statement& st,
                                      std::chrono::milliseconds timeout = kDefaultStatementTimeout);

// A JSON value as the text PostgreSQL parses for a parameter (strings bare,
// null as SQL NULL, the rest as JSON text).
std::optional<std::string> param_text(const nlohmann::json& v);

}  // namespace foh::backend
