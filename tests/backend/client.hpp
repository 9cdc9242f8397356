#pragma once
// The running local backend (started by http_main.cpp with local.sh) and a
// small PostgREST client for the tests.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace fohtest {

struct Backend {
  std::string dir, url, host, anon_key, service_key, jwt_secret, restaurant_id, db;
  int port = 0;
};
Backend& backend();  // filled before the first test runs

struct Resp {
  int status = 0;  // 0 = transport error
  nlohmann::json body;
  std::string raw;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string header(const std::string& name) const;
  std::string code() const { return body.is_object() ? body.value("code", "") : ""; }
};

struct Call {
  std::string apikey;  // default: anon key
  std::string bearer;  // default: none (the apikey acts as the token)
  std::vector<std::pair<std::string, std::string>> headers;
};

Resp request(const std::string& method, const std::string& path, const nlohmann::json* body,
             const Call& c);
inline Resp get(const std::string& path, const Call& c) { return request("GET", path, nullptr, c); }
inline Resp post(const std::string& path, const nlohmann::json& b, const Call& c) {
  return request("POST", path, &b, c);
}
inline Resp patch(const std::string& path, const nlohmann::json& b, const Call& c) {
  return request("PATCH", path, &b, c);
}
inline Resp del(const std::string& path, const Call& c) {
  return request("DELETE", path, nullptr, c);
}

Call service();  // service_role key
Call anon();
// Member tokens (role authenticated, sub = a team member), as pin-login makes.
// Since migrations 012/013 a token is worth what its member is in team_members:
// staff(r) is a Manager of r (made once per restaurant with the service key);
// with `sub`, the token of that member whatever its role.
Call staff(const std::string& restaurant_id, long ttl_seconds = 900, const std::string& sub = "");
Call server(const std::string& restaurant_id);  // a Server of r (made once)
Call admin(const std::string& restaurant_id);   // an Admin of r (made once)
// The token of team member `member` of r.
Call member_token(const std::string& restaurant_id, const std::string& member,
                  long ttl_seconds = 900);
// A registered terminal's own login (terminal_devices row made once per r):
// reads the restaurant, writes nothing.
Call device(const std::string& restaurant_id);
// The id of the member behind staff(r) / server(r) / admin(r): role "Manager", ...
std::string member_of(const std::string& restaurant_id, const std::string& role);
Call with(Call c, const std::string& header, const std::string& value);

std::string uuid();
// A restaurant with floor plan, tables 1-4 (combination 3+4) and a
// past-midnight night service; returns its id. Table ids: table_id(r, "3").
std::string seed_restaurant(const std::string& name);
std::string table_id(const std::string& restaurant, const std::string& name);
// A team member with a PIN (PBKDF2 with few iterations, to keep tests fast); its id.
std::string add_member(const std::string& restaurant, const std::string& name,
                       const std::string& pin, const std::string& role = "Server",
                       int iterations = 1000);
nlohmann::json reservation(const std::string& restaurant, const std::string& table_name,
                           const std::string& date, const std::string& time, int party = 2);

}  // namespace fohtest
