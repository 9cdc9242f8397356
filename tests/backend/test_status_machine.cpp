// The status machine of engine/status and the database's trigger (migration
// 014) agree on every (from, to, role) triple: each status change is tried
// through foh::transition (or foh::undo, when it moves back over the last
// event) with a TransitionContext of that role, and through the terminal's
// rpc change_reservation_status with a member token of that role.
#include <doctest/doctest.h>

#include <array>

#include "client.hpp"
#include "foh/engine/status.hpp"

using namespace fohtest;
using nlohmann::json;
using RS = foh::ReservationStatus;

namespace {

constexpr std::array kStatuses = {RS::Pending,   RS::Confirmed, RS::Arrived, RS::Seated,
                                  RS::Completed, RS::Cancelled, RS::NoShow};
constexpr std::array kRoles = {foh::Role::Server, foh::Role::Manager, foh::Role::Admin};

// How each `from` is reached before the move under test (by the service
// role): the last step is the event an undo would reverse.
std::vector<RS> path_to(RS s) {
  switch (s) {
    case RS::Pending:
      return {RS::Pending};  // the creation: nothing to undo
    case RS::Confirmed:
      return {RS::Pending, RS::Confirmed};
    case RS::Arrived:
      return {RS::Confirmed, RS::Arrived};
    case RS::Seated:
      return {RS::Arrived, RS::Seated};
    case RS::Completed:
      return {RS::Arrived, RS::Seated, RS::Completed};
    case RS::Cancelled:
      return {RS::Confirmed, RS::Cancelled};
    case RS::NoShow:
      return {RS::Confirmed, RS::NoShow};
  }
  return {};
}

Call token_of(const std::string& r, foh::Role role) {
  return role == foh::Role::Server ? server(r) : role == foh::Role::Manager ? staff(r) : admin(r);
}

foh::TransitionContext context(foh::Role role) {
  foh::TransitionContext ctx;
  ctx.role = role;
  ctx.event_id = uuid();
  return ctx;
}

// A reservation of 2 on no table (the overlap rule is not under test), at
// `from` through path_to(from); returns its id and fills the engine's view.
std::string make_at(const std::string& r, RS from, foh::Reservation& row,
                    foh::ReservationEvent& last) {
  std::vector<RS> path = path_to(from);
  std::string id = uuid();
  json body = {{"id", id},
               {"restaurant_id", r},
               {"guest_name", "Walk"},
               {"party_size", 2},
               {"date", "2026-12-20"},
               {"time", "19:00"},
               {"status", foh::to_string(path[0])}};
  if (path[0] == RS::Arrived) body["arrived_count"] = 2;
  REQUIRE(post("/rest/v1/reservations", body, service()).status == 201);
  last = {};
  last.id = uuid();
  last.reservation_id = id;
  last.to_status = foh::to_string(path[0]);
  for (size_t i = 1; i < path.size(); ++i) {
    json set = {{"status", foh::to_string(path[i])}};
    if (path[i] == RS::Arrived) set["arrived_count"] = 2;
    REQUIRE(patch("/rest/v1/reservations?id=eq." + id, set, service()).status == 204);
    last.from_status = foh::to_string(path[i - 1]);
    last.to_status = foh::to_string(path[i]);
  }
  row = {};
  row.id = id;
  row.restaurant_id = r;
  row.party_size = 2;
  row.status = from;
  if (from != RS::Pending && from != RS::Confirmed) row.arrived_count = 2;
  return id;
}

bool engine_allows(const foh::Reservation& row, const foh::ReservationEvent& last, RS to,
                   foh::Role role) {
  foh::TransitionContext ctx = context(role);
  if (to == RS::Arrived) ctx.arrived_count = 1;  // a partial arrival when already Arrived
  if (foh::transition(row, to, ctx)) return true;
  auto back = foh::undo(row, last, context(role));
  return back && back->reservation.status == to;
}

}  // namespace

TEST_CASE("status machine: the engine and the database agree on every (from, to, role)") {
  std::string r = seed_restaurant("Status walk");
  int allowed = 0, refused = 0;
  for (RS from : kStatuses)
    for (RS to : kStatuses)
      for (foh::Role role : kRoles) {
        // Keeping the status is a replay (or an edit of other columns) for the
        // database, never refused; for the engine it is "already ...", except
        // Arrived -> Arrived, a partial arrival, compared here.
        if (from == to && to != RS::Arrived) continue;
        CAPTURE(foh::to_string(from));
        CAPTURE(foh::to_string(to));
        CAPTURE(foh::to_string(role));
        foh::Reservation row;
        foh::ReservationEvent last;
        std::string id = make_at(r, from, row, last);
        bool engine = engine_allows(row, last, to, role);
        json call = {{"p_id", id}, {"p_to", foh::to_string(to)}, {"p_from", foh::to_string(from)}};
        if (to == RS::Arrived) call["p_patch"] = {{"arrived_count", 1}};
        Resp db = post("/rest/v1/rpc/change_reservation_status", call, token_of(r, role));
        CAPTURE(db.raw);
        CHECK((db.status == 200) == engine);
        if (db.status != 200) CHECK((db.code() == "P0001" || db.code() == "42501"));
        Resp now = get("/rest/v1/reservations?select=status&id=eq." + id, service());
        CHECK(now.body[0]["status"] == foh::to_string(engine ? to : from));
        (engine ? allowed : refused)++;
      }
  // Both kinds were met (the walk is not vacuous).
  CHECK(allowed > 20);
  CHECK(refused > 40);
}

TEST_CASE("status machine: creation in live statuses only, for every role") {
  std::string r = seed_restaurant("Status create");
  for (RS s : kStatuses)
    for (foh::Role role : kRoles) {
      CAPTURE(foh::to_string(s));
      CAPTURE(foh::to_string(role));
      foh::Reservation row;
      row.id = uuid();
      row.restaurant_id = r;
      row.status = s;
      bool engine = static_cast<bool>(foh::create(row, context(role)));
      json body = {{"id", row.id},         {"restaurant_id", r}, {"party_size", 2},
                   {"date", "2026-12-21"}, {"time", "19:00"},    {"status", foh::to_string(s)}};
      Resp db = post("/rest/v1/reservations", body, token_of(r, role));
      CHECK((db.status == 201) == engine);
    }
}

TEST_CASE("status machine: reservation_status_rules is the engine's table") {
  Resp rules = get("/rest/v1/reservation_status_rules?select=*", service());
  REQUIRE(rules.status == 200);
  int forward = 0;
  for (RS from : kStatuses)
    for (RS to : kStatuses) {
      bool listed = false, manager = false;
      for (const auto& rule : rules.body)
        if (rule["from_status"] == foh::to_string(from) &&
            rule["to_status"] == foh::to_string(to)) {
          listed = true;
          manager = rule["needs_manager"];
        }
      CAPTURE(foh::to_string(from));
      CAPTURE(foh::to_string(to));
      CHECK(listed == foh::is_allowed(from, to));
      CHECK(manager == (listed && to == RS::Cancelled));
      forward += listed;
    }
  CHECK(forward == 14);
}

TEST_CASE("status machine: the issue's PATCH walk is refused at its first illegal step") {
  std::string r = seed_restaurant("Status patch walk");
  json row = reservation(r, "1", "2026-12-22", "19:00");
  std::string path = "/rest/v1/reservations?id=eq." + row["id"].get<std::string>();
  REQUIRE(post("/rest/v1/reservations", row, staff(r)).status == 201);
  Resp completed = patch(path, {{"status", "Completed"}}, staff(r));
  CHECK(completed.status == 400);
  CHECK(completed.code() == "P0001");
  CHECK(patch(path, {{"status", "Pending"}}, admin(r)).status == 400);  // no undo of a creation
  REQUIRE(patch(path, {{"status", "Cancelled"}}, staff(r)).status == 204);
  CHECK(patch(path, {{"status", "Seated"}}, admin(r)).status == 400);
  CHECK(patch(path, {{"status", "No-show"}}, admin(r)).status == 400);
  CHECK(patch(path, {{"status", "Confirmed"}}, server(r)).status == 403);  // undo: Manager+
  CHECK(get(path, service()).body[0]["status"] == "Cancelled");
  CHECK(patch(path, {{"status", "Confirmed"}}, staff(r)).status == 204);  // the undo
}
