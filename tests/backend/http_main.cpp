// Starts PostgreSQL + foh-backend with tools/backend/local.sh in a temp dir,
// runs the doctest suite against it over HTTP, then stops both.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "client.hpp"

namespace {

std::string run(const std::string& cmd, int& status) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) {
    status = -1;
    return out;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  status = pclose(p);
  return out;
}

bool start(fohtest::Backend& b) {
  char tmpl[] = "/tmp/foh-backend-test-XXXXXX";
  if (!mkdtemp(tmpl)) return false;
  b.dir = tmpl;
  int status = 0;
  std::string out = run(std::string(FOH_LOCAL_SH) + " start " + b.dir, status);
  if (status != 0) {
    std::cerr << "local.sh start failed (" << status << ")\n" << out;
    return false;
  }
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string k = line.substr(0, eq), v = line.substr(eq + 1);
    if (k == "FOH_BACKEND_URL") b.url = v;
    if (k == "FOH_ANON_KEY") b.anon_key = v;
    if (k == "FOH_SERVICE_KEY") b.service_key = v;
    if (k == "FOH_JWT_SECRET") b.jwt_secret = v;
    if (k == "FOH_RESTAURANT_ID") b.restaurant_id = v;
  }
  std::ifstream db(b.dir + "/db");
  std::getline(db, b.db);
  auto colon = b.url.rfind(':');
  b.host = "127.0.0.1";
  b.port = colon == std::string::npos ? 0 : std::atoi(b.url.c_str() + colon + 1);
  return b.port > 0 && !b.anon_key.empty() && !b.service_key.empty();
}

}  // namespace

int main(int argc, char** argv) {
  fohtest::Backend& b = fohtest::backend();
  // foh-backend checks the SMS webhooks' signatures with this (test_messaging_webhooks.cpp);
  // their URL is the one it is called on (no FOH_PUBLIC_URL).
  setenv("FOH_TWILIO_AUTH_TOKEN", "test-twilio-auth-token", 1);
  unsetenv("FOH_PUBLIC_URL");
  if (!start(b)) {
    std::cerr << "could not start the local backend\n";
    return 1;
  }
  doctest::Context ctx(argc, argv);
  int rc = ctx.run();
  int status = 0;
  run(std::string(FOH_LOCAL_SH) + " stop " + b.dir + " 2>&1", status);
  if (rc == 0 && !std::getenv("FOH_KEEP_BACKEND_DIR")) std::filesystem::remove_all(b.dir);
  return rc;
}
