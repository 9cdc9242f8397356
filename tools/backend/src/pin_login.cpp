#include "pin_login.hpp"

#include <httplib.h>

#include <vector>

#include "gateway.hpp"
#include "jwt.hpp"
#include "pin_check.hpp"
#include "request_limits.hpp"

namespace foh::backend {
namespace {

ApiError bad_pin() { return pgrst(401, "FOH_BAD_PIN", "Wrong PIN or unknown team member"); }

// Not counted as an attempt: whoever is not a registered terminal of this
// restaurant (the public anon key, a member's token) must not be able to lock
// anybody out (issue 11).
ApiError not_a_terminal() {
  return pgrst(401, "FOH_DEVICE_REQUIRED",
               "pin-login needs the token of a terminal registered for this restaurant",
               std::nullopt, "Send the terminal's own login (its device token) as the bearer.");
}

std::string text_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct DeviceClaims {
  std::string device, restaurant;
};

// A device token (migration 012): authenticated, restaurant_id and device_id,
// and no sub (a member's token has one, and carries the device_id too).
Result<DeviceClaims, ApiError> device_of(const Caller& c) {
  DeviceClaims d{text_field(c.claims, "device_id"), text_field(c.claims, "restaurant_id")};
  if (c.role != "authenticated" || c.claims.contains("sub") || d.device.empty() ||
      d.restaurant.empty())
    return not_a_terminal();
  return d;
}

}  // namespace

void PinLogin::mount(httplib::Server& server) {
  server.Post("/functions/v1/pin-login",
              [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
}

Result<PinLogin::Prepared, ApiError> PinLogin::prepare(const std::string& device,
                                                       const std::string& restaurant,
                                                       const std::string& member) {
  // As the gateway's own user: neither the terminal nor anon reads these.
  auto lease = pool_.acquire();
  PgTx tx(lease.get(), false);
  if (!tx.begun()) return tx.begin_error();
  auto registered = tx.exec(
      "select 1 from public.terminal_devices where id::text = $1 and restaurant_id::text = $2 "
      "and revoked_at is null",
      {device, restaurant});
  if (!registered.ok()) return registered.error();
  if (!registered.value().size()) return not_a_terminal();
  // Every active member: the one asked for, and the hash cost of the dummy
  // that an unknown member's attempt pays.
  auto rows = tx.exec(
      "select m.id::text, to_jsonb(m)::text from public.team_members m "
      "where m.restaurant_id::text = $1 and m.is_active",
      {restaurant});
  if (!rows.ok()) return rows.error();
  Prepared p;
  std::vector<std::string> hashes;
  for (const auto& row : rows.value().data) {
    auto j = nlohmann::json::parse(row[1].value_or("null"), nullptr, false);
    hashes.push_back(text_field(j, "pin"));
    if (row[0].value_or("") == member) p.member = std::move(j);
  }
  p.dummy_iterations = dummy_iterations(hashes);
  if (!p.member.is_null()) {
    auto reserved = reserve_attempt(tx, member, device, policy_);
    if (!reserved.ok()) return reserved.error();
    p.reservation = reserved.value();
  }
  if (auto err = tx.commit(); !err.ok()) return err.error();
  return p;
}

ApiStatus PinLogin::clear(const std::string& member, const std::string& device) {
  auto lease = pool_.acquire();
  PgTx tx(lease.get(), false);
  if (!tx.begun()) return tx.begin_error();
  if (auto err = clear_attempts(tx, member, device); !err.ok()) return err;
  return tx.commit();
}

void PinLogin::handle(const httplib::Request& req, httplib::Response& res) {
  auto caller = authenticate(auth_, req.get_header_value("apikey"),
                             req.get_header_value("Authorization"), unix_now());
  if (!caller.ok()) return send_error(res, caller.error());
  auto terminal = device_of(caller.value());
  if (!terminal.ok()) return send_error(res, terminal.error());
  const DeviceClaims& d = terminal.value();
  if (auto bad = check_json_body(req.body); !bad.ok())
    return send_error(res, bad.error());  // before any parse
  auto body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return send_error(res, pgrst(400, "PGRST102", "Empty or invalid json"));
  std::string restaurant = text_field(body, "restaurant_id");
  std::string member_id = text_field(body, "team_member_id");
  std::string pin = text_field(body, "pin");
  if (restaurant.empty() || member_id.empty() || pin.empty())
    return send_error(res,
                      pgrst(400, "PGRST102", "restaurant_id, team_member_id and pin are required"));
  if (restaurant != d.restaurant) return send_error(res, not_a_terminal());

  auto prepared = prepare(d.device, restaurant, member_id);
  if (!prepared.ok()) return send_error(res, prepared.error());
  Prepared& p = prepared.value();
  if (p.reservation.locked) {
    std::string seconds = std::to_string(p.reservation.retry_after);
    res.set_header("Retry-After", seconds);
    return send_error(res, pgrst(429, "FOH_LOCKED", "Too many wrong PINs on this terminal: locked",
                                 "retry after " + seconds + " s"));
  }
  // No connection and no lock held from here: PBKDF2 takes its time.
  TeamMember m;
  if (!p.member.is_null()) {
    m.id = member_id;
    m.pin = text_field(p.member, "pin");
    m.pin_salt = text_field(p.member, "pin_salt");
  }
  if (!pin_matches_timed(pin, p.member.is_null() ? nullptr : &m, p.dummy_iterations))
    return send_error(res, bad_pin());  // already counted by prepare()
  if (auto err = clear(member_id, d.device); !err.ok()) return send_error(res, err.error());
  answer_session(res, std::move(p.member), restaurant, member_id, d.device);
}

void PinLogin::answer_session(httplib::Response& res, nlohmann::json member,
                              const std::string& restaurant, const std::string& member_id,
                              const std::string& device) {
  int64_t now = unix_now();
  member.erase("pin");
  member.erase("pin_salt");
  int64_t exp = now + ttl_;
  nlohmann::json claims = {{"role", "authenticated"},
                           {"restaurant_id", restaurant},
                           {"sub", member_id},
                           {"team_role", text_field(member, "role")},
                           {"device_id", device},
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
