// One write per intent on the seat screen: the seat command carries the
// view's command id, and once the shell has seated the party (it leaves it:
// no_pick), a second tap on the same spot records nothing.
#include <doctest/doctest.h>

#include "screens/seat.hpp"
#include "tap.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

TEST_CASE("seat: a double tap seats one walk-in; the spot is no longer a seat button") {
  Fixture fx;
  Headless h;
  SeatView v;
  v.command_id = "cmd-1";
  v.party_size = 4;
  auto draw = [&](SeatIntents& out) { draw_seat(v, fx.desk, out); };
  test::frame<SeatIntents>(h, draw);
  auto spot = h.item("seat_confirm");
  REQUIRE(spot);
  auto first = test::tap_at<SeatIntents>(h, spot->cx(), spot->cy(), draw);
  REQUIRE(first.seat);
  CHECK(first.seat->command_id == "cmd-1");
  // What the shell does once the seat is written (App::seat): the party is left.
  SeatView next;
  next.floor = v.floor;
  next.no_pick = true;
  next.command_id = "cmd-2";
  v = next;
  // The second tap, in the frames right after, on the same spot.
  auto second = test::tap_at<SeatIntents>(h, spot->cx(), spot->cy(), draw);
  CHECK_FALSE(second.seat);
  // A new pick is a new command.
  test::tap_item<SeatIntents>(h, "src_walkin", draw);
  CHECK_FALSE(v.no_pick);
  auto again = test::tap_item<SeatIntents>(h, "seat_confirm", draw);
  REQUIRE(again.seat);
  CHECK(again.seat->command_id == "cmd-2");
}
