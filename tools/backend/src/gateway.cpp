#include "gateway.hpp"

#include <httplib.h>

#include <cctype>

#include "jwt.hpp"
#include "request_plan.hpp"

namespace foh::backend {
namespace {

const char* kJson = "application/json; charset=utf-8";

// httplib merges a form body's fields into the query parameters, where they
// would act as filters; PostgREST's JSON is the only body this gateway reads.
bool is_form_body(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type.rfind("application/x-www-form-urlencoded", 0) == 0 ||
         type.rfind("multipart/form-data", 0) == 0;
}

RequestView view_of(const httplib::Request& req) {
  RequestView v;
  v.method = req.method;
  v.path = req.path;
  v.params = QueryParams(req.params.begin(), req.params.end());
  v.headers.assign(req.headers.begin(), req.headers.end());
  v.body = req.body;
  return v;
}

}  // namespace

void send_error(httplib::Response& res, const ApiError& e) {
  res.status = e.status;
  for (const auto& [name, value] : e.headers) res.set_header(name, value);
  res.set_content(e.body().dump(), kJson);
}

void Gateway::mount(httplib::Server& server) {
  auto route = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  server.Post(R"(/rest/v1/rpc/([^/]+))", route);
  server.Get(R"(/rest/v1/([^/]+))", route);  // httplib routes HEAD here too
  server.Post(R"(/rest/v1/([^/]+))", route);
  server.Patch(R"(/rest/v1/([^/]+))", route);
  server.Delete(R"(/rest/v1/([^/]+))", route);
}

void Gateway::handle(const httplib::Request& req, httplib::Response& res) {
  auto caller = authenticate(auth_, req.get_header_value("apikey"),
                             req.get_header_value("Authorization"), unix_now());
  if (!caller.ok()) return send_error(res, caller.error());
  if (is_form_body(req))
    return send_error(res, pgrst(415, "PGRST107", "A form body is not accepted", std::nullopt,
                                 "Send the body as application/json"));
  auto st = plan_request(view_of(req), catalog_);
  if (!st.ok()) return send_error(res, st.error());
  auto reply = run_statement(pool_, caller.value(), st.value(), statement_timeout_);
  if (!reply.ok()) return send_error(res, reply.error());
  Reply& r = reply.value();
  res.status = r.status;
  for (const auto& [k, v] : r.headers) res.set_header(k, v);
  if (!r.body.empty()) {
    res.set_header("Content-Type", kJson);
    res.body = std::move(r.body);  // a pull page is ~1 MB: not copied again
  }
}

}  // namespace foh::backend
