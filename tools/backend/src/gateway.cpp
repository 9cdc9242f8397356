#include "gateway.hpp"

#include <httplib.h>

#include "jwt.hpp"
#include "pgrst_query.hpp"
#include "range_server.hpp"
#include "statements.hpp"

namespace foh::backend {
namespace {

const char* kJson = "application/json; charset=utf-8";

// Prefer: return=representation, resolution=merge-duplicates, count=exact (one
// header or several, comma-separated).
Preferences parse_prefer(const httplib::Request& req) {
  Preferences p;
  size_t n = req.get_header_value_count("Prefer");
  for (size_t i = 0; i < n; ++i) {
    for (std::string item : split_list(req.get_header_value("Prefer", i))) {
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
  p.single_object =
      req.get_header_value("Accept").find("application/vnd.pgrst.object+json") != std::string::npos;
  return p;
}

}  // namespace

void send_error(httplib::Response& res, const ApiError& e) {
  res.status = e.status;
  for (const auto& [name, value] : e.headers) res.set_header(name, value);
  res.set_content(e.body().dump(), kJson);
}

void Gateway::mount(httplib::Server& server) {
  auto table = [this](const httplib::Request& req, httplib::Response& res) {
    handle_table(req, res);
  };
  auto rpc = [this](const httplib::Request& req, httplib::Response& res) { handle_rpc(req, res); };
  server.Post(R"(/rest/v1/rpc/([^/]+))", rpc);
  server.Get(R"(/rest/v1/([^/]+))", table);
  server.Post(R"(/rest/v1/([^/]+))", table);
  server.Patch(R"(/rest/v1/([^/]+))", table);
  server.Delete(R"(/rest/v1/([^/]+))", table);
}

void Gateway::handle_table(const httplib::Request& req, httplib::Response& res) {
  auto caller = authenticate(auth_, req.get_header_value("apikey"),
                             req.get_header_value("Authorization"), unix_now());
  if (failed(caller)) return send_error(res, std::get<ApiError>(caller));
  const Caller& who = std::get<Caller>(caller);
  std::string name = req.matches[1];
  const TableInfo* table = catalog_.table(name);
  if (!table)
    return send_error(res, pgrst(404, "42P01", "relation \"public." + name + "\" does not exist"));
  QueryParams params(req.params.begin(), req.params.end());
  auto parts = parse_query(params, *table);
  if (failed(parts)) return send_error(res, std::get<ApiError>(parts));
  Preferences prefer = parse_prefer(req);
  QueryParts& query = std::get<QueryParts>(parts);
  if (!query.embeds.empty()) {
    if (req.method != "GET")
      return send_error(res, pgrst(400, "PGRST100", "foh-backend embeds resources on GET only"));
    if (auto bad = resolve_embeds(catalog_, *table, query)) return send_error(res, *bad);
  }

  Statement st;
  if (req.method == "GET") {
    QueryParts& q = std::get<QueryParts>(parts);
    if (req.has_header(kItemRangeHeader))
      if (auto bad = apply_range_header(q, req.get_header_value(kItemRangeHeader)))
        return send_error(res, *bad);
    st = read_statement(*table, q, prefer);
  } else {
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (req.method == "DELETE") {
      st = delete_statement(*table, std::get<QueryParts>(parts), prefer);
    } else if (body.is_discarded()) {
      return send_error(res, pgrst(400, "PGRST102", "Empty or invalid json"));
    } else if (req.method == "POST") {
      auto s = insert_statement(*table, std::get<QueryParts>(parts), prefer, body);
      if (failed(s)) return send_error(res, std::get<ApiError>(s));
      st = std::get<Statement>(s);
    } else {
      auto s = update_statement(*table, std::get<QueryParts>(parts), prefer, body);
      if (failed(s)) return send_error(res, std::get<ApiError>(s));
      st = std::get<Statement>(s);
    }
  }
  auto reply = run_statement(pool_, who, st);
  if (failed(reply)) return send_error(res, std::get<ApiError>(reply));
  Reply& r = std::get<Reply>(reply);
  res.status = r.status;
  for (const auto& [k, v] : r.headers) res.set_header(k, v);
  if (!r.body.empty()) {
    res.set_header("Content-Type", kJson);
    res.body = std::move(r.body);  // a pull page is ~1 MB: not copied again
  }
}

void Gateway::handle_rpc(const httplib::Request& req, httplib::Response& res) {
  auto caller = authenticate(auth_, req.get_header_value("apikey"),
                             req.get_header_value("Authorization"), unix_now());
  if (failed(caller)) return send_error(res, std::get<ApiError>(caller));
  std::string name = req.matches[1];
  auto body =
      req.body.empty() ? nlohmann::json::object() : nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return send_error(res, pgrst(400, "PGRST102", "Empty or invalid json",
                                 "the body of an rpc call is a JSON object of named arguments"));
  auto st = rpc_statement(catalog_, name, body);
  if (failed(st)) return send_error(res, std::get<ApiError>(st));
  auto reply = run_statement(pool_, std::get<Caller>(caller), std::get<Statement>(st));
  if (failed(reply)) return send_error(res, std::get<ApiError>(reply));
  const Reply& r = std::get<Reply>(reply);
  res.status = r.status;
  res.set_content(r.body, kJson);
}

}  // namespace foh::backend
