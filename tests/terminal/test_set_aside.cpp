// Rows set aside (issue 11): managers and admins see the notice in the status
// bar and the list in its view; servers see neither.
#include <doctest/doctest.h>

#include "screens/set_aside.hpp"
#include "screens/status_bar.hpp"
#include "tap.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {
const SetAsideRow kRow{"reservations", "69cddc14-c7cf-5a9e-a923-d1e3a78bdfef",
                       "time: malformed time \"24:00\"", "2026-11-28T18:30:00.000000Z"};
}

TEST_CASE("set-aside smoke frame: the notice for an admin opens the list of rows") {
  Fixture fx;  // logged in as Alice, an Admin
  fx.desk.set_aside = {kRow};
  Headless h;
  StatusBarView bar;
  auto draw_bar = [&](StatusBarIntents& o) { draw_status_bar(bar, fx.desk, o); };
  auto tapped = test::tap_item<StatusBarIntents>(h, "set_aside", draw_bar);
  CHECK(tapped.show_set_aside);
  CHECK(set_aside_notice(Language::Fr, 1) == "1 ligne mise de côté");
  CHECK(set_aside_notice(Language::En, 2) == "2 rows set aside");

  SetAsideView v;
  v.open = true;
  auto draw = [&](SetAsideIntents& o) { draw_set_aside(v, fx.desk, o); };
  test::frame<SetAsideIntents>(h, draw);
  test::frame<SetAsideIntents>(h, draw);  // a new modal sizes itself first
  CHECK(h.item("set_aside_row_" + kRow.row_id));
  auto closed = test::tap_item<SetAsideIntents>(h, "set_aside_close", draw);
  CHECK(closed.close);
}

TEST_CASE("set-aside: a server sees no notice and no list") {
  Fixture fx;
  fx.desk.member = &fx.venue.team_members[1];  // Bob, a Server
  fx.desk.set_aside = {kRow};
  Headless h;
  StatusBarView bar;
  test::frame<StatusBarIntents>(h, [&](StatusBarIntents& o) { draw_status_bar(bar, fx.desk, o); });
  CHECK_FALSE(h.item("set_aside"));
  SetAsideView v;
  v.open = true;
  for (int i = 0; i < 2; ++i)
    test::frame<SetAsideIntents>(h, [&](SetAsideIntents& o) { draw_set_aside(v, fx.desk, o); });
  CHECK_FALSE(h.item("set_aside_row_" + kRow.row_id));
  CHECK_FALSE(h.item("set_aside_close"));
}
