// Guest texts against the real backend (issue 14, item 5): the database's
// communication_events reach the terminal's cache through the pull, under the
// staff token's RLS, and the month's quota through rpc get_sms_quota.
#include <doctest/doctest.h>

#include "backend_fixture.hpp"
#include "fixtures.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"
#include "foh/net/texts.hpp"
#include "terminal_fixture.hpp"

using namespace foh;
using namespace foh::net;

TEST_CASE("texts: a text the database recorded reaches the terminal with its delivery state") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  Terminal t(dir.file("t.db"), staff());
  REQUIRE(t.round().ok());
  WaitlistEntry e;
  e.id = new_uuid();
  e.restaurant_id = fixture::backend().restaurant_id;
  e.date = day_ahead(3);
  e.party_size = 2;
  e.guest_name = "Texted guest";
  e.guest_phone = "+33 6 12 34 56 78";
  e.extra["consent"] = true;
  REQUIRE(t.store.waitlist_add(e, Actor{}).ok());
  REQUIRE(t.round().ok());  // pushed

  // What the sender records (it writes as the database's owner).
  const std::string text_id = new_uuid();
  fixture::backend().psql(
      "insert into communication_events (id, restaurant_id, waitlist_entry_id, type, recipient,"
      " status, sent_at, delivered_at) values ('" +
      text_id + "', '" + e.restaurant_id + "', '" + e.id +
      "', 'table_ready', '+33612345678', 'delivered', now(), now())");
  REQUIRE(t.round().ok());
  auto day = t.cache->load_day(e.date);
  REQUIRE(day.ok());
  std::vector<CommunicationEvent> texts = texts_of_day(*t.cache, *day);
  bool found = false;
  for (const CommunicationEvent& c : texts) found |= c.id == text_id;
  REQUIRE(found);
  GuestTexts g = guest_texts(e.id, texts, Json::object());
  CHECK(g.type == "table_ready");
  CHECK(g.delivery == Delivery::Delivered);

  // The month's quota, as a member of the restaurant reads it.
  auto quota = cached_sms_quota(*t.cache);
  REQUIRE(quota);
  CHECK(quota->remaining <= quota->included + quota->credits);
  CHECK(quota->month.size() == 7);
}
