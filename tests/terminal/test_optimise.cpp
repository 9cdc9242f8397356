// "Optimise tonight" on the reservations screen: the managers' button, the
// preview's lines as a host reads them, Apply and Cancel.
#include <doctest/doctest.h>

#include <algorithm>

#include "foh/engine/optimise.hpp"
#include "screens/reservations.hpp"
#include "tap.hpp"
#include "view/optimise.hpp"
#include "widgets/widgets.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

Reservation tableless(const Fixture& fx, const std::string& id, const std::string& guest, int party,
                      const std::string& time) {
  Reservation r = fx.day.reservations[1];
  r.id = id, r.guest_name = guest, r.party_size = party, r.time = *TimeOfDay::parse(time);
  r.table_id.reset();
  r.table_number.clear();
  return r;
}

// Durand 1 -> 4 and Martin 2 -> 6 moved; Nadal (6), with no table, seated on 2.
struct HandMade {
  DayBook before;
  OptimiseResult result;
};
HandMade hand_made(const Fixture& fx) {
  HandMade h;
  h.before = fx.day;
  h.before.reservations.push_back(tableless(fx, "res6", "Nadal", 6, "19:15"));
  h.result.day = h.before;
  h.result.day.reservations.back().table_id = "t2";
  h.result.day.reservations.back().table_number = "2";
  h.result.moved = {Move{"res5", {"t1"}, {"t4"}, "1", "4"}, Move{"res2", {"t2"}, {"t6"}, "2", "6"}};
  h.result.seated = {"res6", "request-1"};  // a waiting request is no reservation to move
  h.result.covers_before = 10, h.result.covers_after = 16;
  return h;
}

}  // namespace

TEST_CASE("optimise: the button is for managers and admins, and records the intent") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  auto draw = [&](ReservationsIntents& o) { draw_reservations(v, fx.desk, o); };
  auto out = test::tap_item<ReservationsIntents>(h, "res_optimise", draw);  // Alice, Admin
  CHECK(out.optimise);
  CHECK_FALSE(out.apply_moves);
  v.mode = ReservationsMode::Timeline;
  test::frame<ReservationsIntents>(h, draw);
  CHECK(h.item("res_optimise"));
  v.mode = ReservationsMode::Form;  // the form has its own buttons
  test::frame<ReservationsIntents>(h, draw);
  CHECK_FALSE(h.item("res_optimise"));
  v.mode = ReservationsMode::List;
  fx.desk.member = &fx.venue.team_members[1];  // Bob, Server
  test::frame<ReservationsIntents>(h, draw);
  CHECK_FALSE(h.item("res_optimise"));
  fx.venue.team_members[1].role = Role::Manager;
  test::frame<ReservationsIntents>(h, draw);
  CHECK(h.item("res_optimise"));
  fx.desk.member = nullptr;
  test::frame<ReservationsIntents>(h, draw);
  CHECK_FALSE(h.item("res_optimise"));
}

TEST_CASE("optimise preview: one line per party in time order, tableless ones from no table") {
  Fixture fx;
  HandMade hm = hand_made(fx);
  OptimisePreview en = preview_of(hm.result, hm.before, Language::En);
  CHECK(en.lines == std::vector<std::string>{"19:15  Nadal (6): no table → 2",
                                             "19:45  Martin (4): 2 → 6",
                                             "21:00  Durand (2): 1 → 4"});
  CHECK(en.covers_before == 10);
  CHECK(en.covers_after == 16);
  REQUIRE(en.moves.size() == 3);
  CHECK(en.moves[0].reservation_id == "res5");
  CHECK(en.moves[2].reservation_id == "res6");
  CHECK(en.moves[2].from_table_ids.empty());  // the Store accepts it only while it holds none
  CHECK(en.moves[2].to_table_ids == std::vector<Uuid>{"t2"});
  CHECK(en.moves[2].to_table_number == "2");
  OptimisePreview fr = preview_of(hm.result, hm.before, Language::Fr);
  CHECK(fr.lines.front() == "19:15  Nadal (6)\u00a0: sans table → 2");
  OptimiseResult nothing;
  nothing.day = fx.day;
  CHECK(preview_of(nothing, fx.day, Language::En).moves.empty());
  CHECK(preview_of(nothing, fx.day, Language::En).lines.empty());
}

TEST_CASE("optimise preview from the engine: the tableless six is seated, Apply sends its moves") {
  Fixture fx;
  // Table 6 (4-6) holds a four at 20:00 while table 4 (2-4) is free; a six has no table.
  fx.book("res6", "Quatre", 4, "20:00", "t6", "6");
  fx.day.reservations.push_back(tableless(fx, "res7", "Grand", 6, "20:00"));
  fx.rebuild();
  auto plan = optimise_day(fx.venue, fx.day, {});
  REQUIRE_MESSAGE(plan.ok(), (plan.ok() ? "" : plan.error().text()));
  OptimisePreview p = preview_of(*plan, fx.day, Language::En);
  CHECK(p.covers_after == p.covers_before + 6);
  auto grand = std::find_if(p.lines.begin(), p.lines.end(), [](const std::string& s) {
    return s.rfind("20:00  Grand (6): no table → ", 0) == 0;
  });
  CHECK(grand != p.lines.end());
  CHECK(p.lines.size() == p.moves.size());
  Headless h;
  ReservationsView v;
  v.optimise = p;
  auto out = test::tap_item<ReservationsIntents>(
      h, "opt_apply", [&](ReservationsIntents& o) { draw_reservations(v, fx.desk, o); });
  REQUIRE(out.apply_moves);
  CHECK(out.apply_moves->size() == p.moves.size());
}

TEST_CASE("optimise preview smoke frames: Apply, Cancel, nothing to improve, a refusal") {
  Fixture fx;
  HandMade hm = hand_made(fx);
  Headless h;
  ReservationsView v;
  auto draw = [&](ReservationsIntents& o) { draw_reservations(v, fx.desk, o); };
  v.optimise = preview_of(hm.result, hm.before, Language::Fr);
  for (ReservationsMode mode : {ReservationsMode::List, ReservationsMode::Timeline}) {
    v.mode = mode;
    test::frame<ReservationsIntents>(h, draw);
    auto apply = h.item("opt_apply");
    REQUIRE(apply);
    CHECK(apply->y1 - apply->y0 >= touch_target() - 1);  // a touch target
    CHECK(h.item("opt_cancel"));
  }
  auto out = test::tap_item<ReservationsIntents>(h, "opt_apply", draw);
  REQUIRE(out.apply_moves);
  CHECK(out.apply_moves->size() == 3);
  CHECK(v.optimise);  // shown until the shell applied it
  test::tap_item<ReservationsIntents>(h, "opt_cancel", draw);
  CHECK_FALSE(v.optimise);
  v.optimise = OptimisePreview{};
  test::frame<ReservationsIntents>(h, draw);
  CHECK(h.item("opt_nothing"));
  CHECK_FALSE(h.item("opt_apply"));
  CHECK(h.item("opt_cancel"));
  // Refused as stale: the reason is shown and Apply does nothing more.
  v.optimise = preview_of(hm.result, hm.before, Language::Fr);
  v.optimise->refusal = "Martin is Seated now and stays where it is";
  out = test::tap_item<ReservationsIntents>(h, "opt_apply", draw);
  CHECK_FALSE(out.apply_moves);
  CHECK(h.item("error:Martin is Seated now and stays where it is"));
}
