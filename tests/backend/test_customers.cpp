// Customers (migration 025): the database computes visits, no-shows,
// cancellations, last visit and classification from the reservations'
// statuses, whoever changes them; no token writes those columns; one customer
// per normalised phone per restaurant; anon reads and writes none.
#include <doctest/doctest.h>

#include "client.hpp"
#include "foh/engine/search.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

json customer_row(const std::string& id) {
  Resp r = get("/rest/v1/customers?id=eq." + id, service());
  REQUIRE(r.status == 200);
  REQUIRE(r.body.size() == 1);
  return r.body[0];
}

std::string new_customer(const std::string& r, const std::string& name, const std::string& phone,
                         const Call& who) {
  std::string id = uuid();
  Resp made = post("/rest/v1/customers",
                   {{"id", id},
                    {"restaurant_id", r},
                    {"name", name},
                    {"phone", phone},
                    {"tags", json::array({"Allergie : arachides"})}},
                   who);
  CAPTURE(made.raw);
  REQUIRE(made.status == 201);
  return id;
}

// A booking of `customer` on no table (the overlap rule is not under test).
std::string book(const std::string& r, const std::string& customer, const std::string& date,
                 const Call& who) {
  std::string id = uuid();
  Resp made = post("/rest/v1/reservations",
                   {{"id", id},
                    {"restaurant_id", r},
                    {"customer_id", customer},
                    {"guest_name", "Guest"},
                    {"party_size", 2},
                    {"date", date},
                    {"time", "19:30"},
                    {"status", "Confirmed"}},
                   who);
  CAPTURE(made.raw);
  REQUIRE(made.status == 201);
  return id;
}

// A status change as a terminal makes it (the replay-safe RPC).
void move(const std::string& id, const std::string& from, const std::string& to, const Call& who) {
  json call = {{"p_id", id}, {"p_to", to}, {"p_from", from}};
  if (to == "Arrived") call["p_patch"] = {{"arrived_count", 2}};
  Resp done = post("/rest/v1/rpc/change_reservation_status", call, who);
  CAPTURE(done.raw);
  REQUIRE(done.status == 200);
}

}  // namespace

TEST_CASE("customers: counts follow the statuses, whichever terminal changes them") {
  std::string r = seed_restaurant("Customers counts");
  Call host = server(r), manager = staff(r);  // two members, as on two terminals
  std::string c = new_customer(r, "Dvořák", "+33 6 12 34 56 78", host);
  json fresh = customer_row(c);
  CHECK(fresh["visit_count"] == 0);
  CHECK(fresh["classification"] == "New");
  CHECK(fresh["last_visit"].is_null());

  // Seated then completed by two members: one visit, last_visit its seating.
  std::string a = book(r, c, "2026-11-02", host);
  move(a, "Confirmed", "Arrived", host);
  move(a, "Arrived", "Seated", manager);
  move(a, "Seated", "Completed", host);
  json after_visit = customer_row(c);
  CHECK(after_visit["visit_count"] == 1);
  CHECK(after_visit["no_show_count"] == 0);
  CHECK_FALSE(after_visit["last_visit"].is_null());

  // A no-show (a Server may) and a cancellation (a Manager's).
  move(book(r, c, "2026-11-03", manager), "Confirmed", "No-show", host);
  move(book(r, c, "2026-11-04", host), "Confirmed", "Cancelled", manager);
  json counted = customer_row(c);
  CHECK(counted["visit_count"] == 1);
  CHECK(counted["no_show_count"] == 1);
  CHECK(counted["cancellation_count"] == 1);
  CHECK(counted["last_visit"] == after_visit["last_visit"]);
  // Still Confirmed: counts nothing.
  book(r, c, "2026-11-05", host);
  CHECK(customer_row(c)["visit_count"] == 1);

  // Both terminals read the same row.
  Resp via_host = get("/rest/v1/customers?id=eq." + c, host);
  Resp via_manager = get("/rest/v1/customers?id=eq." + c, manager);
  REQUIRE(via_host.body.size() == 1);
  CHECK(via_host.body == via_manager.body);

  // Unlinking a booking takes its count away (the counts are recomputed, not added).
  Resp unlink = patch("/rest/v1/reservations?id=eq." + a, {{"customer_id", nullptr}}, host);
  CHECK(unlink.status == 204);
  CHECK(customer_row(c)["visit_count"] == 0);
  CHECK(customer_row(c)["last_visit"].is_null());
}

TEST_CASE("customers: three visits make a Regular, a VIP tag a VIP") {
  std::string r = seed_restaurant("Customers class");
  Call host = staff(r);
  std::string c = new_customer(r, "Leroux", "06 11 22 33 44", host);
  for (const char* d : {"2026-10-01", "2026-10-02", "2026-10-03"}) {
    std::string b = book(r, c, d, host);
    move(b, "Confirmed", "Seated", host);
    move(b, "Seated", "Completed", host);
  }
  CHECK(customer_row(c)["visit_count"] == 3);
  CHECK(customer_row(c)["classification"] == "Regular");
  CHECK(patch("/rest/v1/customers?id=eq." + c, {{"tags", json::array({"VIP"})}}, host).status ==
        204);
  CHECK(customer_row(c)["classification"] == "VIP");
}

TEST_CASE("customers: a member edits name, notes and tags but never the computed columns") {
  std::string r = seed_restaurant("Customers guard");
  Call host = server(r);
  std::string c = new_customer(r, "Martin", "0601020304", host);
  std::string b = book(r, c, "2026-11-10", host);
  move(b, "Confirmed", "No-show", host);
  Resp edit = patch("/rest/v1/customers?id=eq." + c,
                    {{"name", "Martin Paul"},
                     {"notes", "Table calme"},
                     {"tags", json::array({"Habitué", "Allergie"})},
                     {"visit_count", 99},
                     {"no_show_count", 0},
                     {"last_visit", "2020-01-01T00:00:00Z"},
                     {"classification", "VIP"}},
                    host);
  CHECK(edit.status == 204);
  json now = customer_row(c);
  CHECK(now["name"] == "Martin Paul");
  CHECK(now["notes"] == "Table calme");
  CHECK(now["tags"] == json::array({"Habitué", "Allergie"}));
  CHECK(now["visit_count"] == 0);
  CHECK(now["no_show_count"] == 1);
  CHECK(now["last_visit"].is_null());
  CHECK(now["classification"] == "Regular");  // from the Habitué tag, not the token

  // A whole-row upsert (a terminal's push) with stale or forged counts keeps them.
  json row = now;
  row["visit_count"] = 7;
  row["no_show_count"] = 0;
  row["notes"] = "Fenêtre";
  Resp upsert = post("/rest/v1/customers", row,
                     with(host, "Prefer", "resolution=merge-duplicates,return=minimal"));
  CAPTURE(upsert.raw);
  CHECK(upsert.status / 100 == 2);
  CHECK(customer_row(c)["notes"] == "Fenêtre");
  CHECK(customer_row(c)["visit_count"] == 0);
  CHECK(customer_row(c)["no_show_count"] == 1);

  // A new customer's counts start at zero whatever it says.
  std::string forged = uuid();
  CHECK(post("/rest/v1/customers",
             {{"id", forged}, {"restaurant_id", r}, {"name", "X"}, {"visit_count", 40}}, host)
            .status == 201);
  CHECK(customer_row(forged)["visit_count"] == 0);
}

TEST_CASE("customers: one per normalised phone per restaurant, as the engine's phone_key") {
  std::string r = seed_restaurant("Customers phone");
  std::string other = seed_restaurant("Customers phone other");
  Call host = server(r);
  new_customer(r, "Dvořák", "+33 6 12 34 56 78", host);
  // The same phone however typed: refused.
  for (const char* same : {"06 12 34 56 78", "0033612345678", "33612345678", "06.12.34.56.78"}) {
    CAPTURE(same);
    CHECK(foh::phone_key(same) == foh::phone_key("+33 6 12 34 56 78"));
    Resp dup =
        post("/rest/v1/customers",
             {{"id", uuid()}, {"restaurant_id", r}, {"name", "Copy"}, {"phone", same}}, host);
    CHECK(dup.status == 409);
    CHECK(dup.code() == "23505");
  }
  // Another number, no number, or the same number in another restaurant: fine.
  new_customer(r, "Autre", "06 12 34 56 79", host);
  new_customer(r, "Sans téléphone", "", host);
  new_customer(r, "Sans téléphone 2", "", host);
  new_customer(other, "Dvořák", "06 12 34 56 78", server(other));
  // An edit onto another's phone is refused too.
  std::string moved = new_customer(r, "Moved", "07 00 00 00 01", host);
  CHECK(patch("/rest/v1/customers?id=eq." + moved, {{"phone", "+33612345678"}}, host).status ==
        409);
}

TEST_CASE("customers: anon reads and writes none; a booking links only its restaurant's") {
  std::string r = seed_restaurant("Customers anon");
  std::string other = seed_restaurant("Customers anon other");
  std::string c = new_customer(r, "Secret", "0699999999", server(r));
  Resp read = get("/rest/v1/customers?select=id,name,phone", anon());
  CHECK(read.status == 401);
  Resp write =
      post("/rest/v1/customers", {{"id", uuid()}, {"restaurant_id", r}, {"name", "A"}}, anon());
  CHECK(write.status == 401);
  CHECK(patch("/rest/v1/customers?id=eq." + c, {{"notes", "x"}}, anon()).status == 401);
  CHECK(customer_row(c)["notes"] != "x");
  // The device token reads but writes nothing (013).
  CHECK(post("/rest/v1/customers", {{"id", uuid()}, {"restaurant_id", r}, {"name", "D"}}, device(r))
            .status == 403);
  // Another restaurant's member cannot count its bookings on this customer.
  Resp foreign = post("/rest/v1/reservations",
                      {{"id", uuid()},
                       {"restaurant_id", other},
                       {"customer_id", c},
                       {"guest_name", "X"},
                       {"party_size", 2},
                       {"date", "2026-11-20"},
                       {"time", "20:00"},
                       {"status", "Confirmed"}},
                      server(other));
  CHECK(foreign.status == 403);
  CHECK(foreign.code() == "42501");
}
