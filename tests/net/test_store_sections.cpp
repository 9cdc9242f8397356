// Server sections through the Store (issue 13 item 3): a Manager's tap is one
// row write; the same tap again writes nothing; taking a table back is a
// Patch of the server only; a Server is refused; the day reads them back;
// another terminal giving the same table writes the same row.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/sections.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/quarantine.hpp"
#include "foh/net/store.hpp"

using namespace foh;
using namespace foh::net;

namespace {
const Date kDay = *Date::parse(fixture::kQuietDay);
const Uuid& member(int i) { return fixture::demo_venue().team_members[static_cast<size_t>(i)].id; }
Actor manager() { return Actor{member(1), Role::Manager}; }
const Uuid& soir() { return fixture::demo_venue().services[1].id; }
}  // namespace

TEST_CASE("sections: a tap gives a table, again writes nothing, taking back is one patch") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  const Uuid t9 = fixture::table_named("9").id;
  auto given = s.set_section(t9, kDay, soir(), member(2), manager());
  REQUIRE_MESSAGE(given.ok(), (given.ok() ? "" : given.error().text()));
  auto out = Outbox(*c).entries();
  REQUIRE(out.size() == 1);
  CHECK(out[0].table == "server_sections");
  CHECK(out[0].op == OutboxOp::Upsert);
  CHECK(out[0].row.at("team_member_id") == member(2));
  CHECK(out[0].row.at("service_id") == soir());
  CHECK(out[0].row.at("date") == fixture::kQuietDay);

  REQUIRE(s.set_section(t9, kDay, soir(), member(2), manager()).ok());  // a double tap
  CHECK(Outbox(*c).count() == 1);

  auto taken = s.set_section(t9, kDay, soir(), std::nullopt, manager());
  REQUIRE(taken.ok());
  CHECK(taken->id == given->id);
  out = Outbox(*c).entries();
  REQUIRE(out.size() == 2);
  CHECK(out[1].op == OutboxOp::Patch);
  CHECK(out[1].row.at("team_member_id").is_null());
  CHECK_FALSE(out[1].row.contains("table_id"));

  auto day = c->load_day(kDay);
  REQUIRE(day.ok());
  REQUIRE(day->server_sections.size() == 1);
  CHECK(!day->server_sections[0].team_member_id);
  CHECK(sections_of(day->server_sections, kDay, soir()).empty());
}

TEST_CASE("sections: the day reads them per service; another terminal's tap is the same row") {
  auto a = fixture::seeded_cache(), b = fixture::seeded_cache();
  Store sa(*a), sb(*b);
  const Uuid t1 = fixture::table_named("1").id, t2 = fixture::table_named("2").id;
  REQUIRE(sa.set_section(t1, kDay, soir(), member(2), manager()).ok());
  REQUIRE(sa.set_section(t2, kDay, soir(), member(3), manager()).ok());
  REQUIRE(
      sa.set_section(t1, kDay, fixture::demo_venue().services[0].id, member(4), manager()).ok());
  auto other = sb.set_section(t1, kDay, soir(), member(3), manager());
  REQUIRE(other.ok());
  auto day = a->load_day(kDay);
  REQUIRE(day.ok());
  CHECK(day->server_sections.size() == 3);
  Sections evening = sections_of(day->server_sections, kDay, soir());
  REQUIRE(evening.server_of(t1));
  CHECK(*evening.server_of(t1) == member(2));
  CHECK(*evening.server_of(t2) == member(3));
  Sections lunch = sections_of(day->server_sections, kDay, fixture::demo_venue().services[0].id);
  CHECK(*lunch.server_of(t1) == member(4));
  CHECK(lunch.server_of(t2) == nullptr);
  // Terminal b's row for table 1 this evening has a's id: the backend merges them.
  bool same = false;
  for (const auto& sec : day->server_sections)
    if (sec.table_id == t1 && sec.service_id == soir()) same = sec.id == other->id;
  CHECK(same);
  CHECK(a->load_day(kDay.plus_days(1))->server_sections.empty());
}

TEST_CASE("sections: a Server, an unknown table or member is refused, nothing written") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  const Uuid t9 = fixture::table_named("9").id;
  const auto before = fixture::snapshot(*c);
  auto srv = s.set_section(t9, kDay, soir(), member(2), Actor{member(2), Role::Server});
  REQUIRE_FALSE(srv.ok());
  CHECK(srv.error().code == "sections_need_manager");
  CHECK(s.set_section("no-such-table", kDay, soir(), member(2), manager()).error().code ==
        "unknown_table");
  CHECK(s.set_section(t9, kDay, soir(), std::string("nobody"), manager()).error().code ==
        "unknown_member");
  CHECK(fixture::snapshot(*c) == before);
}

TEST_CASE("sections: a pulled row the engine cannot read is set aside, not in the day") {
  auto c = fixture::seeded_cache();
  Json bad = {{"id", "sec-bad"},
              {"restaurant_id", fixture::demo_venue().restaurant.id},
              {"date", fixture::kQuietDay},
              {"table_id", 42}};
  REQUIRE(Quarantine(*c).put_pulled_row("server_sections", bad).ok());
  CHECK(Quarantine(*c).count() == 1);
  auto day = c->load_day(kDay);
  REQUIRE(day.ok());
  CHECK(day->server_sections.empty());
}
