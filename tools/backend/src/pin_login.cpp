#include "pin_login.hpp"

#include <httplib.h>

#include "gateway.hpp"
#include "jwt.hpp"
#include "pin_check.hpp"

namespace foh::backend {
namespace {

constexpr const char* kFreeFailures = "5";
constexpr const char* kFirstLockSeconds = "30";

ApiError bad_pin() { return pgrst(401, "FOH_BAD_PIN", "Wrong PIN or unknown team member"); }

std::string text_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Locks the member's attempts row until `tx` ends, so that parallel guesses at
// one member are checked one after the other, each seeing the count the
// previous one left; returns the seconds the member stays locked (0: free).
Outcome<int64_t> lock_attempts(PgTx& tx, const std::string& member) {
  auto made = tx.exec(
      "insert into foh_private.pin_attempts (team_member_id) values ($1::uuid) "
      "on conflict do nothing",
      {member});
  if (failed(made)) return std::get<ApiError>(made);
  auto row = tx.exec(
      "select greatest(0, ceil(extract(epoch from locked_until - clock_timestamp())))::bigint "
      "from foh_private.pin_attempts where team_member_id = $1::uuid for update",
      {member});
  if (failed(row)) return std::get<ApiError>(row);
  const Rows& r = std::get<Rows>(row);
  return r.size() && r.data[0][0] ? std::stoll(*r.data[0][0]) : 0;
}

// A right PIN clears the count; a wrong one adds to it and, from the 5th on,
// locks the member for 30 s doubled per further failure. Commits `tx`.
std::optional<ApiError> record_attempt(PgTx& tx, const std::string& member, bool right) {
  auto done =
      right ? tx.exec("delete from foh_private.pin_attempts where team_member_id = $1::uuid",
                      {member})
            : tx.exec(
                  "update foh_private.pin_attempts set failures = failures + 1, "
                  "updated_at = clock_timestamp(), locked_until = case when failures + 1 >= $2 "
                  "then clock_timestamp() + make_interval(secs => $3 * "
                  "power(2, least(failures + 1 - $2, 16))) else locked_until end "
                  "where team_member_id = $1::uuid",
                  {member, kFreeFailures, kFirstLockSeconds});
  if (failed(done)) return std::get<ApiError>(done);
  return tx.commit();
}

}  // namespace

void PinLogin::mount(httplib::Server& server) {
  server.Post("/functions/v1/pin-login",
              [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
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

  auto row = find_member(restaurant, member_id);
  if (failed(row)) return send_error(res, std::get<ApiError>(row));
  nlohmann::json member = std::get<nlohmann::json>(row);
  TeamMember m;
  m.id = member_id;
  m.pin = text_field(member, "pin");
  m.pin_salt = text_field(member, "pin_salt");
  if (member.is_null() || m.pin.empty()) return send_error(res, bad_pin());

  auto lease = pool_.acquire();
  PgTx tx(lease.get(), false);
  if (!tx.begun()) return send_error(res, tx.begin_error());
  auto wait = lock_attempts(tx, member_id);
  if (failed(wait)) return send_error(res, std::get<ApiError>(wait));
  if (int64_t seconds = std::get<int64_t>(wait); seconds > 0) {
    res.set_header("Retry-After", std::to_string(seconds));
    return send_error(res, pgrst(429, "FOH_LOCKED", "Too many wrong PINs: locked",
                                 "retry after " + std::to_string(seconds) + " s"));
  }
  bool right = pin_matches(pin, m);
  if (auto err = record_attempt(tx, member_id, right)) return send_error(res, *err);
  if (!right) return send_error(res, bad_pin());
  answer_session(res, std::move(member), restaurant, member_id);
}

void PinLogin::answer_session(httplib::Response& res, nlohmann::json member,
                              const std::string& restaurant, const std::string& member_id) {
  int64_t now = unix_now();
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
