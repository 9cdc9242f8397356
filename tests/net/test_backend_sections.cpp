// Server sections through the real backend (issue 13 item 3): a Manager's tap
// on one terminal reaches another terminal's day; taking the table back does
// too; a Server's terminal is refused by its Store first, and by the database
// when a write gets out anyway (kept, failed, nothing changed there).
#include <doctest/doctest.h>

#include "backend_fixture.hpp"
#include "fixtures.hpp"
#include "foh/engine/sections.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"
#include "terminal_fixture.hpp"

namespace {

Sections evening_of(Terminal& t, Date d, const Uuid& service) {
  auto day = t.cache->load_day(d);
  REQUIRE(day.ok());
  return sections_of(day->server_sections, d, service);
}

}  // namespace

TEST_CASE("sections: a Manager's tap reaches another terminal; a Server's is refused") {
  REQUIRE_BACKEND();
  fixture::TempDir dir;
  const TeamMember& lea = fixture::demo_venue().team_members[2];  // a Server
  REQUIRE(lea.role == Role::Server);
  Terminal boss(dir.file("boss.db"), staff());
  Terminal floor(dir.file("floor.db"),
                 fixture::backend().staff_token(fixture::backend().restaurant_id, lea.id));
  REQUIRE(boss.round().ok());
  REQUIRE(floor.round().ok());
  const Date d = day_ahead(5);
  const Uuid soir = fixture::demo_venue().services[1].id, t9 = fixture::table_named("9").id;

  REQUIRE(boss.store.set_section(t9, d, soir, lea.id, manager()).ok());
  REQUIRE(boss.round().ok());
  CHECK(Outbox(*boss.cache).count() == 0);
  CHECK(server_rows("server_sections", "date=eq." + d.str()).size() == 1);
  REQUIRE(floor.round().ok());
  Sections s = evening_of(floor, d, soir);
  REQUIRE(s.server_of(t9));
  CHECK(*s.server_of(t9) == lea.id);

  REQUIRE(boss.store.set_section(t9, d, soir, std::nullopt, manager()).ok());
  REQUIRE(boss.round().ok());
  REQUIRE(floor.round().ok());
  CHECK(evening_of(floor, d, soir).empty());

  // The Server's own terminal: its Store refuses first, nothing written.
  auto refused = floor.store.set_section(t9, d, soir, lea.id, Actor{lea.id, Role::Server});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "sections_need_manager");
  CHECK(Outbox(*floor.cache).count() == 0);
  // A write that gets out on a Server's token anyway: the database refuses it.
  REQUIRE(floor.store.set_section(t9, d, soir, lea.id, manager()).ok());
  (void)floor.round();  // the refusal shows in the outbox, checked next
  CHECK(Outbox(*floor.cache).count(OutboxState::Failed) == 1);
  CHECK(
      server_rows("server_sections", "date=eq." + d.str() + "&team_member_id=not.is.null").empty());
}
