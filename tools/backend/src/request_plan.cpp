#include "request_plan.hpp"

#include <strings.h>

#include <nlohmann/json.hpp>

#include "range_server.hpp"
#include "request_limits.hpp"

namespace foh::backend {
namespace {

bool same_name(const std::string& a, const char* b) { return strcasecmp(a.c_str(), b) == 0; }

const std::string* header(const HeaderList& headers, const char* name) {
  for (const auto& [k, v] : headers)
    if (same_name(k, name)) return &v;
  return nullptr;
}

// A body the planner may hand to insert/update: limits checked first, then
// parsed. nlohmann's parser itself is iterative; what recursed was dump().
Result<nlohmann::json, ApiError> parse_body(std::string_view body) {
  if (auto bad = check_json_body(body); !bad.ok()) return bad.error();
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) return pgrst(400, "PGRST102", "Empty or invalid json");
  return j;
}

Result<Statement, ApiError> plan_write(const RequestView& r, const TableInfo& table,
                                       const QueryParts& q, const Preferences& prefer) {
  if (r.method == "DELETE") return delete_statement(table, q, prefer);
  auto body = parse_body(r.body);
  if (!body.ok()) return body.error();
  if (r.method == "POST") return insert_statement(table, q, prefer, body.value());
  if (r.method == "PATCH") return update_statement(table, q, prefer, body.value());
  return pgrst(405, "PGRST117", "Unsupported HTTP method: " + r.method);
}

Result<Statement, ApiError> plan_table(const RequestView& r, const std::string& name,
                                       const Catalog& catalog) {
  const TableInfo* table = catalog.table(name);
  if (!table) return pgrst(404, "42P01", "relation \"public." + name + "\" does not exist");
  auto parts = parse_query(r.params, *table);
  if (!parts.ok()) return parts.error();
  QueryParts& q = parts.value();
  Preferences prefer = preferences_of(r.headers);
  // HEAD is PostgREST's GET without a body (postgrest-js: head: true).
  bool read = r.method == "GET" || r.method == "HEAD";
  if (!q.embeds.empty()) {
    if (!read) return pgrst(400, "PGRST100", "foh-backend embeds resources on GET only");
    if (auto bad = resolve_embeds(catalog, *table, q); !bad.ok()) return bad.error();
  }
  if (!read) return plan_write(r, *table, q, prefer);
  if (const std::string* range = header(r.headers, kItemRangeHeader))
    if (auto bad = apply_range_header(q, *range); !bad.ok()) return bad.error();
  return read_statement(*table, q, prefer);
}

Result<Statement, ApiError> plan_rpc(const RequestView& r, const std::string& name,
                                     const Catalog& catalog) {
  if (r.method != "POST") return pgrst(405, "PGRST117", "Unsupported HTTP method: " + r.method);
  nlohmann::json args = nlohmann::json::object();
  if (!r.body.empty()) {
    auto body = parse_body(r.body);
    if (!body.ok()) return body.error();
    args = std::move(body.value());
  }
  if (!args.is_object())
    return pgrst(400, "PGRST102", "Empty or invalid json",
                 "the body of an rpc call is a JSON object of named arguments");
  return rpc_statement(catalog, name, args);
}

}  // namespace

ApiStatus check_request_text(const RequestView& r) {
  if (!valid_utf8(r.method)) return not_utf8("method");  // echoed by PGRST117
  if (!valid_utf8(r.path)) return not_utf8("path");
  for (const auto& [k, v] : r.params)
    if (!valid_utf8(k) || !valid_utf8(v)) return not_utf8("query string");
  for (const auto& [k, v] : r.headers)
    if (!valid_utf8(k) || !valid_utf8(v)) return not_utf8(valid_utf8(k) ? k + " header" : "header");
  return Ok{};
}

Preferences preferences_of(const HeaderList& headers) {
  Preferences p;
  for (const auto& [k, v] : headers) {
    if (same_name(k, "Accept") && v.find("application/vnd.pgrst.object+json") != std::string::npos)
      p.single_object = true;
    if (!same_name(k, "Prefer")) continue;
    for (std::string item : split_list(v)) {  // one header or several, comma-separated
      item.erase(0, item.find_first_not_of(' '));
      item.erase(item.find_last_not_of(' ') + 1);
      if (item == "return=representation")
        p.representation = true;
      else if (item == "resolution=merge-duplicates")
        p.resolution = Resolution::Merge;
      else if (item == "resolution=ignore-duplicates")
        p.resolution = Resolution::Ignore;
      else if (item == "count=exact")
        p.count_exact = true;
    }
  }
  return p;
}

Result<Statement, ApiError> plan_request(const RequestView& r, const Catalog& catalog) {
  if (auto bad = check_request_text(r); !bad.ok()) return bad.error();
  std::string_view path = r.path;
  if (path.substr(0, kRpcPrefix.size()) == kRpcPrefix)
    return plan_rpc(r, std::string(path.substr(kRpcPrefix.size())), catalog);
  if (path.substr(0, kRestPrefix.size()) == kRestPrefix)
    return plan_table(r, std::string(path.substr(kRestPrefix.size())), catalog);
  return pgrst(404, "PGRST125", "Invalid path specified in request URL");
}

}  // namespace foh::backend
