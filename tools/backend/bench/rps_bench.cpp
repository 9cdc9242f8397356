// foh-backend-rps: requests per second of foh-backend against the same SQL
// run over raw libpq (issue 15 item 6). Starts its own local backend
// (tools/backend/local.sh in a temp dir, foh-backend next to this binary),
// then for a one-row GET and a one-row upsert of a reservation, as a staff
// member (role authenticated, RLS on):
//   - foh-backend over HTTP/1.1 keep-alive, one request after the other;
//   - a raw libpq loop on one connection with the pool's session settings,
//     running the statement the gateway plans for that request (plan_request,
//     same SQL, same parameters) after the same set_config of role, claims and
//     statement_timeout, in one transaction and one round trip (pipeline).
// Prints both rates and their ratio (target: foh-backend >= 0.5x raw).
//   build/bin/foh-backend-rps [--seconds 2] [--rounds 3]
#include <httplib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "auth.hpp"
#include "catalog.hpp"
#include "jwt.hpp"
#include "pg_tx.hpp"
#include "request_plan.hpp"
#include "statements.hpp"

using nlohmann::json;
using Clock = std::chrono::steady_clock;
namespace fb = foh::backend;
namespace fs = std::filesystem;

namespace {

std::string sh(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  for (size_t n; p && (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  if (p) pclose(p);
  return out;
}

std::string env_value(const std::string& out, const std::string& key) {
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
  return {};
}

std::string first_value(PGconn* c, const std::string& sql, const std::string& param) {
  const char* v[] = {param.c_str()};
  PGresult* r = PQexecParams(c, sql.c_str(), 1, nullptr, v, nullptr, nullptr, 0);
  std::string out = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 ? PQgetvalue(r, 0, 0)
                                                                             : std::string();
  PQclear(r);
  return out;
}

// Requests per second of `one` (true when it answered as expected), run for
// `seconds`; 0 when any answer was wrong.
double rate(double seconds, const std::function<bool()>& one) {
  const auto t0 = Clock::now();
  long n = 0;
  for (;;) {
    if (!one()) return 0;
    ++n;
    const double took = std::chrono::duration<double>(Clock::now() - t0).count();
    if (took >= seconds) return static_cast<double>(n) / took;
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// The raw loop's one request: set_config + the statement in one pipeline
// (one implicit transaction, one round trip).
struct Raw {
  PGconn* conn;
  std::string role, claims, timeout;
  bool run(const fb::Statement& st) {
    if (!PQenterPipelineMode(conn)) return false;
    const char* setup[] = {role.c_str(), claims.c_str(), timeout.c_str()};
    PQsendQueryParams(conn,
                      "select set_config('role', $1, true), set_config('request.jwt.claims', $2, "
                      "true), set_config('statement_timeout', $3, true)",
                      3, nullptr, setup, nullptr, nullptr, 0);
    std::vector<const char*> v;
    for (const auto& p : st.params) v.push_back(p ? p->c_str() : nullptr);
    PQsendQueryParams(conn, st.sql.c_str(), static_cast<int>(v.size()), nullptr, v.data(), nullptr,
                      nullptr, 0);
    PQpipelineSync(conn);
    bool ok = true;
    for (int i = 0; i < 2; ++i) {
      PGresult* r = PQgetResult(conn);
      const ExecStatusType s = PQresultStatus(r);
      if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
        std::fprintf(stderr, "raw: %s", PQresultErrorMessage(r));
        ok = false;
      }
      PQclear(r);
      while ((r = PQgetResult(conn)) != nullptr) PQclear(r);
    }
    PGresult* sync = PQgetResult(conn);  // PGRES_PIPELINE_SYNC
    ok = ok && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
    PQclear(sync);
    return PQexitPipelineMode(conn) == 1 && ok;
  }
};

fb::Statement plan(const fb::Catalog& cat, const std::string& method, const std::string& path,
                   const fb::QueryParams& params, const fb::HeaderList& headers,
                   const std::string& body) {
  fb::RequestView view{method, path, params, headers, body};
  auto st = fb::plan_request(view, cat);
  if (!st.ok()) {
    std::fprintf(stderr, "planning %s %s: %s\n", method.c_str(), path.c_str(),
                 st.error().message.c_str());
    std::exit(1);
  }
  return st.value();
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 2;
  int rounds = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(argv[i + 1]);
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::max(1, std::atoi(argv[i + 1]));
  }
  const fs::path bin = fs::read_symlink("/proc/self/exe").parent_path();
  if (!getenv("FOH_BACKEND_BIN")) setenv("FOH_BACKEND_BIN", (bin / "foh-backend").c_str(), 1);
  std::string dir = (fs::temp_directory_path() / "foh-rps-XXXXXX").string();
  if (!mkdtemp(dir.data())) return 1;
  const std::string script = FOH_SOURCE_DIR "/tools/backend/local.sh";
  const std::string out = sh(script + " start " + dir);
  const std::string url = env_value(out, "FOH_BACKEND_URL");
  const std::string secret = env_value(out, "FOH_JWT_SECRET");
  const std::string anon = env_value(out, "FOH_ANON_KEY"),
                    service = env_value(out, "FOH_SERVICE_KEY");
  const std::string rid = env_value(out, "FOH_RESTAURANT_ID");
  std::string conninfo;
  std::getline(std::ifstream(dir + "/db"), conninfo);
  auto stop = [&] {
    sh(script + " stop " + dir + " 2>/dev/null");
    std::error_code ec;
    fs::remove_all(dir, ec);
  };
  if (url.empty() || conninfo.empty() || rid.empty()) {
    std::fprintf(stderr, "local.sh start failed (see %s)\n", dir.c_str());
    return 1;
  }
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::fprintf(stderr, "raw connection: %s", PQerrorMessage(conn));
    stop();
    return 1;
  }
  // The pool's session settings (pg_pool.cpp prepare_session).
  PQclear(PQexec(conn, "set plan_cache_mode = force_generic_plan; set datestyle = 'ISO, YMD'"));
  std::optional<fb::Catalog> cat;
  {
    fb::PgTx tx(conn, true);
    auto c = fb::Catalog::load(tx);
    if (!c.ok()) return std::fprintf(stderr, "catalog failed\n"), stop(), 1;
    cat = std::move(c.value());
    if (auto done = tx.commit(); !done.ok())
      return std::fprintf(stderr, "catalog commit failed: %s\n", done.error().message.c_str()),
             stop(), 1;
  }
  const std::string member = first_value(
      conn, "select id from team_members where restaurant_id = $1 order by role limit 1", rid);
  const std::string one = first_value(
      conn, "select id from reservations where restaurant_id = $1 order by id limit 1", rid);
  // A staff member's token, and the Caller the gateway makes of it.
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  const std::string token = fb::jwt_sign({{"role", "authenticated"},
                                          {"iss", "foh-backend"},
                                          {"iat", now},
                                          {"exp", now + 3600},
                                          {"restaurant_id", rid},
                                          {"sub", member}},
                                         secret);
  auto caller = fb::authenticate({secret, anon, service}, anon, "Bearer " + token, now);
  if (!caller.ok() || member.empty() || one.empty())
    return std::fprintf(stderr, "no staff caller or no reservation\n"), stop(), 1;
  const fb::Caller& who = caller.value();
  Raw raw{conn, who.role, who.claims.dump(), std::to_string(fb::kDefaultStatementTimeout.count())};

  // The two requests, planned as the gateway plans them.
  const fb::QueryParams get_params{{"select", "*"}, {"id", "eq." + one}};
  const fb::Statement get_st = plan(*cat, "GET", "/rest/v1/reservations", get_params, {}, "");
  const std::string upsert_id = fb::random_uuid();
  const std::string body = json::array({{{"id", upsert_id},
                                         {"restaurant_id", rid},
                                         {"guest_name", "Bench"},
                                         {"party_size", 2},
                                         {"date", "2027-03-01"},
                                         {"time", "10:00"},
                                         {"status", "Confirmed"}}})
                               .dump();
  const std::string prefer = "resolution=merge-duplicates,return=minimal";
  const fb::Statement upsert_st =
      plan(*cat, "POST", "/rest/v1/reservations", {},
           {{"Prefer", prefer}, {"Content-Type", "application/json"}}, body);

  httplib::Client cli(url);
  cli.set_keep_alive(true);
  cli.set_tcp_nodelay(true);  // as libcurl, the terminal's client, does by default
  const httplib::Headers h{{"apikey", anon}, {"Authorization", "Bearer " + token}};
  httplib::Headers hp = h;
  hp.emplace("Prefer", prefer);
  const std::string get_path = "/rest/v1/reservations?select=*&id=eq." + one;
  auto http_get = [&] {
    auto r = cli.Get(get_path, h);
    return r && r->status == 200 && r->body.size() > 2;
  };
  auto http_upsert = [&] {
    auto r = cli.Post("/rest/v1/reservations", hp, body, "application/json");
    if (!r || r->status != 201)
      std::fprintf(stderr, "upsert: %d %s\n", r ? r->status : -1, r ? r->body.c_str() : "");
    return r && r->status == 201;
  };
  if (!http_get() || !http_upsert() || !raw.run(get_st) || !raw.run(upsert_st)) {
    std::fprintf(stderr, "a request failed before timing\n");
    stop();
    return 1;
  }
  std::vector<double> hg, rg, hu, ru;
  for (int round = 0; round < rounds; ++round) {  // interleaved: the same load on both
    hg.push_back(rate(seconds, http_get));
    rg.push_back(rate(seconds, [&] { return raw.run(get_st); }));
    hu.push_back(rate(seconds, http_upsert));
    ru.push_back(rate(seconds, [&] { return raw.run(upsert_st); }));
  }
  PQfinish(conn);
  stop();
  auto line = [](const char* what, const std::vector<double>& http, const std::vector<double>& r) {
    const double a = median(http), b = median(r);
    std::printf(
        "%-26s foh-backend %7.0f req/s  raw libpq %7.0f req/s  ratio %.2f (target >= 0.5)\n", what,
        a, b, b > 0 ? a / b : 0.0);
  };
  std::printf("medians of %d rounds of %.1f s, one client, one request at a time\n", rounds,
              seconds);
  line("one-row GET (reservation)", hg, rg);
  line("one-row upsert", hu, ru);
  return 0;
}
