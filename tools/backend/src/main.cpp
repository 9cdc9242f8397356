// foh-backend: a local stand-in for Supabase's REST API (PostgREST dialect) and
// the pin-login function, over PostgreSQL. Listens on 127.0.0.1 only.
//
//   foh-backend --db CONNINFO --jwt-secret S --anon-key K --service-key K [--port N]
//               [--port-file F] [--pool N] [--token-ttl SECONDS] [--statement-timeout-ms MS]
//               [--log-file F]   (JSON lines; FOH_LOG_FILE; default stderr)
//   foh-backend --mint-token --jwt-secret S --role ROLE [--restaurant-id ID] [--sub ID]
//               [--device-id ID] [--ttl S]
//   foh-backend --load-demo --db CONNINFO --restaurant R.json --day D.json
//   foh-backend --free-port
//   foh-backend --new-secret
// Secrets may also come from the environment (FOH_JWT_SECRET, FOH_ANON_KEY,
// FOH_SERVICE_KEY, FOH_DB) so that they don't show in the process list;
// FOH_STATEMENT_TIMEOUT_MS replaces --statement-timeout-ms.
#include <arpa/inet.h>
#include <httplib.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include "demo_loader.hpp"
#include "gateway.hpp"
#include "json_log.hpp"
#include "jwt.hpp"
#include "pin_login.hpp"
#include "position_page.hpp"
#include "range_server.hpp"
#include "server_guards.hpp"
#include "sms_webhooks.hpp"

using namespace foh::backend;

namespace {

using Args = std::map<std::string, std::string>;

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    if (k.rfind("--", 0) != 0) {
      a["?"] = k;
      continue;
    }
    bool flag = i + 1 >= argc || std::string(argv[i + 1]).rfind("--", 0) == 0;
    a[k] = flag ? "" : argv[++i];
  }
  return a;
}

std::string arg(const Args& a, const std::string& key, const char* env = nullptr,
                const std::string& fallback = "") {
  auto it = a.find(key);
  if (it != a.end()) return it->second;
  if (env && std::getenv(env)) return std::getenv(env);
  return fallback;
}

int usage(const std::string& why) {
  std::cerr
      << "foh-backend: " << why << "\n"
      << "usage: foh-backend --db CONNINFO --jwt-secret S --anon-key K --service-key K "
         "[--port N] [--port-file F] [--pool N] [--token-ttl S] [--statement-timeout-ms MS]\n"
         "       foh-backend --mint-token --jwt-secret S --role anon|authenticated|service_role "
         "[--restaurant-id ID] [--sub ID] [--device-id ID] [--ttl SECONDS]\n"
         "       foh-backend --load-demo --db CONNINFO --restaurant R.json --day D.json\n"
         "       foh-backend --free-port | --new-secret\n";
  return 2;
}

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) close(fd);
    return -1;
  }
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

int mint(const Args& a) {
  std::string secret = arg(a, "--jwt-secret", "FOH_JWT_SECRET");
  std::string role = arg(a, "--role");
  if (secret.empty() || role.empty()) return usage("--mint-token needs --jwt-secret and --role");
  int64_t now = unix_now();
  // Project keys live long (as Supabase's do); staff tokens pass --ttl.
  long ttl = std::atol(arg(a, "--ttl", nullptr, "315360000").c_str());
  nlohmann::json claims = {
      {"role", role}, {"iss", "foh-backend"}, {"iat", now}, {"exp", now + ttl}};
  if (!arg(a, "--restaurant-id").empty()) claims["restaurant_id"] = arg(a, "--restaurant-id");
  if (!arg(a, "--sub").empty()) claims["sub"] = arg(a, "--sub");
  // A terminal's own login: the id of its terminal_devices row (migration 012).
  if (!arg(a, "--device-id").empty()) claims["device_id"] = arg(a, "--device-id");
  std::cout << jwt_sign(claims, secret) << "\n";
  return 0;
}

int load(const Args& a) {
  std::string db = arg(a, "--db", "FOH_DB");
  if (db.empty() || arg(a, "--restaurant").empty() || arg(a, "--day").empty())
    return usage("--load-demo needs --db, --restaurant and --day");
  PGconn* conn = PQconnectdb(db.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::cerr << "foh-backend: cannot connect to PostgreSQL: " << PQerrorMessage(conn);
    PQfinish(conn);
    return 1;
  }
  auto id = load_demo(conn, arg(a, "--restaurant"), arg(a, "--day"));
  PQfinish(conn);
  if (!id) {
    std::cerr << "foh-backend: " << id.error().text() << "\n";
    return 1;
  }
  std::cout << *id << "\n";
  return 0;
}

httplib::Server* g_server = nullptr;
void on_signal(int) {
  if (g_server) g_server->stop();
}

int serve(const Args& a) {
  AuthConfig auth{arg(a, "--jwt-secret", "FOH_JWT_SECRET"), arg(a, "--anon-key", "FOH_ANON_KEY"),
                  arg(a, "--service-key", "FOH_SERVICE_KEY")};
  std::string db = arg(a, "--db", "FOH_DB");
  if (db.empty() || auth.jwt_secret.empty()) return usage("--db and --jwt-secret are required");
  int pool_size = std::max(1, std::atoi(arg(a, "--pool", nullptr, "8").c_str()));
  auto pool = PgPool::open(db, pool_size);
  if (!pool) {
    std::cerr << "foh-backend: " << pool.error().text() << "\n";
    return 1;
  }
  std::optional<Catalog> catalog;
  {
    auto lease = (*pool)->acquire();
    PgTx tx(lease.get(), true);
    auto cat = Catalog::load(tx);
    if (!cat.ok()) {
      std::cerr << "foh-backend: reading the schema: " << cat.error().message << "\n";
      return 1;
    }
    catalog = std::move(cat.value());
  }
  // A statement past this is cancelled (57014 -> 500), so no request holds a
  // pooled connection for long; 0 turns the limit off.
  long timeout_ms = std::atol(arg(a, "--statement-timeout-ms", "FOH_STATEMENT_TIMEOUT_MS",
                                  std::to_string(kDefaultStatementTimeout.count()))
                                  .c_str());
  Gateway gateway(**pool, std::move(*catalog), auth,
                  std::chrono::milliseconds(std::max(0L, timeout_ms)));
  PositionPage position_page(**pool);
  PinLogin pin_login(**pool, auth, std::atoi(arg(a, "--token-ttl", nullptr, "900").c_str()));

  // A kept-alive connection waits for its next request off the worker
  // threads (range_server.hpp), so workers are busy only with requests; there
  // are more of them than database connections so that a request waits for a
  // connection, not for a thread. The Range header reaches the gateway.
  size_t threads = static_cast<size_t>(std::max(32, 4 * pool_size));
  std::unique_ptr<httplib::Server> owned = make_range_server(threads);
  httplib::Server& server = *owned;
  server.set_keep_alive_max_count(1000);  // httplib's default of 5 reconnects a pushing terminal
  server.set_tcp_nodelay(true);           // small JSON answers must not wait on Nagle + delayed ACK
  // JSON lines (json_log.hpp) to stderr, or to --log-file / FOH_LOG_FILE.
  if (!init_json_log(arg(a, "--log-file", "FOH_LOG_FILE")))
    std::cerr << "foh-backend: cannot open the log file; logging to stderr\n";
  log_json("info", "start", {{"pool", pool_size}});
  install_guards(server);
  gateway.mount(server);
  pin_login.mount(server);
  position_page.mount(server);
  mount_health(server, **pool);
  mount_sms_webhooks(server, **pool, webhook_config_from_env());  // FOH_TWILIO_AUTH_TOKEN

  int port = std::atoi(arg(a, "--port", nullptr, "0").c_str());
  if (port == 0)
    port = server.bind_to_any_port("127.0.0.1");
  else if (!server.bind_to_port("127.0.0.1", port))
    port = -1;
  if (port < 0) {
    std::cerr << "foh-backend: cannot listen on 127.0.0.1\n";
    return 1;
  }
  std::cout << "FOH_BACKEND_PORT=" << port << std::endl;
  std::string port_file = arg(a, "--port-file");
  if (!port_file.empty()) {
    std::string tmp = port_file + ".tmp";
    std::ofstream(tmp) << port << "\n";
    std::rename(tmp.c_str(), port_file.c_str());  // readers never see half a number
  }
  g_server = &server;
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  server.listen_after_bind();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a = parse_args(argc, argv);
  if (a.count("?")) return usage("unexpected argument " + a["?"]);
  if (a.count("--mint-token")) return mint(a);
  if (a.count("--load-demo")) return load(a);
  if (a.count("--free-port")) {
    int p = free_port();
    if (p < 0) return usage("no free port on 127.0.0.1");
    std::cout << p << "\n";
    return 0;
  }
  if (a.count("--new-secret")) {
    std::cout << random_hex(32) << "\n";
    return 0;
  }
  if (a.count("--help")) return usage("help");
  return serve(a);
}
