// Customers in the Store: a card saved (one write, its outbox entry), one
// customer per phone key, the backend's counts never sent, a booking linked,
// found the way a host types, and the day's bookings' customers in the day.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/customer.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"

using namespace foh;
using namespace foh::net;

namespace {
Actor host() { return Actor{fixture::demo_venue().team_members[1].id, Role::Server}; }

Customer card(const std::string& name, const std::string& phone) {
  Customer c;
  c.name = name;
  c.phone = phone;
  c.tags = {"VIP", "Allergie : arachides"};
  c.notes = "Table au calme";
  return c;
}
}  // namespace

TEST_CASE("customers: a new card is one upsert; an edit patches only what changed") {
  auto c = fixture::seeded_cache();
  fixture::ManualClock clock;
  Store s(*c, clock.fn());
  auto made = s.save_customer(card("Antonín Dvořák", "+33 6 12 34 56 78"), host());
  REQUIRE_MESSAGE(made.ok(), (made.ok() ? "" : made.error().text()));
  CHECK(made->id.size() == 36);
  CHECK(made->restaurant_id == fixture::demo_venue().restaurant.id);
  auto out = Outbox(*c).entries();
  REQUIRE(out.size() == 1);
  CHECK(out[0].table == "customers");
  CHECK(out[0].op == OutboxOp::Upsert);
  CHECK(out[0].row["tags"] == Json::array({"VIP", "Allergie : arachides"}));

  // The same command again writes nothing.
  REQUIRE(s.save_customer(*made, host()).ok());
  CHECK(Outbox(*c).count() == 1);

  // The backend's counts arrive by a pull; an edit made on an older copy
  // neither sends nor undoes them.
  Customer pulled = *made;
  pulled.visit_count = 4;
  pulled.no_show_count = 1;
  pulled.last_visit = "2026-11-20T19:30:00Z";
  REQUIRE(c->put_row("customers", encode(pulled)).ok());
  Customer edit = *made;  // visit_count 0 as the form read it
  edit.tags = with_tag(edit.tags, "Habitué");
  edit.notes = "Fenêtre";
  auto saved = s.save_customer(edit, host());
  REQUIRE(saved.ok());
  CHECK(saved->visit_count == 4);
  out = Outbox(*c).entries();
  REQUIRE(out.size() == 2);
  CHECK(out[1].op == OutboxOp::Patch);
  CHECK(out[1].row.contains("notes"));
  CHECK(out[1].row.contains("tags"));
  CHECK_FALSE(out[1].row.contains("visit_count"));
  CHECK_FALSE(out[1].row.contains("no_show_count"));
  CHECK_FALSE(out[1].row.contains("last_visit"));
  auto back = decode_customer(*c->get_row("customers", made->id), "test");
  REQUIRE(back.ok());
  CHECK(back->visit_count == 4);
  CHECK(back->last_visit == "2026-11-20T19:30:00Z");
  CHECK(has_tag(*back, GuestTag::Regular));
  CHECK(has_tag(*back, GuestTag::Allergy));
}

TEST_CASE("customers: one per phone key; the refusal names the other customer") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto first = s.save_customer(card("Dvořák", "+33 6 12 34 56 78"), host());
  REQUIRE(first.ok());
  for (const char* same : {"06 12 34 56 78", "0033 612345678", "06.12.34.56.78"}) {
    CAPTURE(same);
    auto dup = s.save_customer(card("Copy", same), host());
    REQUIRE_FALSE(dup.ok());
    CHECK(dup.error().code == "customer_phone_taken");
    CHECK(dup.error().args == std::vector<std::string>{"Dvořák"});
    auto found = s.customer_by_phone(same);
    REQUIRE(found);
    CHECK(found->id == first->id);
  }
  CHECK(c->row_count("customers") == 1);
  CHECK(s.save_customer(card("Other", "06 12 34 56 79"), host()).ok());
  CHECK(s.save_customer(card("No phone", ""), host()).ok());
  CHECK(s.save_customer(card("No phone either", ""), host()).ok());
  CHECK_FALSE(s.customer_by_phone(""));
}

TEST_CASE("customers: found by name or phone however typed") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  REQUIRE(s.save_customer(card("Antonín Dvořák", "+33 6 12 34 56 78"), host()).ok());
  REQUIRE(s.save_customer(card("Le Roux", "07 98 76 54 32"), host()).ok());
  auto names = [&](const std::string& q) {
    std::vector<std::string> out;
    for (const Customer& x : c->search_customers(q)) out.push_back(x.name);
    return out;
  };
  CHECK(names("dvorak") == std::vector<std::string>{"Antonín Dvořák"});
  CHECK(names("DVOŘÁK") == std::vector<std::string>{"Antonín Dvořák"});
  CHECK(names("leroux") == std::vector<std::string>{"Le Roux"});
  CHECK(names("0612") == std::vector<std::string>{"Antonín Dvořák"});
  CHECK(names("06 12 34") == std::vector<std::string>{"Antonín Dvořák"});
  CHECK(names("+33612345678") == std::vector<std::string>{"Antonín Dvořák"});
  CHECK(names("98.76") == std::vector<std::string>{"Le Roux"});
  CHECK(names("nobody").empty());
}

TEST_CASE("customers: a booking linked is one patch, and the day carries its customer") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto guest = s.save_customer(card("Martin", "0601020304"), host());
  REQUIRE(guest.ok());
  auto r = s.create_reservation(fixture::booking("7", "19:00", 4, "Martin"), host());
  REQUIRE(r.ok());
  const int64_t before = Outbox(*c).count();
  auto linked = s.link_customer(r->id, guest->id, host());
  REQUIRE_MESSAGE(linked.ok(), (linked.ok() ? "" : linked.error().text()));
  CHECK(linked->customer_id == guest->id);
  auto out = Outbox(*c).entries();
  REQUIRE(Outbox(*c).count() == before + 1);
  CHECK(out.back().op == OutboxOp::Patch);
  CHECK(out.back().row == Json{{"id", r->id}, {"customer_id", guest->id}});
  // Linking again writes nothing; an unknown customer is refused.
  REQUIRE(s.link_customer(r->id, guest->id, host()).ok());
  CHECK(Outbox(*c).count() == before + 1);
  auto unknown = s.link_customer(r->id, std::string("no-such-customer"), host());
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == "unknown_customer");

  auto day = c->load_day(r->date);
  REQUIRE(day.ok());
  REQUIRE(day->customers.size() == 1);
  CHECK(day->customers[0].id == guest->id);
  // Another day's customers stay out of it.
  auto other = c->load_day(r->date.plus_days(1));
  REQUIRE(other.ok());
  CHECK(other->customers.empty());
}

TEST_CASE("customers: tags stand out however they were typed") {
  CHECK(tag_kind("VIP") == GuestTag::Vip);
  CHECK(tag_kind(" vip ") == GuestTag::Vip);
  CHECK(tag_kind("Habitué") == GuestTag::Regular);
  CHECK(tag_kind("habitue") == GuestTag::Regular);
  CHECK(tag_kind("Allergie : arachides") == GuestTag::Allergy);
  CHECK(tag_kind("Allergy") == GuestTag::Allergy);
  CHECK(tag_kind("Anniversaire") == GuestTag::Other);
  std::vector<std::string> tags = with_tag({}, "VIP");
  tags = with_tag(tags, "vip");  // already there
  tags = with_tag(tags, "  ");   // nothing
  tags = with_tag(tags, "Allergie : noix ");
  CHECK(tags == std::vector<std::string>{"VIP", "Allergie : noix"});
  CHECK(without_tag(tags, "Vip") == std::vector<std::string>{"Allergie : noix"});
}

TEST_CASE("customers: the demo day's bookings bring their cards (tags, counts, last visit)") {
  auto c = fixture::seeded_cache(":memory:", true);
  auto day = c->load_day(fixture::demo_day().date);
  REQUIRE(day.ok());
  int named = 0;
  for (const Reservation& r : day->reservations) named += r.customer_id ? 1 : 0;
  CHECK(named > 20);
  bool vip = false, allergy = false, visited = false;
  for (const Customer& x : day->customers) {
    vip = vip || has_tag(x, GuestTag::Vip);
    allergy = allergy || has_tag(x, GuestTag::Allergy);
    visited = visited || (x.visit_count > 0 && x.last_visit.has_value());
  }
  CHECK(vip);
  CHECK(allergy);
  CHECK(visited);
  for (const Reservation& r : day->reservations)
    if (r.customer_id)
      CHECK(std::any_of(day->customers.begin(), day->customers.end(),
                        [&](const Customer& x) { return x.id == *r.customer_id; }));
}

TEST_CASE("customers: tags bounded as the backend bounds them (028), nothing written") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  Customer many = card("Tags", "06 12 34 56 70");
  many.tags.assign(31, "VIP");
  auto r = s.save_customer(many, host());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "customer_too_many_tags");
  Customer longer = card("Tags", "06 12 34 56 70");
  longer.tags.push_back(std::string(101, 'x'));
  r = s.save_customer(longer, host());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "customer_too_long");
  CHECK(Outbox(*c).count() == 0);
  many.tags.assign(30, "VIP");
  CHECK(s.save_customer(many, host()).ok());
}
