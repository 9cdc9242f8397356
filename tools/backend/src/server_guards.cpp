#include "server_guards.hpp"

#include <httplib.h>
#include <libpq-fe.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <typeinfo>

#include "gateway.hpp"
#include "json_log.hpp"
#include "pg_tx.hpp"
#include "request_limits.hpp"

namespace foh::backend {
namespace {

// The path as a log line may show it: printable ASCII, the rest as \xNN, so
// that a %0A in a URL cannot start a forged log line.
std::string printable(const std::string& s) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// What a log line may say about an exception: its type (and nlohmann's error
// number), never what(), which can quote request or database text.
std::string exception_kind(std::exception_ptr ep) {
  try {
    if (ep) std::rethrow_exception(ep);
  } catch (const nlohmann::json::exception& e) {
    return "nlohmann::json error " + std::to_string(e.id);
  } catch (const std::exception& e) {
    return typeid(e).name();
  } catch (...) {
  }
  return "unknown exception";
}

// httplib's own error answers (a malformed request line, 413, 414, no route)
// have no body; clients expect PostgREST's JSON.
ApiError error_for_status(int status) {
  switch (status) {
    case 400:
      return pgrst(400, "PGRST100", "Malformed HTTP request");
    case 404:
      return pgrst(404, "PGRST125", "Invalid path specified in request URL");
    case 413:
      return pgrst(413, "PGRST413", "Payload too large",
                   "the limit is " + std::to_string(kMaxBodyBytes) + " bytes");
    case 414:
      return pgrst(414, "PGRST414", "Request URI too long");
    default:
      return pgrst(status, "PGRST" + std::to_string(status), "HTTP error");
  }
}

std::chrono::steady_clock::time_point& request_started() {
  thread_local std::chrono::steady_clock::time_point t = std::chrono::steady_clock::now();
  return t;
}

}  // namespace

void install_guards(httplib::Server& server) {
  server.set_read_timeout(kSocketTimeout.count());
  server.set_write_timeout(kSocketTimeout.count());
  server.set_keep_alive_timeout(kSocketTimeout.count());
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::cerr << "foh-backend: " << exception_kind(ep) << " in " << req.method << " "
                  << printable(req.path) << "\n";
        res.headers.clear();
        send_error(res, pgrst(500, "FOH_INTERNAL", "Internal server error",
                              "foh-backend failed on this request; its log says where"));
      });
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, error_for_status(res.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  // One JSON line per request (json_log.hpp). Paths only: a query string may carry
  // values a client considers private; headers (Authorization) are never logged.
  // httplib serves a request on one thread, from routing to the logger.
  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started() = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                        request_started())
                  .count();
    log_json(res.status >= 500 ? "error" : "info", "request",
             {{"method", printable(req.method)},
              {"path", printable(req.path)},
              {"status", res.status},
              {"ms", static_cast<long>(ms * 10) / 10.0}});
  });
}

void mount_health(httplib::Server& server, PgPool& pool) {
  server.Get("/health", [&pool](const httplib::Request&, httplib::Response& res) {
    auto lease = pool.try_acquire(kHealthPoolWait);
    if (!lease)
      return send_error(res, pgrst(503, "PGRST000", "Could not connect with the database",
                                   "no database connection came free in time"));
    // Whatever goes wrong, the database is not answering as it should: 503.
    auto unavailable = [&res](ApiError e) {
      e.status = 503;
      send_error(res, e);
    };
    PgTx tx(lease->get(), false);
    if (!tx.begun()) return unavailable(tx.begin_error());
    auto timeout = std::to_string(kHealthQueryTimeout.count());
    auto ok = tx.exec("select set_config('statement_timeout', $1, true)", {timeout});
    if (ok.ok()) ok = tx.exec("select 1");
    if (!ok.ok()) return unavailable(ok.error());
    res.set_content("{\"ok\":true}", "application/json");
  });
}

}  // namespace foh::backend
