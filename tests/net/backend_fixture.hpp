#pragma once
// The real backend on loopback: PostgreSQL + foh-backend started with
// tools/backend/local.sh in a temp directory, once for the whole suite.
#include <string>

#include "foh/net/sync.hpp"

namespace fixture {

struct Backend {
  std::string dir, url, anon_key, service_key, jwt_secret, restaurant_id, db;
  // The terminal local.sh registers for the demo restaurant, and its own login
  // (what pin-login requires and what reads the PIN hashes).
  std::string device_id, device_token;
  std::string error;  // why it could not start
  bool up() const { return error.empty(); }

  // A staff token (role authenticated) for a restaurant and team member.
  std::string staff_token(const std::string& restaurant, const std::string& member,
                          int ttl_seconds = 3600) const;
  // A token of no registered terminal and no member (forged or stray).
  std::string token_signed_with(const std::string& secret, const std::string& restaurant) const;
  void stop_gateway();   // kills foh-backend only; PostgreSQL keeps its data
  void start_gateway();  // the same port again
  std::string psql(const std::string& sql) const;  // runs SQL as postgres, returns stdout
  foh::net::SyncConfig sync_config(const std::string& cache_path, const std::string& bearer) const;
};

// Started on first use; stopped at exit. When local.sh is absent the suite
// skips with a message; otherwise a failing start fails the tests.
Backend& backend();
// Another backend of its own, for a suite that needs one started differently:
// `env` (shell assignments, e.g. "FOH_SMS_BASE_URL=...") precedes local.sh
// start. stop_local stops what local.sh started (foh-sender included) and
// removes its directory.
Backend start_local(const std::string& env);
void stop_local(const Backend& b);
// foh-sender: FOH_SENDER_BIN, else next to foh-backend (as local.sh finds it).
std::string sender_bin();
std::string run_command(const std::string& cmd, int* status = nullptr);

}  // namespace fixture
