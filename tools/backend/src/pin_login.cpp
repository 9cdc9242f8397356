#include "pin_login.hpp"

#include <httplib.h>

#include "gateway.hpp"
#include "jwt.hpp"
#include "pin_check.hpp"

namespace foh::backend {
namespace {

constexpr int kFreeFailures = 5;
constexpr int64_t kFirstLockSeconds = 30;

ApiError bad_pin() { return pgrst(401, "FOH_BAD_PIN", "Wrong PIN or unknown team member"); }

std::string text_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void PinLogin::mount(httplib::Server& server) {
  server.Post("/functions/v1/pin-login",
              [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
}

int64_t PinLogin::begin_attempt(const std::string& member, int64_t now) {
  std::lock_guard lock(mu_);
  Attempts& a = attempts_[member];
  if (a.locked_until > now) return a.locked_until - now;
  if (a.in_flight) return 1;
  a.in_flight = true;
  return 0;
}

void PinLogin::end_attempt(const std::string& member, Outcome outcome, int64_t now) {
  std::lock_guard lock(mu_);
  if (outcome == Outcome::Ok) {
    attempts_.erase(member);
    return;
  }
  Attempts& a = attempts_[member];
  a.in_flight = false;
  if (outcome == Outcome::Abandoned) return;
  a.failures += 1;
  if (a.failures >= kFreeFailures) {
    int doublings = std::min(a.failures - kFreeFailures, 16);
    a.locked_until = now + (kFirstLockSeconds << doublings);
  }
}

foh::backend::Outcome<nlohmann::json> PinLogin::find_member(const std::string& restaurant,
                                                            const std::string& member) {
  // Read as the gateway's own user: the caller (anon) may not read team_members.
  auto lease = pool_.acquire();
  PgTx tx(lease.get(), false);
  if (!tx.begun()) return tx.begin_error();
  auto rows = tx.exec(
      "select to_jsonb(m)::text from public.team_members m where m.id::text = $1 "
      "and m.restaurant_id::text = $2 and m.is_active",
      {member, restaurant});
  if (failed(rows)) return std::get<ApiError>(rows);
  const Rows& found = std::get<Rows>(rows);
  return found.size() ? nlohmann::json::parse(*found.data[0][0]) : nlohmann::json();
}

void PinLogin::handle(const httplib::Request& req, httplib::Response& res) {
  auto caller = authenticate(auth_, req.get_header_value("apikey"),
                             req.get_header_value("Authorization"), unix_now());
  if (failed(caller)) return send_error(res, std::get<ApiError>(caller));
  auto body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return send_error(res, pgrst(400, "PGRST102", "Empty or invalid json"));
  std::string restaurant = text_field(body, "restaurant_id");
  std::string member_id = text_field(body, "team_member_id");
  std::string pin = text_field(body, "pin");
  if (restaurant.empty() || member_id.empty() || pin.empty())
    return send_error(res,
                      pgrst(400, "PGRST102", "restaurant_id, team_member_id and pin are required"));

  int64_t now = unix_now();
  if (int64_t wait = begin_attempt(member_id, now)) {
    res.set_header("Retry-After", std::to_string(wait));
    return send_error(res, pgrst(429, "FOH_LOCKED", "Too many wrong PINs: locked",
                                 "retry after " + std::to_string(wait) + " s"));
  }
  auto row = find_member(restaurant, member_id);
  if (failed(row)) {
    end_attempt(member_id, Outcome::Abandoned, now);  // the database failed, not the PIN
    return send_error(res, std::get<ApiError>(row));
  }
  nlohmann::json member = std::get<nlohmann::json>(row);
  TeamMember m;
  m.id = member_id;
  m.pin = text_field(member, "pin");
  m.pin_salt = text_field(member, "pin_salt");
  bool ok = !member.is_null() && !m.pin.empty() && pin_matches(pin, m);
  end_attempt(member_id, ok ? Outcome::Ok : Outcome::Wrong, now);
  if (!ok) return send_error(res, bad_pin());
  member.erase("pin");
  member.erase("pin_salt");
  int64_t exp = now + ttl_;
  nlohmann::json claims = {{"role", "authenticated"},
                           {"restaurant_id", restaurant},
                           {"sub", member_id},
                           {"team_role", text_field(member, "role")},
                           {"iat", now},
                           {"exp", exp}};
  nlohmann::json out = {{"member", member},
                        {"access_token", jwt_sign(claims, auth_.jwt_secret)},
                        {"token_type", "bearer"},
                        {"expires_in", ttl_},
                        {"expires_at", exp}};
  res.set_content(out.dump(), "application/json; charset=utf-8");
}

}  // namespace foh::backend
