// foh-sms-bench: N texts queued at once (waitlist joins with consent), a fake
// provider answering each in --delay-ms, S foh-sender processes; how long until
// the provider has taken them all, and whether any went twice.
//   foh-sms-bench --db CONNINFO [--sender build/bin/foh-sender] [--texts 1000]
//                 [--delay-ms 50] [--senders 1] [--workers 16]
// (with local.sh: --db "$(cat DIR/db)"). Exit status 1 when a text is missing or duplicated.
#include <libpq-fe.h>

#include <cstdlib>
#include <iostream>
#include <map>

#include "sms_harness.hpp"

namespace {

constexpr auto kGiveUp = std::chrono::seconds(120);
constexpr auto kPoll = std::chrono::milliseconds(10);
constexpr auto kLateDuplicates = std::chrono::seconds(1);

std::map<std::string, std::string> parse(int argc, char** argv) {
  std::map<std::string, std::string> a{{"--sender", "build/bin/foh-sender"},
                                       {"--texts", "1000"},
                                       {"--delay-ms", "50"},
                                       {"--senders", "1"},
                                       {"--workers", "16"}};
  if (const char* db = std::getenv("FOH_DB")) a["--db"] = db;
  for (int i = 1; i + 1 < argc; i += 2) a[argv[i]] = argv[i + 1];
  return a;
}

std::string one_value(PGconn* c, const std::string& sql, std::vector<std::string> params) {
  std::vector<const char*> v;
  for (auto& p : params) v.push_back(p.c_str());
  PGresult* r = PQexecParams(c, sql.c_str(), static_cast<int>(v.size()), nullptr, v.data(), nullptr,
                             nullptr, 0);
  std::string out;
  if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
  if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK)
    std::cerr << "sms-bench: " << PQresultErrorMessage(r);
  PQclear(r);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  auto a = parse(argc, argv);
  if (a["--db"].empty()) {
    std::cerr << "usage: foh-sms-bench --db CONNINFO [--sender BIN] [--texts N] [--delay-ms MS] "
                 "[--senders S] [--workers W]\n";
    return 2;
  }
  int texts = std::atoi(a["--texts"].c_str()), senders = std::atoi(a["--senders"].c_str());
  PGconn* c = PQconnectdb(a["--db"].c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::cerr << "sms-bench: cannot connect\n";
    return 2;
  }
  std::string rid =
      one_value(c,
                "insert into public.restaurants (name, settings) values ('SMS bench', "
                "'{\"locale\":\"en\",\"sms\":{\"included_per_month\":1000000}}') returning id",
                {});
  one_value(c,
            "insert into public.waitlist_entries (restaurant_id, date, party_size, guest_name, "
            "guest_phone, consent) select $1, current_date, 2, 'Guest ' || g, "
            "'+3361' || lpad(g::text, 7, '0'), true from generate_series(1, $2::int) g",
            {rid, std::to_string(texts)});
  fohsms::FakeProvider provider;
  provider.delay_ms = std::atoi(a["--delay-ms"].c_str());
  auto t0 = std::chrono::steady_clock::now();
  std::vector<pid_t> pids;
  for (int i = 0; i < senders; ++i)
    pids.push_back(fohsms::start_sender(a["--sender"], a["--db"], provider.base_url(),
                                        "https://foh.example", std::atoi(a["--workers"].c_str())));
  while (provider.accepted() < static_cast<size_t>(texts) &&
         std::chrono::steady_clock::now() - t0 < kGiveUp)
    std::this_thread::sleep_for(kPoll);
  std::this_thread::sleep_for(kLateDuplicates);
  for (pid_t p : pids) fohsms::stop_sender(p);
  auto last = t0;
  size_t duplicated = 0;
  for (const auto& r : provider.received())
    if (r.answer == 201 && r.answered_at > last) last = r.answered_at;
  for (const auto& [body, n] : provider.accepted_per_body()) duplicated += n > 1 ? n - 1 : 0;
  std::string sent = one_value(c,
                               "select count(*) from foh_private.outgoing_texts where "
                               "restaurant_id = $1 and status = 'sent'",
                               {rid});
  one_value(c, "delete from public.restaurants where id = $1", {rid});
  PQfinish(c);
  double s = std::chrono::duration<double>(last - t0).count();
  std::cout << "texts " << texts << ", provider " << a["--delay-ms"] << " ms, senders " << senders
            << " x " << a["--workers"] << " workers: all taken in " << s << " s ("
            << (s > 0 ? texts / s : 0) << " texts/s), accepted " << provider.accepted()
            << ", duplicated " << duplicated << ", recorded sent " << sent << "\n";
  return provider.accepted() == static_cast<size_t>(texts) && duplicated == 0 ? 0 : 1;
}
