// foh-sender: sends the guest texts queued in PostgreSQL (README "foh-sender").
// Its own process, next to foh-backend: a crash or a kill -9 of the sender
// never takes the API down, and several senders (or hosts) share the queue.
// Configuration from the environment only (secrets stay out of `ps`):
//   FOH_DB                  PostgreSQL connection string (required)
//   FOH_SMS_BASE_URL        the provider's API base (https://api.twilio.com)
//   FOH_TWILIO_ACCOUNT_SID, FOH_TWILIO_AUTH_TOKEN, FOH_SMS_FROM (number or MG... service SID)
//   FOH_PUBLIC_URL          where foh-backend is reached from outside (links, StatusCallback)
//   FOH_SMS_WORKERS (16), FOH_SMS_BACKOFF_MS (2000), FOH_SMS_MAX_ATTEMPTS (8),
//   FOH_SMS_POLL_MS (200), FOH_SMS_DUE_MS (5000)
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "sender.hpp"

using namespace foh::backend;

namespace {

std::atomic<bool> g_stop{false};
void on_signal(int) { g_stop = true; }

std::string env(const char* name, const std::string& fallback = "") {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

long env_number(const char* name, long fallback) {
  std::string v = env(name);
  char* end = nullptr;
  long n = v.empty() ? fallback : std::strtol(v.c_str(), &end, 10);
  return (!v.empty() && (*end != '\0' || n <= 0)) ? fallback : n;
}

}  // namespace

int main() {
  SenderConfig cfg;
  cfg.conninfo = env("FOH_DB");
  cfg.public_url = env("FOH_PUBLIC_URL");
  while (!cfg.public_url.empty() && cfg.public_url.back() == '/') cfg.public_url.pop_back();
  cfg.workers = static_cast<int>(env_number("FOH_SMS_WORKERS", cfg.workers));
  cfg.backoff_base = std::chrono::milliseconds(env_number("FOH_SMS_BACKOFF_MS", 2000));
  cfg.max_attempts = static_cast<int>(env_number("FOH_SMS_MAX_ATTEMPTS", cfg.max_attempts));
  cfg.idle_poll = std::chrono::milliseconds(env_number("FOH_SMS_POLL_MS", 200));
  cfg.due_every = std::chrono::milliseconds(env_number("FOH_SMS_DUE_MS", 5000));
  TwilioConfig tw{env("FOH_SMS_BASE_URL", "https://api.twilio.com"), env("FOH_TWILIO_ACCOUNT_SID"),
                  env("FOH_TWILIO_AUTH_TOKEN"), env("FOH_SMS_FROM"),
                  cfg.public_url.empty() ? "" : cfg.public_url + "/sms/status"};
  while (!tw.base_url.empty() && tw.base_url.back() == '/') tw.base_url.pop_back();
  if (cfg.conninfo.empty() || tw.account_sid.empty() || tw.auth_token.empty() || tw.from.empty()) {
    std::cerr << "foh-sender: FOH_DB, FOH_TWILIO_ACCOUNT_SID, FOH_TWILIO_AUTH_TOKEN and "
                 "FOH_SMS_FROM are required\n";
    return 2;
  }
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  std::cerr << "foh-sender: " << cfg.workers << " workers\n";
  return run_sender(
      cfg, [tw] { return make_twilio(tw); }, g_stop);
}
