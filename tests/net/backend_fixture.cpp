#include "backend_fixture.hpp"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace fixture {

std::string run_command(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

namespace {

std::string backend_bin() {
  const char* b = std::getenv("FOH_BACKEND_BIN");
  return b ? b : std::string(FOH_SOURCE_DIR "/build/bin/foh-backend");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string value_of(const std::string& out, const std::string& key) {
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
  return {};
}

Backend* g_backend = nullptr;

void stop_all() {
  if (g_backend) stop_local(*g_backend);
}

}  // namespace

Backend start_local(const std::string& env) {
  Backend x;
  std::string script = FOH_SOURCE_DIR "/tools/backend/local.sh";
  if (!std::filesystem::exists(script)) {
    x.error = "tools/backend/local.sh does not exist yet";
    return x;
  }
  std::string tmpl = (std::filesystem::temp_directory_path() / "foh-net-backend-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) {
    x.error = "mkdtemp failed";
    return x;
  }
  x.dir = tmpl;
  int status = 0;
  std::string out = run_command(env + " FOH_BACKEND_BIN='" + backend_bin() + "' " + script +
                                    " start " + x.dir + " 2>" + x.dir + "/start.err",
                                &status);
  x.url = value_of(out, "FOH_BACKEND_URL");
  x.anon_key = value_of(out, "FOH_ANON_KEY");
  x.service_key = value_of(out, "FOH_SERVICE_KEY");
  x.jwt_secret = value_of(out, "FOH_JWT_SECRET");
  x.restaurant_id = value_of(out, "FOH_RESTAURANT_ID");
  x.device_id = value_of(out, "FOH_DEVICE_ID");
  x.device_token = value_of(out, "FOH_DEVICE_TOKEN");
  x.db = read_file(x.dir + "/db");
  if (status != 0 || x.url.empty())
    x.error = "local.sh start failed: " + read_file(x.dir + "/start.err");
  return x;
}

void stop_local(const Backend& b) {
  if (b.dir.empty()) return;
  run_command(std::string(FOH_SOURCE_DIR "/tools/backend/local.sh stop ") + b.dir + " 2>/dev/null");
  std::error_code ec;
  std::filesystem::remove_all(b.dir, ec);
}

std::string sender_bin() {
  if (const char* s = std::getenv("FOH_SENDER_BIN")) return s;
  return (std::filesystem::path(backend_bin()).parent_path() / "foh-sender").string();
}

Backend& backend() {
  static Backend b = start_local("");
  if (!g_backend) {
    g_backend = &b;
    std::atexit(stop_all);
  }
  return b;
}

std::string Backend::staff_token(const std::string& restaurant, const std::string& member,
                                 int ttl_seconds) const {
  std::string out = run_command(backend_bin() + " --mint-token --jwt-secret " + jwt_secret +
                                " --role authenticated --restaurant-id " + restaurant + " --sub " +
                                member + " --ttl " + std::to_string(ttl_seconds));
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string Backend::token_signed_with(const std::string& secret,
                                       const std::string& restaurant) const {
  std::string out = run_command(backend_bin() + " --mint-token --jwt-secret " + secret +
                                " --role authenticated --restaurant-id " + restaurant);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

void Backend::stop_gateway() {
  pid_t pid = static_cast<pid_t>(std::atol(read_file(dir + "/backend.pid").c_str()));
  if (pid <= 0) return;
  kill(pid, SIGTERM);
  for (int i = 0; i < 100 && kill(pid, 0) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

void Backend::start_gateway() {
  pid_t running = static_cast<pid_t>(std::atol(read_file(dir + "/backend.pid").c_str()));
  if (running > 0 && kill(running, 0) == 0) return;  // still up
  std::string port = read_file(dir + "/backend.port");
  std::string cmd = "FOH_DB='" + db + "' FOH_JWT_SECRET='" + jwt_secret + "' FOH_ANON_KEY='" +
                    anon_key + "' FOH_SERVICE_KEY='" + service_key + "' nohup " + backend_bin() +
                    " --port " + port + " >>" + dir + "/backend.log 2>&1 </dev/null & echo $!";
  std::string pid = run_command(cmd);
  std::ofstream(dir + "/backend.pid") << pid;
  // Ready when /health answers.
  for (int i = 0; i < 100; ++i) {
    int st = 0;
    run_command("bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + port + "' 2>/dev/null", &st);
    if (st == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string Backend::psql(const std::string& sql) const {
  std::string bin = run_command("ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1");
  while (!bin.empty() && bin.back() == '\n') bin.pop_back();
  return run_command(bin + "/psql '" + db + "' -X -q -t -A -c \"" + sql + "\" 2>&1");
}

foh::net::SyncConfig Backend::sync_config(const std::string& cache_path,
                                          const std::string& bearer) const {
  foh::net::SyncConfig c;
  c.rest.base_url = url;
  c.rest.api_key = anon_key;
  c.rest.bearer = bearer;
  c.rest.max_attempts = 2;
  c.rest.backoff_base_ms = 20;
  c.restaurant_id = restaurant_id;
  c.cache_path = cache_path;
  c.poll_interval_ms = 200;
  return c;
}

}  // namespace fixture
