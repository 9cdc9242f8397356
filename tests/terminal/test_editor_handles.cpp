#include <doctest/doctest.h>

#include <cmath>

#include "screens/editor.hpp"
#include "tap.hpp"
#include "view/editor_handles.hpp"
#include "widgets/widgets.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

Table* find(EditorView& v, const std::string& name) {
  for (Table& t : v.draft.tables)
    if (t.name == name) return &t;
  return nullptr;
}

// Presses on `id`'s centre, drags by (dx, dy) pixels over a few frames, releases.
template <class Draw>
void drag_item(Headless& h, const std::string& id, float dx, float dy, Draw&& draw) {
  h.frame([&] {
    EditorIntents o;
    draw(o);
  });
  auto r = h.item(id);
  REQUIRE_MESSAGE(r, "item not drawn: " << id);
  h.move(r->cx(), r->cy());
  h.frame([&] {
    EditorIntents o;
    draw(o);
  });
  h.press();
  h.frame([&] {
    EditorIntents o;
    draw(o);
  });
  for (int k = 1; k <= 4; ++k) {
    h.move(r->cx() + dx * k / 4, r->cy() + dy * k / 4);
    h.frame([&] {
      EditorIntents o;
      draw(o);
    });
  }
  h.release();
  h.frame([&] {
    EditorIntents o;
    draw(o);
  });
}

}  // namespace

TEST_CASE("resize handle: the opposite corner stays, sizes follow the table's axes, snapped") {
  Table t;
  t.position_x = 100, t.position_y = 100, t.width = 80, t.height = 40;
  resize_table_to(t, {203, 168}, 10);  // top-left (100, 100) stays
  CHECK(*t.width == doctest::Approx(100));
  CHECK(*t.height == doctest::Approx(70));
  CHECK(t.position_x == doctest::Approx(100));
  CHECK(t.position_y == doctest::Approx(100));
  resize_table_to(t, {101, 101}, 10);  // never smaller than a tappable table
  CHECK(*t.width == doctest::Approx(kMinTableSize));
  // Turned a quarter: the table's width runs down the plan, its top-left corner is at the top
  // right.
  Table r;
  r.position_x = 0, r.position_y = 0, r.width = 100, r.height = 50, r.rotation = 90;
  Vec2 fixed = table_corners(r)[0];
  resize_table_to(r, {fixed.x - 60, fixed.y + 150}, 0);
  CHECK(*r.width == doctest::Approx(150));
  CHECK(*r.height == doctest::Approx(60));
  CHECK(table_corners(r)[0].x == doctest::Approx(fixed.x));
  CHECK(table_corners(r)[0].y == doctest::Approx(fixed.y));
  // A round table stays round.
  Table round;
  round.shape = TableShape::Round, round.width = 60, round.height = 60;
  resize_table_to(round, {90, 70}, 10);
  CHECK(*round.width == *round.height);
  CHECK(*round.width == doctest::Approx(90));
}

TEST_CASE("rotate handle: points the table's top at the pointer, in 15 degree steps") {
  Table t;
  t.position_x = 0, t.position_y = 0, t.width = 100, t.height = 50;  // centre (50, 25)
  rotate_table_towards(t, {150, 27}, true);                          // right of the centre
  CHECK(t.rotation == doctest::Approx(90));
  rotate_table_towards(t, {50, 200}, false);  // below
  CHECK(t.rotation == doctest::Approx(180));
  rotate_table_towards(t, {-50, 25 - 100 * std::tan(0.35f)}, true);  // up-left, ~ -70 -> -75
  CHECK(t.rotation == doctest::Approx(-75));
  TableHandles h = table_handles(t, 20);
  rotate_table_towards(t, h.rotate, false);  // the handle where it is: no turn
  CHECK(t.rotation == doctest::Approx(-75).epsilon(0.01));
}

TEST_CASE(
    "editor canvas: dragging the handles resizes and turns the selected table, one undo step "
    "each") {
  Fixture fx;
  Headless h;
  EditorView v;
  auto draw = [&](EditorIntents& o) { draw_editor(v, fx.desk, o); };
  test::tap_item<EditorIntents>(h, "edit_table_2", draw);
  REQUIRE(v.selection == std::vector<Uuid>{"t2"});
  h.frame([&] {
    EditorIntents o;
    draw(o);
  });
  auto handle = h.item("edit_handle_resize");
  REQUIRE(handle);
  CHECK(handle->x1 - handle->x0 >= 48);  // the touch target at scale 1
  double x0 = find(v, "2")->position_x, y0 = find(v, "2")->position_y;
  drag_item(h, "edit_handle_resize", 60, 0, draw);
  Table* t2 = find(v, "2");
  CHECK(*t2->width > 80);
  CHECK(std::fmod(*t2->width, 10.0) == doctest::Approx(0));
  CHECK(*t2->height == doctest::Approx(80));
  CHECK(t2->position_x == doctest::Approx(x0));  // the top-left corner stayed
  CHECK(t2->position_y == doctest::Approx(y0));
  CHECK(v.undo.size() == 1);
  // The rotate handle above the table: drag it round to the right of the centre.
  h.frame([&] {
    EditorIntents o;
    draw(o);
  });
  auto rot = h.item("edit_handle_rotate");
  auto body = h.item("edit_table_2");
  REQUIRE(rot);
  REQUIRE(body);
  CHECK(rot->cy() < body->y0);  // stands off the top edge
  drag_item(h, "edit_handle_rotate", (body->x1 + 80) - rot->cx(), body->cy() - rot->cy(), draw);
  CHECK(find(v, "2")->rotation == doctest::Approx(90));
  CHECK(v.undo.size() == 2);
  CHECK(editor_undo(v));
  CHECK(find(v, "2")->rotation == doctest::Approx(0));
  CHECK(editor_undo(v));
  CHECK(*find(v, "2")->width == doctest::Approx(80));
}

TEST_CASE("editor: zones are added, resized, recoloured and deleted with undo") {
  Fixture fx;
  Headless h;
  EditorView v;
  auto draw = [&](EditorIntents& o) { draw_editor(v, fx.desk, o); };
  test::tap_item<EditorIntents>(h, "edit_add_zone", draw);
  REQUIRE(v.draft.zones.size() == 2);
  const Zone& added = v.draft.zones.back();
  CHECK(added.name == "Zone 2");
  CHECK(added.floor_plan_id == "p1");
  CHECK(added.id.size() == 36);
  CHECK(v.selected_zone == added.id);
  double w0 = added.width;
  drag_item(h, "edit_zone_resize", 50, 30, draw);
  CHECK(v.draft.zones.back().width > w0);
  CHECK(std::fmod(v.draft.zones.back().width, 10.0) == doctest::Approx(0));
  CHECK(v.undo.size() == 2);  // add, resize
  test::tap_item<EditorIntents>(h, "edit_zone_colour_F4C7C3", draw);
  CHECK(v.draft.zones.back().color == "#F4C7C3");
  CHECK(editor_undo(v));
  CHECK(v.draft.zones.back().color != "#F4C7C3");
  CHECK(editor_undo(v));
  CHECK(v.draft.zones.back().width == doctest::Approx(w0));
  CHECK(editor_undo(v));
  CHECK(v.draft.zones.size() == 1);

  // Deleting the plan's zone leaves its tables in no zone; the save lists it; undo restores both.
  test::tap_item<EditorIntents>(h, "edit_zone_Salle", draw);
  REQUIRE(v.selected_zone == std::optional<Uuid>("z1"));
  test::tap_item<EditorIntents>(h, "edit_delete", draw);
  CHECK(v.draft.zones.empty());
  CHECK_FALSE(find(v, "3")->zone_id);
  EditorSave s = editor_save_command(v);
  CHECK(s.deleted_zones == std::vector<Uuid>{"z1"});
  CHECK(s.deleted_tables.empty());
  CHECK(editor_undo(v));
  CHECK(v.draft.zones.size() == 1);
  CHECK(find(v, "3")->zone_id == std::optional<Uuid>("z1"));
}

TEST_CASE("editor: a round table next to a square one is judged as a circle (engine rule)") {
  Fixture fx;
  EditorView v;
  editor_load(v, fx.desk, "p1");
  // Table 1 is round (80 across at 50,50); a square tucked into its box's corner clears the circle.
  Table* t2 = find(v, "2");
  t2->width = 30, t2->height = 30;
  t2->position_x = 122, t2->position_y = 122;
  CHECK(editor_issues(v.draft).empty());
  t2->position_x = 110, t2->position_y = 80;  // into the circle's side
  CHECK(editor_issues(v.draft).size() == 1);
}
