#include "client.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>

#include "foh/engine/pin.hpp"
#include "jwt.hpp"

namespace fohtest {

Backend& backend() {
  static Backend b;
  return b;
}

std::string Resp::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  return "";
}

Resp request(const std::string& method, const std::string& path, const nlohmann::json* body,
             const Call& c) {
  httplib::Client cli(backend().host, backend().port);
  cli.set_read_timeout(30, 0);
  httplib::Headers h;
  h.emplace("apikey", c.apikey.empty() ? backend().anon_key : c.apikey);
  if (!c.bearer.empty()) h.emplace("Authorization", "Bearer " + c.bearer);
  for (const auto& [k, v] : c.headers) h.emplace(k, v);
  std::string payload = body ? body->dump() : "";
  httplib::Result r = method == "GET"     ? cli.Get(path, h)
                      : method == "POST"  ? cli.Post(path, h, payload, "application/json")
                      : method == "PATCH" ? cli.Patch(path, h, payload, "application/json")
                                          : cli.Delete(path, h);
  Resp out;
  if (!r) return out;
  out.status = r->status;
  out.raw = r->body;
  for (const auto& [k, v] : r->headers) out.headers.emplace_back(k, v);
  out.body = nlohmann::json::parse(r->body.empty() ? "null" : r->body, nullptr, false);
  return out;
}

Call service() { return Call{backend().service_key, "", {}}; }
Call anon() { return Call{backend().anon_key, "", {}}; }

namespace {

std::string sign(nlohmann::json claims, long ttl_seconds) {
  claims["exp"] = foh::backend::unix_now() + ttl_seconds;
  return foh::backend::jwt_sign(claims, backend().jwt_secret);
}

// One row per (restaurant, role), made on first use; tests run threads that
// ask at the same time (the race for a table).
std::string once(const std::string& key, const std::function<std::string()>& make) {
  static std::mutex m;
  static std::map<std::string, std::string> made;
  std::lock_guard lock(m);
  auto it = made.find(key);
  if (it == made.end()) it = made.emplace(key, make()).first;
  return it->second;
}

}  // namespace

std::string member_of(const std::string& restaurant_id, const std::string& role) {
  return once(restaurant_id + "/" + role, [&] {
    std::string id = uuid();
    Resp r = post("/rest/v1/team_members",
                  {{"id", id},
                   {"restaurant_id", restaurant_id},
                   {"display_name", "Test " + role},
                   {"role", role}},
                  service());
    REQUIRE(r.status == 201);
    return id;
  });
}

Call member_token(const std::string& restaurant_id, const std::string& member, long ttl_seconds) {
  nlohmann::json claims = {
      {"role", "authenticated"}, {"restaurant_id", restaurant_id}, {"sub", member}};
  return Call{backend().anon_key, sign(claims, ttl_seconds), {}};
}

Call staff(const std::string& restaurant_id, long ttl_seconds, const std::string& sub) {
  return member_token(restaurant_id, sub.empty() ? member_of(restaurant_id, "Manager") : sub,
                      ttl_seconds);
}

Call server(const std::string& restaurant_id) {
  return member_token(restaurant_id, member_of(restaurant_id, "Server"));
}

Call admin(const std::string& restaurant_id) {
  return member_token(restaurant_id, member_of(restaurant_id, "Admin"));
}

Call device(const std::string& restaurant_id) {
  std::string id = once(restaurant_id + "/device", [&] {
    std::string d = uuid();
    Resp r =
        post("/rest/v1/terminal_devices",
             {{"id", d}, {"restaurant_id", restaurant_id}, {"name", "test terminal"}}, service());
    REQUIRE(r.status == 201);
    return d;
  });
  nlohmann::json claims = {
      {"role", "authenticated"}, {"restaurant_id", restaurant_id}, {"device_id", id}};
  return Call{backend().anon_key, sign(claims, 900), {}};
}

Call with(Call c, const std::string& header, const std::string& value) {
  c.headers.emplace_back(header, value);
  return c;
}

std::string uuid() { return foh::backend::random_uuid(); }

std::string seed_restaurant(const std::string& name) {
  std::string r = uuid(), plan = uuid();
  nlohmann::json restaurant = {
      {"id", r},
      {"name", name},
      {"settings",
       {{"turn_times", {{"2", 60}, {"4", 90}, {"6", 120}}}, {"default_duration", 100}}}};
  REQUIRE(post("/rest/v1/restaurants", restaurant, service()).status == 201);
  REQUIRE(post("/rest/v1/floor_plans", {{"id", plan}, {"restaurant_id", r}, {"name", "Salle"}},
               service())
              .status == 201);
  nlohmann::json tables = nlohmann::json::array();
  for (int i = 1; i <= 4; ++i) {
    nlohmann::json t = {
        {"id", uuid()},
        {"restaurant_id", r},
        {"floor_plan_id", plan},
        {"name", std::to_string(i)},
        {"capacity_min", 1},
        {"capacity_max", 4},
        {"capacity_overrides", i == 3 ? nlohmann::json{{"3+4", 8}} : nlohmann::json::object()}};
    tables.push_back(t);
  }
  REQUIRE(post("/rest/v1/tables", tables, service()).status == 201);
  nlohmann::json night = {{"id", uuid()},        {"restaurant_id", r},
                          {"name", "Soir"},      {"start_time", "19:00"},
                          {"end_time", "02:00"}, {"days_of_week", {1, 2, 3, 4, 5, 6, 7}}};
  REQUIRE(post("/rest/v1/services", night, service()).status == 201);
  return r;
}

std::string table_id(const std::string& restaurant, const std::string& name) {
  Resp r = get("/rest/v1/tables?select=id&restaurant_id=eq." + restaurant + "&name=eq." + name,
               service());
  REQUIRE(r.status == 200);
  REQUIRE(r.body.size() == 1);
  return r.body[0]["id"];
}

std::string add_member(const std::string& restaurant, const std::string& name,
                       const std::string& pin, const std::string& role, int iterations) {
  std::string member = uuid(), salt = uuid();
  salt.erase(std::remove(salt.begin(), salt.end(), '-'), salt.end());  // 32 hex digits
  nlohmann::json row = {{"id", member},
                        {"restaurant_id", restaurant},
                        {"display_name", name},
                        {"role", role},
                        {"pin", foh::hash_pin(pin, salt, iterations)},
                        {"pin_salt", salt}};
  REQUIRE(post("/rest/v1/team_members", row, service()).status == 201);
  return member;
}

nlohmann::json reservation(const std::string& restaurant, const std::string& table_name,
                           const std::string& date, const std::string& time, int party) {
  std::string first = table_name.substr(0, table_name.find('+'));
  return {{"id", uuid()},
          {"restaurant_id", restaurant},
          {"table_id", table_id(restaurant, first)},
          {"table_number", table_name},
          {"guest_name", "Test"},
          {"party_size", party},
          {"date", date},
          {"time", time},
          {"status", "Confirmed"}};
}

}  // namespace fohtest
