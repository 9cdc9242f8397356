// Customers through real terminals: a card made and linked on one terminal
// reaches the backend; the counts the database computes from the statuses
// (migration 025) come back to both terminals by their pulls; an edit on the
// other terminal comes back without undoing them.
#include <doctest/doctest.h>

#include "foh/engine/codec.hpp"
#include "foh/net/outbox.hpp"
#include "terminal_fixture.hpp"

namespace {

Customer cached_customer(Terminal& t, const Uuid& id) {
  auto j = t.cache->get_row("customers", id);
  REQUIRE(j);
  auto c = decode_customer(*j, "test");
  REQUIRE(c.ok());
  return *c;
}

}  // namespace

TEST_CASE("customers: made on one terminal, counted by the database, read by both") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal a(dir.file("a.db"), staff());
  Terminal b(dir.file("b.db"), staff());
  REQUIRE(a.round().ok());
  REQUIRE(b.round().ok());
  Customer card;
  card.name = "Antonín Dvořák";
  card.phone = "+33 6 55 44 33 22";
  card.tags = {"VIP", "Allergie : arachides"};
  auto made = a.store.save_customer(card, manager());
  REQUIRE_MESSAGE(made.ok(), (made.ok() ? "" : made.error().text()));
  Date d = day_ahead(20);
  Reservation r = booking_on(d, "12", "19:00", "Dvořák");
  r.customer_id = made->id;
  auto booked = a.store.create_reservation(r, manager());
  REQUIRE(booked.ok());
  REQUIRE(a.round().ok());
  CHECK(Outbox(*a.cache).count() == 0);
  Json row = server_rows("customers", "id=eq." + made->id).at(0);
  CHECK(row["tags"] == Json::array({"VIP", "Allergie : arachides"}));
  CHECK(row["classification"] == "VIP");

  // Seated and completed on terminal b; the count comes back to a.
  REQUIRE(b.round().ok());
  REQUIRE(b.store.change_status(booked->id, ReservationStatus::Seated, manager()).ok());
  REQUIRE(b.store.change_status(booked->id, ReservationStatus::Completed, manager()).ok());
  REQUIRE(b.round().ok());
  REQUIRE(b.round().ok());
  REQUIRE(a.round().ok());
  Customer on_a = cached_customer(a, made->id), on_b = cached_customer(b, made->id);
  CHECK(on_a.visit_count == 1);
  CHECK(on_a.last_visit.has_value());
  CHECK(on_b.visit_count == 1);
  CHECK(on_a.last_visit == on_b.last_visit);
  // The day carries the card for the floor.
  auto day = a.cache->load_day(d);
  REQUIRE(day.ok());
  REQUIRE(day->customers.size() == 1);
  CHECK(day->customers[0].visit_count == 1);

  // A no-show booked on a, edited notes on b: both survive, counts intact.
  Reservation late = booking_on(d.plus_days(1), "12", "20:00", "Dvořák");
  late.customer_id = made->id;
  auto second = a.store.create_reservation(late, manager());
  REQUIRE(second.ok());
  REQUIRE(a.store.change_status(second->id, ReservationStatus::NoShow, manager()).ok());
  REQUIRE(a.round().ok());
  REQUIRE(b.round().ok());
  Customer edit = cached_customer(b, made->id);
  edit.notes = "Préfère la terrasse";
  REQUIRE(b.store.save_customer(edit, manager()).ok());
  REQUIRE(b.round().ok());
  REQUIRE(a.round().ok());
  for (Terminal* t : {&a, &b}) {
    Customer c = cached_customer(*t, made->id);
    CHECK(c.notes == "Préfère la terrasse");
    CHECK(c.visit_count == 1);
    CHECK(c.no_show_count == 1);
  }
}
