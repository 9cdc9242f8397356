// Helpers of the guest-text tests (messaging_util.hpp).
#include "messaging_util.hpp"

#include <doctest/doctest.h>
#include <httplib.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <mutex>
#include <random>

#include "client.hpp"
#include "sms_form.hpp"

namespace fohtest {

std::vector<SqlRow> sql(const std::string& query, const std::vector<std::string>& params) {
  PGconn* c = PQconnectdb(backend().db.c_str());
  REQUIRE(PQstatus(c) == CONNECTION_OK);
  std::vector<const char*> v;
  for (const auto& p : params) v.push_back(p.c_str());
  // Without parameters: the simple protocol, so `query` may be several statements.
  PGresult* r = params.empty() ? PQexec(c, query.c_str())
                               : PQexecParams(c, query.c_str(), static_cast<int>(v.size()), nullptr,
                                              v.data(), nullptr, nullptr, 0);
  ExecStatusType st = PQresultStatus(r);
  INFO(query << ": " << PQresultErrorMessage(r));
  CHECK((st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK));
  std::vector<SqlRow> rows;
  for (int i = 0; i < PQntuples(r); ++i) {
    SqlRow row;
    for (int j = 0; j < PQnfields(r); ++j)
      row.push_back(PQgetisnull(r, i, j) ? std::nullopt
                                         : std::optional<std::string>(PQgetvalue(r, i, j)));
    rows.push_back(row);
  }
  PQclear(r);
  PQfinish(c);
  return rows;
}

std::string sql_value(const std::string& query, const std::vector<std::string>& params) {
  auto rows = sql(query, params);
  return rows.empty() || rows[0].empty() || !rows[0][0] ? "" : *rows[0][0];
}

std::string twilio_token() {
  const char* t = std::getenv("FOH_TWILIO_AUTH_TOKEN");
  return t ? t : "";
}

WebhookResp post_webhook(const std::string& path,
                         const std::vector<std::pair<std::string, std::string>>& form,
                         const std::optional<std::string>& signature, const std::string& raw_body) {
  std::string host = "127.0.0.1:" + std::to_string(backend().port);
  std::string sig =
      signature ? *signature
                : foh::backend::twilio_signature(twilio_token(), "http://" + host + path, form);
  httplib::Client cli(backend().host, backend().port);
  httplib::Headers h{{"X-Twilio-Signature", sig}, {"Host", host}};
  std::string body = raw_body.empty() ? foh::backend::form_encode(form) : raw_body;
  auto r = cli.Post(path, h, body, "application/x-www-form-urlencoded");
  return r ? WebhookResp{r->status, r->body} : WebhookResp{};
}

std::string sms_restaurant(const std::string& name, const nlohmann::json& sms) {
  std::string r = seed_restaurant(name);
  sql("update public.restaurants set settings = settings || jsonb_build_object('sms', $2::jsonb, "
      "'timezone', 'Europe/Paris') where id = $1",
      {r, sms.dump()});
  return r;
}

std::string kiosk_join(const std::string& restaurant, const std::string& name,
                       const std::string& phone, bool consent) {
  std::string id = uuid();
  nlohmann::json e = {{"id", id},
                      {"restaurant_id", restaurant},
                      {"date", sql_value("select current_date::text")},
                      {"party_size", 2},
                      {"guest_name", name},
                      {"guest_phone", phone},
                      {"consent", consent},
                      {"notification_token", uuid()}};
  Resp r = post("/rest/v1/waitlist_entries", e, anon());
  INFO(r.raw);
  REQUIRE(r.status == 201);
  return id;
}

nlohmann::json entry_row(const std::string& id) {
  Resp r = get("/rest/v1/waitlist_entries?id=eq." + id, service());
  REQUIRE(r.status == 200);
  REQUIRE(r.body.size() == 1);
  return r.body[0];
}

std::string new_message_sid() {
  static std::mutex m;
  static std::mt19937_64 rng{std::random_device{}()};
  std::lock_guard l(m);
  std::string s = "SM";
  for (int i = 0; i < 32; ++i) s += "0123456789abcdef"[rng() % 16];
  return s;
}

std::string paris_time(int minutes) {
  return sql_value(
      "select to_char((now() + make_interval(mins => $1::int)) at time zone "
      "'Europe/Paris', 'HH24:MI')",
      {std::to_string(minutes)});
}

}  // namespace fohtest
