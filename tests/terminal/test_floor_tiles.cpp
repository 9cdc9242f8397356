// Tables that speak (issue 13, item 1): what each tile says at 19:30 on the
// fixture's day, how a name shortens to fit, and that every word drawn on a
// tile lies inside the table's shape at every size of the layout audit.
#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "foh/platform/fonts.hpp"
#include "foh/platform/metrics.hpp"
#include "screens/floor.hpp"
#include "view/floor_geometry.hpp"
#include "view/table_state.hpp"
#include "view/tile_text.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

std::vector<std::string> whole(const Fixture& fx, const std::string& table, Language l) {
  const Table& t = fx.table(table);
  std::vector<std::string> out;
  for (const TileLine& line : tile_lines(t, table_status(fx.desk, t), l))
    out.push_back(fit_line(line, 1e9f, [](std::string_view s) { return float(s.size()); }));
  return out;
}

using Lines = std::vector<std::string>;

// Ten pixels a character (UTF-8 aware): widths that are easy to reason about.
float tens(std::string_view s) {
  float n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n * 10;
}

void give_customer(Fixture& fx, const Uuid& reservation, std::vector<std::string> tags) {
  Customer c;
  c.id = "c-" + reservation, c.restaurant_id = "r1", c.name = "Guest", c.tags = std::move(tags);
  fx.day.customers.push_back(c);
  for (Reservation& r : fx.day.reservations)
    if (r.id == reservation) r.customer_id = c.id;
  fx.rebuild();
}

}  // namespace

TEST_CASE("tiles: a seated party, a held table, the next arrival, seats, blocked") {
  Fixture fx;  // 19:30: Dupont (2) seated on 1 since 19:00; Late (2) due 19:00 on 3
  CHECK(whole(fx, "1", Language::Fr) == Lines{"1", "Dupont 2", "30/75'"});  // turn of 2: 75 min
  TableStatus t3 = table_status(fx.desk, fx.table("3"));
  CHECK(t3.state == TableState::Held);
  CHECK(tone_of(t3) == Tone::Late);
  CHECK(t3.late_minutes == 30);
  CHECK(whole(fx, "3", Language::Fr) == Lines{"3", "Retard 30'", "19:00 Late 2"});
  CHECK(whole(fx, "3", Language::En) == Lines{"3", "Late 30'", "19:00 Late 2"});
  CHECK(whole(fx, "2", Language::Fr) == Lines{"2", "19:45 Martin 4"});
  CHECK(tone_of(table_status(fx.desk, fx.table("2"))) == Tone::Booked);
  CHECK(whole(fx, "6", Language::Fr) == Lines{"6", "4-6"});  // nobody due
  CHECK(whole(fx, "5", Language::Fr) == Lines{"5", "Bloquée"});
  CHECK(whole(fx, "5", Language::En) == Lines{"5", "Blocked"});
  CHECK(tone_of(table_status(fx.desk, fx.table("6"))) == Tone::Free);
  // At 20:20 the couple is past its 75 minutes: over time, in red with its alarm.
  fx.desk.now = LocalInstant::at(fx.day.date, *TimeOfDay::parse("20:20"));
  CHECK(whole(fx, "1", Language::Fr) == Lines{"1", "Dupont 2", "80/75'"});
  CHECK(tone_of(table_status(fx.desk, fx.table("1"))) == Tone::Overdue);
}

TEST_CASE("tiles: a party at the door makes its table's tone Arrived, an hour early or not") {
  Fixture fx;
  fx.book("res9", "Dvořák", 4, "21:00", "t6", "6");
  CHECK(tone_of(table_status(fx.desk, fx.table("6"))) == Tone::Free);  // 90 min away
  for (Reservation& r : fx.day.reservations)
    if (r.id == "res9") r.status = ReservationStatus::Arrived;
  fx.rebuild();
  CHECK(tone_of(table_status(fx.desk, fx.table("6"))) == Tone::Arrived);
  CHECK(whole(fx, "6", Language::Fr) == Lines{"6", "21:00 Dvořák 4"});
}

TEST_CASE("tiles: the seated guest's allergy and VIP come from the customer's tags") {
  Fixture fx;
  TableStatus before = table_status(fx.desk, fx.table("1"));
  CHECK_FALSE(before.allergy);
  CHECK_FALSE(before.vip);
  give_customer(fx, "res1", {"VIP", "Allergie : arachides"});
  TableStatus after = table_status(fx.desk, fx.table("1"));
  CHECK(after.allergy);
  CHECK(after.vip);
  give_customer(fx, "res2", {"Habitué"});  // a regular, not seated: no mark on table 2
  TableStatus t2 = table_status(fx.desk, fx.table("2"));
  CHECK_FALSE(t2.allergy);
  CHECK_FALSE(t2.vip);
}

TEST_CASE("tiles: a name shortens to fit (first word, ellipsis, left out), times stay whole") {
  const TileLine line{"19:45", "Dvořák Anna", "4"};
  CHECK(fit_line(line, 200, tens) == "19:45 Dvořák Anna 4");  // 19 characters
  CHECK(fit_line(line, 150, tens) == "19:45 Dvořák 4");
  CHECK(fit_line(line, 120, tens) == "19:45 Dvo… 4");
  CHECK(fit_line(line, 100, tens) == "19:45 D… 4");
  CHECK(fit_line(line, 90, tens) == "19:45 4");
  CHECK(fit_line(line, 60, tens).empty());
  // Lines go from the last when the tile is short: never half a line.
  std::vector<TileLine> lines{{"12", "", ""}, {"", "Dupont", "2"}, {"30/75'", "", ""}};
  CHECK(fit_tile(lines, 100, 35, 10, tens) == Lines{"12", "Dupont 2", "30/75'"});
  CHECK(fit_tile(lines, 100, 25, 10, tens) == Lines{"12", "Dupont 2"});
  CHECK(fit_tile(lines, 100, 9, 10, tens).empty());
  CHECK(fit_tile(lines, 65, 35, 10, tens) == Lines{"12", "Dup… 2", "30/75'"});
  CHECK(fit_tile(lines, 45, 35, 10, tens) == Lines{"12", "D… 2"});  // "30/75'" is wider
  // Smaller lines under the name: three fit where two did, each measured at its size.
  CHECK(fit_tile(lines, 100, 26, 10, tens, 0.8f) == Lines{"12", "Dupont 2", "30/75'"});
  CHECK(fit_tile(lines, 52, 26, 10, tens, 0.8f) == Lines{"12", "Dup… 2", "30/75'"});
}

// Every tile line drawn, at every size, lies inside its table's shape: the
// round table's circle, the rectangle, a turned table's rectangle.
TEST_CASE("tiles: the words fit inside every table at every size, with the real font") {
  struct Size {
    int w, h;
  };
  for (Size size :
       {Size{800, 1280}, Size{1024, 768}, Size{1280, 800}, Size{1920, 1080}, Size{800, 600}})
    for (Language l : {Language::Fr, Language::En}) {
      Fixture fx;
      fx.desk.locale = l;
      fx.venue.tables[3].rotation = 30;  // table 4, turned
      fx.venue.tables[5].rotation = 90;  // table 6, upright again but on its side
      fx.book("res9", "Dvořák-Lefèvre Anne-Sophie", 6, "20:00", "t6", "6");
      Headless h;
      const float scale = platform::scale_for_display(size.w, size.h);
      auto font = platform::find_font(platform::font_candidates(""));
      REQUIRE(font);
      REQUIRE(platform::load_font(*font, 18.0f * scale).ok());
      unsigned char* px;
      int pw, ph;
      ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &pw, &ph);
      platform::apply_scale(scale);
      ImGui::GetIO().DisplaySize = ImVec2(float(size.w), float(size.h));
      FloorView v;
      for (int i = 0; i < 2; ++i) {
        test::recorded_items().clear();
        h.frame([&] {
          FloorIntents out;
          draw_floor(v, fx.desk, out);
        });
      }
      int lines = 0;
      for (const Table& t : fx.venue.tables) {
        if (t.floor_plan_id != "p1") continue;
        auto box = h.item("table_" + t.name);
        REQUIRE(box);
        const double rad = t.rotation * M_PI / 180;
        const double c = std::fabs(std::cos(rad)), s = std::fabs(std::sin(rad));
        const PlanPoint sz = table_extent(t);
        const double tw = sz.x, th = sz.y;
        const double px_per_unit = (box->x1 - box->x0) / (tw * c + th * s);
        auto inside = [&](float x, float y) {
          const double dx = x - box->cx(), dy = y - box->cy();
          if (t.shape == TableShape::Round)
            return std::hypot(dx, dy) <= std::min(tw, th) / 2 * px_per_unit + 1;
          const double lx = dx * std::cos(rad) + dy * std::sin(rad);
          const double ly = -dx * std::sin(rad) + dy * std::cos(rad);
          return std::fabs(lx) <= tw / 2 * px_per_unit + 1 &&
                 std::fabs(ly) <= th / 2 * px_per_unit + 1;
        };
        for (int n = 0; n < 4; ++n) {
          auto r = h.item("tile_" + t.name + "_" + std::to_string(n));
          if (!r) break;
          ++lines;
          INFO(size.w << "x" << size.h << " " << std::string(locale_code(l)) << " table " << t.name
                      << " line " << n);
          CHECK(inside(r->x0, r->y0));
          CHECK(inside(r->x1, r->y0));
          CHECK(inside(r->x0, r->y1));
          CHECK(inside(r->x1, r->y1));
        }
        // The name at least, on every table, at every size.
        CHECK_MESSAGE(h.item("tile_" + t.name + "_0"), "table " << t.name << " says nothing");
      }
      INFO(size.w << "x" << size.h << " " << std::string(locale_code(l)));
      // Every table says more than its name, but on the smallest screen (800x600,
      // tiles a fingertip wide), where some keep only their name and icon.
      CHECK(lines >= (size.h >= 768 ? 12 : 6));
    }
}
