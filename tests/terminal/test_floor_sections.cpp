// Servers' sections on the floor (issue 13 item 3): the covers strip, a
// Manager's sections mode (one intent per tap, the table does not open), a
// Server neither sees the mode nor gives tables, the service chosen.
#include <doctest/doctest.h>

#include "screens/floor.hpp"
#include "sections_fixture.hpp"
#include "tap.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

struct Screen {
  Fixture& fx;
  FloorView v;
  void operator()(FloorIntents& out) { draw_floor(v, fx.desk, out); }
};

}  // namespace

TEST_CASE("sections: the strip shows each server's covers, seated now and this service") {
  Fixture fx;  // 19:30; Dupont (2) seated at table 1 since 19:00
  foh::test::give_sections(fx);
  Headless h;
  Screen s{fx, {}};
  test::frame<FloorIntents>(h, s);
  CHECK(h.item("covers_Bob"));
  CHECK(h.item("covers_Alice"));
  const SectionsNow& now = sections_now(s.v.sections, fx.desk);
  CHECK(now.service_id == std::optional<Uuid>("s2"));
  REQUIRE(now.servers.size() >= 2);
  const SectionServer* bob = nullptr;
  for (const SectionServer& srv : now.servers)
    if (srv.id == "m2") bob = &srv;
  REQUIRE(bob);
  CHECK(bob->initials == "BO");
  CHECK(bob->covers.tables == 2);
  CHECK(bob->covers.seated_now == 2);
  CHECK(bob->covers.this_service == 2);  // lunch's Completed booking on table 2 is another service
  CHECK(bob->covers.recent == 0);  // seated at 19:00: 30 minutes ago, out of rotation's window
  // Distinct colours per server.
  CHECK(now.servers[0].colour != now.servers[1].colour);
}

TEST_CASE("sections: a Manager's mode gives and takes tables, one intent a tap, nothing opens") {
  Fixture fx;  // Alice, the Admin, is logged in
  foh::test::give_sections(fx);
  Headless h;
  Screen s{fx, {}};
  test::tap_item<FloorIntents>(h, "sections_edit", s);
  REQUIRE(s.v.sections.editing);
  test::tap_item<FloorIntents>(h, "sections_server_Bob", s);
  CHECK(s.v.sections.server == std::optional<Uuid>("m2"));
  // Alice's table 3 goes to Bob.
  auto give = test::tap_item<FloorIntents>(h, "table_3", s);
  REQUIRE(give.sections.set);
  CHECK(give.sections.set->table_id == "t3");
  CHECK(give.sections.set->service_id == std::optional<Uuid>("s2"));
  CHECK(give.sections.set->team_member_id == std::optional<Uuid>("m2"));
  CHECK_FALSE(give.select_table);
  CHECK_FALSE(s.v.selected_table);
  // Bob's own table 1 tapped again: taken back.
  auto take = test::tap_item<FloorIntents>(h, "table_1", s);
  REQUIRE(take.sections.set);
  CHECK(!take.sections.set->team_member_id);
  // "Take tables back": a table nobody holds writes nothing.
  test::tap_item<FloorIntents>(h, "sections_take_back", s);
  CHECK_FALSE(s.v.sections.server);
  auto none = test::tap_item<FloorIntents>(h, "table_4", s);
  CHECK_FALSE(none.sections.set);
  CHECK_FALSE(none.select_table);
  // Done: a tap opens the table again.
  test::tap_item<FloorIntents>(h, "sections_done", s);
  CHECK_FALSE(s.v.sections.editing);
  auto open = test::tap_item<FloorIntents>(h, "table_4", s);
  CHECK(open.select_table == std::optional<Uuid>("t4"));
  CHECK_FALSE(open.sections.set);
}

TEST_CASE("sections: a Server sees the strip and their own section, never the mode") {
  Fixture fx;
  foh::test::give_sections(fx);
  fx.desk.member = &fx.venue.team_members[1];  // Bob
  Headless h;
  Screen s{fx, {}};
  test::frame<FloorIntents>(h, s);
  CHECK(h.item("covers_Bob"));
  CHECK_FALSE(h.item("sections_edit"));
  s.v.sections.editing = true;  // even if the view says so (a Manager left it open)
  auto tap = test::tap_item<FloorIntents>(h, "table_3", s);
  CHECK_FALSE(tap.sections.set);
  CHECK(tap.select_table == std::optional<Uuid>("t3"));
  CHECK_FALSE(s.v.sections.editing);
}

TEST_CASE("sections: no sections and no Manager: nothing drawn; between services the next one") {
  Fixture fx;
  fx.desk.member = &fx.venue.team_members[1];
  Headless h;
  Screen s{fx, {}};
  test::frame<FloorIntents>(h, s);
  CHECK_FALSE(h.item("sections_edit"));
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("16:00"));
  CHECK(sections_service(fx.desk) == std::optional<Uuid>("s2"));
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("23:30"));
  CHECK(sections_service(fx.desk) == std::optional<Uuid>("s2"));
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("09:00"));
  CHECK(sections_service(fx.desk) == std::optional<Uuid>("s1"));
}
