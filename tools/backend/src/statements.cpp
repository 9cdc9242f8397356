#include "statements.hpp"

#include <algorithm>
#include <set>

namespace foh::backend {
namespace {

std::string qualified(const TableInfo& t) { return "public." + quote_ident(t.name); }

// The rows of `from` (a table or a CTE): plain, for pg_json.hpp to render when
// every column type allows it, else as one json_agg text and a count.
std::string rows_sql(const TableInfo& t, const QueryParts& q, const std::string& from,
                     Statement& st) {
  std::string rows = "select " + select_sql(q) + " from " + from;
  st.rows_as_json = t.json_text;
  if (t.json_text) return rows;
  return "select coalesce(json_agg(_r), '[]'::json)::text, count(*) from (" + rows + ") _r";
}

// Wraps a data-changing statement: its rows as a JSON array (representation),
// or nothing (minimal: no RETURNING, so anon needs no SELECT right).
std::string wrap_returning(const TableInfo& t, const std::string& change, const QueryParts& q,
                           Statement& st) {
  if (!st.representation) return change;
  return "with _w as (" + change + " returning *) " + rows_sql(t, q, "_w", st);
}

ApiError unknown_body_column(const TableInfo& t, const std::string& c) {
  return pgrst(400, "PGRST204",
               "Could not find the '" + c + "' column of '" + t.name + "' in the schema cache");
}

}  // namespace

std::optional<std::string> param_text(const nlohmann::json& v) {
  if (v.is_null()) return std::nullopt;
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

Statement read_statement(const TableInfo& t, const QueryParts& q, const Preferences& p) {
  Statement st;
  st.kind = Statement::Kind::Read;
  std::string where = where_sql(q, st.params);
  st.sql = rows_sql(t, q, qualified(t) + where + order_sql(q) + limit_sql(q.limit, q.offset), st);
  if (p.count_exact)
    st.count_sql = "select count(*) from " + qualified(t) + where_sql(q, st.count_params);
  st.single_object = p.single_object;
  st.offset = q.offset.value_or(0);
  return st;
}

Result<Statement, ApiError> insert_statement(const TableInfo& t, const QueryParts& q,
                                             const Preferences& p, const nlohmann::json& body) {
  if (!body.is_object() && !body.is_array())
    return pgrst(400, "PGRST102", "Empty or invalid json",
                 "expected an object or an array of objects");
  nlohmann::json rows = body.is_array() ? body : nlohmann::json::array({body});
  std::vector<std::string> cols = q.columns;
  if (cols.empty() && !rows.empty()) {
    std::set<std::string> first;
    for (const auto& row : rows) {
      if (!row.is_object())
        return pgrst(400, "PGRST102", "All elements of the array must be objects");
      std::set<std::string> keys;
      for (const auto& [k, v] : row.items()) keys.insert(k);
      if (&row == &rows[0])
        first = keys;
      else if (keys != first)
        return pgrst(400, "PGRST102", "All object keys must match");
    }
    for (const auto& k : first) {
      if (!t.has(k)) return unknown_body_column(t, k);
      cols.push_back(k);
    }
  }
  Statement st;
  st.kind = Statement::Kind::Write;
  st.ok_status = 201;
  st.representation = p.representation;
  if (cols.empty()) {  // nothing to insert: answer as PostgREST does, with no rows
    st.sql = p.representation ? "select '[]', 0" : "select 1 where false";
    return st;
  }
  std::string list;
  for (const auto& c : cols) list += (list.empty() ? "" : ", ") + quote_ident(c);
  std::string sql = "insert into " + qualified(t) + " (" + list + ") select " + list +
                    " from json_populate_recordset(null::" + qualified(t) + ", $1::json)";
  st.params.push_back(rows.dump());
  if (p.resolution != Resolution::None) {
    const auto& keys = q.on_conflict.empty() ? t.primary_key : q.on_conflict;
    if (keys.empty())
      return pgrst(400, "PGRST100", "upsert needs on_conflict: the table has no primary key");
    std::string target;
    for (const auto& k : keys) target += (target.empty() ? "" : ", ") + quote_ident(k);
    sql += " on conflict (" + target + ")";
    if (p.resolution == Resolution::Ignore) {
      sql += " do nothing";
    } else {
      std::string set;
      for (const auto& c : cols)
        set += (set.empty() ? "" : ", ") + quote_ident(c) + " = excluded." + quote_ident(c);
      sql += " do update set " + set;
    }
  }
  st.sql = wrap_returning(t, sql, q, st);
  return st;
}

Result<Statement, ApiError> update_statement(const TableInfo& t, const QueryParts& q,
                                             const Preferences& p, const nlohmann::json& body) {
  if (!body.is_object())
    return pgrst(400, "PGRST102", "Empty or invalid json", "PATCH takes one JSON object");
  Statement st;
  st.kind = Statement::Kind::Write;
  st.representation = p.representation;
  st.ok_status = p.representation ? 200 : 204;
  if (body.empty()) {
    st.sql = p.representation ? "select '[]', 0" : "select 1 where false";
    return st;
  }
  std::string set;
  for (const auto& [k, v] : body.items()) {
    if (!t.has(k)) return unknown_body_column(t, k);
    set +=
        (set.empty() ? "" : ", ") + quote_ident(k) + " = (select " + quote_ident(k) + " from _v)";
  }
  st.params.push_back(body.dump());
  std::string change = "update " + qualified(t) + " set " + set + where_sql(q, st.params);
  std::string with =
      "with _v as (select * from json_populate_record(null::" + qualified(t) + ", $1::json))";
  if (p.representation)
    st.sql = with + ", _w as (" + change + " returning *) " + rows_sql(t, q, "_w", st);
  else
    st.sql = with + " " + change;
  return st;
}

Statement delete_statement(const TableInfo& t, const QueryParts& q, const Preferences& p) {
  Statement st;
  st.kind = Statement::Kind::Write;
  st.representation = p.representation;
  st.ok_status = p.representation ? 200 : 204;
  st.sql = wrap_returning(t, "delete from " + qualified(t) + where_sql(q, st.params), q, st);
  return st;
}

Result<Statement, ApiError> rpc_statement(const Catalog& c, const std::string& name,
                                          const nlohmann::json& args) {
  const FunctionInfo* f = c.function(name);
  std::string keys;
  for (const auto& [k, v] : args.items()) keys += (keys.empty() ? "" : ", ") + k;
  auto not_found = [&] {
    return pgrst(
        404, "PGRST202",
        "Could not find the function public." + name + "(" + keys + ") in the schema cache",
        std::nullopt, "Check the function name and the names of its arguments.");
  };
  if (!f) return not_found();
  Statement st;
  st.kind = Statement::Kind::Rpc;
  std::string call;
  for (const auto& item : args.items()) {
    const std::string& k = item.key();  // not a structured binding: clang 14 cannot capture one
    auto it = std::find_if(f->args.begin(), f->args.end(),
                           [&](const FunctionArg& a) { return a.name == k; });
    if (it == f->args.end()) return not_found();
    st.params.push_back(param_text(item.value()));
    call += (call.empty() ? "" : ", ") + quote_ident(k) + " => $" +
            std::to_string(st.params.size()) + "::" + it->type;
  }
  for (const auto& a : f->args)
    if (!a.has_default && !args.contains(a.name)) return not_found();
  std::string from = "public." + quote_ident(name) + "(" + call + ") _r";
  st.sql = f->returns_set ? "select coalesce(json_agg(_r), '[]'::json)::text from " + from
                          : "select to_json(_r)::text from " + from;
  return st;
}

namespace {

struct RowsJson {
  std::string body;  // empty when the statement returns no rows (minimal writes)
  long long count = 0;
};

// The statement's answer as run_pipeline gave it.
RowsJson rows_json(const Statement& st, PipelineResult& result) {
  RowsJson out;
  if (st.rows_as_json) {
    out.body = std::move(result.json);
    out.count = result.count;
    return out;
  }
  Rows& rows = result.rows;
  if (rows.size() && rows.data[0][0]) out.body = std::move(*rows.data[0][0]);
  if (rows.size() && rows.columns.size() > 1) out.count = std::stoll(rows.data[0][1].value_or("0"));
  return out;
}

// A GET's answer: Content-Range, 206/416 as PostgREST's rangeStatus, one
// object for Accept: application/vnd.pgrst.object+json.
// `count`: count_sql's answer when the statement has one.
Result<Reply, ApiError> read_reply(const Statement& st, RowsJson rows, const PipelineResult* count,
                                   Reply reply) {
  long long n = rows.count;
  std::string total = "*";
  if (count) total = count->rows.data.at(0).at(0).value_or("0");
  reply.headers.emplace_back(
      "Content-Range",
      n == 0 ? "*/" + total
             : std::to_string(st.offset) + "-" + std::to_string(st.offset + n - 1) + "/" + total);
  if (total != "*") {  // only a known total makes an answer partial
    long long all = std::stoll(total);
    if (st.offset > all) {
      ApiError e = pgrst(416, "PGRST103", "Requested range not satisfiable",
                         "An offset of " + std::to_string(st.offset) +
                             " was requested, but there are only " + total + " rows.");
      e.headers.emplace_back("Content-Range", "*/" + total);
      return e;
    }
    if (n < all) reply.status = 206;
  }
  reply.body = std::move(rows.body);
  if (st.single_object) {
    if (n != 1)
      return pgrst(406, "PGRST116", "JSON object requested, multiple (or no) rows returned",
                   "The result contains " + std::to_string(n) + " rows");
    reply.body = nlohmann::json::parse(reply.body)[0].dump();
  }
  return reply;
}

}  // namespace

Result<Reply, ApiError> run_statement(PgPool& pool, const Caller& who, const Statement& st,
                                      std::chrono::milliseconds timeout) {
  auto lease = pool.acquire();
  // One round trip, one transaction (pg_tx.hpp run_pipeline). is_local =
  // true: role, claims and the timeout hold for the statements after them and
  // end with this transaction, so the pooled connection's next request starts
  // from its own.
  std::vector<PipelineStep> steps;
  steps.push_back(
      {"select set_config('role', $1, true), set_config('request.jwt.claims', $2, "
       "true), set_config('statement_timeout', $3, true)",
       {who.role, who.claims.dump(), std::to_string(timeout.count())}});
  steps.push_back({st.sql, st.params, st.rows_as_json});
  const bool counted = st.kind == Statement::Kind::Read && !st.count_sql.empty();
  if (counted) steps.push_back({st.count_sql, st.count_params});
  auto ran = run_pipeline(lease.get(), who.has_token(), steps);
  if (!ran.ok()) return ran.error();
  auto& results = ran.value();
  RowsJson rows = rows_json(st, results[1]);
  Reply reply;
  reply.status = st.ok_status;
  if (st.kind == Statement::Kind::Rpc) {
    reply.body = rows.body.empty() ? "null" : std::move(rows.body);
  } else if (st.kind == Statement::Kind::Read) {
    auto read = read_reply(st, std::move(rows), counted ? &results[2] : nullptr, std::move(reply));
    if (!read.ok()) return read;
    reply = std::move(read.value());
  } else if (st.representation) {
    reply.body = rows.body.empty() ? "[]" : std::move(rows.body);
  } else {
    reply.headers.emplace_back("Content-Range", "*/*");
  }
  return reply;
}

}  // namespace foh::backend
