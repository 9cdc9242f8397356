// foh-sender's workers (sender.hpp). Why the provider call happens inside the
// claiming transaction: the row stays locked, so no other sender can take it,
// and a sender that dies mid-call leaves PostgreSQL to roll the claim back
// (the connection drops), so the text is taken again: it is resent only if our
// commit of the provider's answer never happened.
#include "sender.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <iostream>
#include <thread>
#include <vector>

namespace foh::backend {

namespace {

constexpr auto kReconnectPause = std::chrono::seconds(1);
constexpr const char* kAsService =
    "select set_config('role', 'service_role', true), "
    "set_config('request.jwt.claims', '{\"role\":\"service_role\"}', true)";

struct Pg {
  PGconn* conn = nullptr;
  ~Pg() {
    if (conn) PQfinish(conn);
  }
  bool ok() const { return conn && PQstatus(conn) == CONNECTION_OK; }
  // Runs one statement; false (and the error logged) when it failed.
  bool exec(const char* sql, const std::vector<std::string>& params = {},
            PGresult** keep = nullptr) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    PGresult* r = PQexecParams(conn, sql, static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0);
    ExecStatusType st = PQresultStatus(r);
    bool good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!good) std::cerr << "foh-sender: " << log_safe(PQresultErrorMessage(r));
    if (good && keep)
      *keep = r;
    else
      PQclear(r);
    return good;
  }
};

std::string fill_links(std::string body, const std::string& public_url) {
  const std::string key = "{public_url}";
  for (size_t at = body.find(key); at != std::string::npos; at = body.find(key, at))
    body.replace(at, key.size(), public_url), at += public_url.size();
  return body;
}

// The provider's answer, recorded in the claiming transaction.
bool record(Pg& pg, const SenderConfig& cfg, const OutgoingText& t, int attempts,
            const SendResult& r) {
  using K = SendResult::Kind;
  if (r.kind == K::Sent) {
    std::cerr << "foh-sender: sent " << t.id << " as " << r.provider_id << "\n";
    return pg.exec("select foh_sms.record_sent($1, nullif($2, ''), $3)",
                   {t.id, r.provider_id, t.body});
  }
  if (r.kind == K::Permanent) {
    std::cerr << "foh-sender: refused " << t.id << ": " << log_safe(r.reason) << "\n";
    return pg.exec("select foh_sms.record_failed($1, $2)", {t.id, r.reason});
  }
  auto delay = retry_delay(cfg, attempts, r.retry_after);
  std::cerr << "foh-sender: retry " << t.id << " in " << delay.count()
            << " ms: " << log_safe(r.reason) << "\n";
  return pg.exec("select foh_sms.record_retry($1, $2, $3, $4)",
                 {t.id, std::to_string(delay.count()), r.reason, std::to_string(cfg.max_attempts)});
}

// One claim-send-record round; false when nothing was due (or the database failed).
bool send_one(Pg& pg, const SenderConfig& cfg, SmsProvider& provider) {
  if (!pg.exec("begin") || !pg.exec(kAsService)) return pg.exec("rollback"), false;
  PGresult* claimed = nullptr;
  if (!pg.exec("select id, to_phone, body, attempts from foh_sms.claim()", {}, &claimed))
    return pg.exec("rollback"), false;
  if (PQntuples(claimed) == 0) {
    PQclear(claimed);
    pg.exec("commit");  // deferrals and drops made by claim()
    return false;
  }
  OutgoingText t{PQgetvalue(claimed, 0, 0), PQgetvalue(claimed, 0, 1),
                 fill_links(PQgetvalue(claimed, 0, 2), cfg.public_url)};
  int attempts = std::atoi(PQgetvalue(claimed, 0, 3));
  PQclear(claimed);
  SendResult r = provider.send(t);
  if (!record(pg, cfg, t, attempts, r) || !pg.exec("commit")) {
    pg.exec("rollback");
    std::cerr << "foh-sender: could not record " << t.id << " (it will be taken again)\n";
  }
  return true;
}

void worker(const SenderConfig& cfg, const ProviderFactory& make, std::atomic<bool>& stop,
            bool schedules) {
  auto provider = make();
  auto next_due = std::chrono::steady_clock::now();
  while (!stop) {
    Pg pg;
    pg.conn = PQconnectdb(cfg.conninfo.c_str());
    if (!pg.ok()) {
      std::cerr << "foh-sender: cannot connect to PostgreSQL\n";
      std::this_thread::sleep_for(kReconnectPause);
      continue;
    }
    while (!stop && pg.ok()) {
      if (schedules && std::chrono::steady_clock::now() >= next_due) {
        pg.exec("begin"), pg.exec(kAsService), pg.exec("select foh_sms.enqueue_due()"),
            pg.exec("commit");
        next_due = std::chrono::steady_clock::now() + cfg.due_every;
      }
      if (!send_one(pg, cfg, *provider)) std::this_thread::sleep_for(cfg.idle_poll);
    }
  }
}

}  // namespace

std::chrono::milliseconds retry_delay(const SenderConfig& cfg, int attempts,
                                      std::chrono::milliseconds retry_after) {
  std::chrono::milliseconds backoff = cfg.backoff_base * (1 << std::clamp(attempts - 1, 0, 20));
  return std::min(std::max(backoff, retry_after), cfg.backoff_max);
}

std::string log_safe(const std::string& text) {
  std::string out;
  size_t run = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool digit = i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
    if (digit) {
      ++run;
      continue;
    }
    constexpr size_t kPhoneDigits = 5;
    out += run >= kPhoneDigits ? std::string(run, '*') : text.substr(i - run, run);
    run = 0;
    if (i < text.size()) out += text[i];
  }
  return out;
}

int run_sender(const SenderConfig& cfg, const ProviderFactory& make, std::atomic<bool>& stop) {
  {
    Pg probe;
    probe.conn = PQconnectdb(cfg.conninfo.c_str());
    if (!probe.ok()) {
      std::cerr << "foh-sender: cannot connect to PostgreSQL\n";
      return 1;
    }
  }
  std::vector<std::thread> threads;
  for (int i = 0; i < std::max(1, cfg.workers); ++i)
    threads.emplace_back(worker, std::cref(cfg), std::cref(make), std::ref(stop), i == 0);
  for (auto& t : threads) t.join();
  return 0;
}

}  // namespace foh::backend
