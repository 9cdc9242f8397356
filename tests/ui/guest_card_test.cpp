// The card the booking form saves with a booking (app/guest_card.hpp), on a
// Store over the seeded demo: a new phone is a new customer under the form's
// command id; a new card with a known customer's phone (typed another way)
// joins that customer, its tags and notes added; the same command again
// writes nothing.
#include "app/guest_card.hpp"

#include <doctest/doctest.h>

#include "app/seed.hpp"
#include "foh/engine/customer.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/outbox.hpp"

using namespace foh;
using namespace foh::app;

TEST_CASE("guest card: a new phone is a new customer; a known phone joins its customer") {
  auto c = net::Cache::open(":memory:");
  REQUIRE(c.ok());
  auto assets = find_assets("");
  REQUIRE_MESSAGE(assets.ok(), assets.error().text());
  REQUIRE(seed_demo(**c, *assets, *Date::parse("2026-11-28")).ok());
  net::Store store(**c);
  const net::Actor host{std::nullopt, Role::Server};

  Customer fresh;
  fresh.id = net::new_uuid();  // the shell's guest command
  fresh.name = "Lemoine";
  fresh.phone = "06 55 44 33 22";
  fresh.tags = {"Allergie"};
  auto made = keep_card(store, fresh, host);
  REQUIRE_MESSAGE(made.ok(), made.error().text());
  CHECK(*made == fresh.id);
  const int64_t written = foh::net::Outbox(*(*c)).count();
  CHECK(*keep_card(store, fresh, host) == fresh.id);  // a second tap
  CHECK(foh::net::Outbox(*(*c)).count() == written);

  // Another form, the same phone typed the international way: the same customer.
  Customer again;
  again.id = net::new_uuid();
  again.name = "M. Lemoine";
  again.phone = "+33 6 55 44 33 22";
  again.tags = {"VIP"};
  again.notes = "Fenêtre";
  auto joined = keep_card(store, again, host);
  REQUIRE(joined.ok());
  CHECK(*joined == fresh.id);
  CHECK_FALSE((*c)->has_row("customers", again.id));
  auto found = store.customer_by_phone("0655443322");
  REQUIRE(found);
  CHECK(found->name == "Lemoine");  // the known customer's name stays
  CHECK(has_tag(*found, GuestTag::Allergy));
  CHECK(has_tag(*found, GuestTag::Vip));
  CHECK(found->notes == "Fenêtre");
}
