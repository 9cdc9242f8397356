#include <doctest/doctest.h>
#include <imgui.h>

#include <cmath>

#include "screens/editor.hpp"
#include "tap.hpp"
#include "view/editor_handles.hpp"

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

}  // namespace

TEST_CASE("editor smoke frame: drag a table, snapped, one undo step; save records the move") {
  Fixture fx;
  Headless h;
  EditorView v;
  auto draw = [&](EditorIntents& o) { draw_editor(v, fx.desk, o); };
  test::frame<EditorIntents>(h, draw);
  REQUIRE(v.loaded);
  CHECK(v.draft.tables.size() == 6);  // plan "Salle"
  auto r = h.item("edit_table_6");
  REQUIRE(r);
  double x0 = find(v, "6")->position_x;
  h.move(r->cx(), r->cy());
  test::frame<EditorIntents>(h, draw);
  h.press();
  test::frame<EditorIntents>(h, draw);
  h.move(r->cx() + 40, r->cy() + 60);
  test::frame<EditorIntents>(h, draw);
  h.release();
  test::frame<EditorIntents>(h, draw);
  Table* t6 = find(v, "6");
  CHECK(t6->position_x > x0);
  CHECK(std::fmod(t6->position_x, 10.0) == doctest::Approx(0));  // snapped to the 10-unit grid
  CHECK(v.undo.size() == 1);
  auto save = test::tap_item<EditorIntents>(h, "edit_save", draw);
  REQUIRE(save.save);
  CHECK(save.save->floor_plan_id == "p1");
  bool found = false;
  for (const Table& t : save.save->tables)
    if (t.id == "t6") {
      found = true;
      CHECK(t.position_x == t6->position_x);
    }
  CHECK(found);
  CHECK(save.save->deleted_tables.empty());
  // Undo puts it back, redo moves it again.
  CHECK(editor_undo(v));
  CHECK(find(v, "6")->position_x == x0);
  CHECK(editor_redo(v));
  CHECK(find(v, "6")->position_x != x0);
}

TEST_CASE("editor: overlapping tables and duplicate names are flagged and Save is disabled") {
  Fixture fx;
  Headless h;
  EditorView v;
  auto draw = [&](EditorIntents& o) { draw_editor(v, fx.desk, o); };
  test::frame<EditorIntents>(h, draw);
  editor_push_undo(v);
  find(v, "2")->position_x = find(v, "1")->position_x + 10;  // onto table 1
  auto issues = editor_issues(v.draft);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].text.find("overlap") != std::string::npos);
  auto out = test::tap_item<EditorIntents>(h, "edit_save", draw);
  CHECK_FALSE(out.save);
  editor_undo(v);
  find(v, "4")->name = "3";
  issues = editor_issues(v.draft);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].text.find("Duplicate") != std::string::npos);
  out = test::tap_item<EditorIntents>(h, "edit_save", draw);
  CHECK_FALSE(out.save);
}

TEST_CASE("editor: add, duplicate, delete, combination") {
  Fixture fx;
  Headless h;
  EditorView v;
  editor_load(v, fx.desk, "p1");
  editor_add_table(v, fx.desk, TableShape::Round);
  REQUIRE(v.draft.tables.size() == 7);
  CHECK(v.draft.tables.back().name == "7");
  CHECK(editor_issues(v.draft).empty());  // placed on a free spot
  CHECK(v.draft.tables.back().id.size() == 36);
  editor_duplicate_selection(v, fx.desk);
  CHECK(v.draft.tables.size() == 8);
  CHECK(editor_issues(v.draft).empty());
  v.selection = {"t1"};
  CHECK(editor_combine(v, 4).has_value());  // one table is not a combination
  v.selection = {"t1", "t2"};
  CHECK_FALSE(editor_combine(v, 5).has_value());
  CHECK(find(v, "1")->capacity_overrides.at("1+2") == 5);
  CHECK(find(v, "2")->capacity_overrides.at("1+2") == 5);
  v.selection = {"t2"};
  editor_delete_selection(v);
  CHECK(find(v, "2") == nullptr);
  CHECK(find(v, "1")->capacity_overrides.count("1+2") == 0);  // no dangling combination
  EditorSave s = editor_save_command(v);
  CHECK(s.deleted_tables == std::vector<Uuid>{"t2"});
  // Each step can be undone back to the loaded plan.
  while (editor_undo(v)) {
  }
  CHECK(v.draft == v.saved);
}

TEST_CASE("editor: the properties panel edits capacity with undo") {
  Fixture fx;
  Headless h;
  EditorView v;
  auto draw = [&](EditorIntents& o) { draw_editor(v, fx.desk, o); };
  test::frame<EditorIntents>(h, draw);
  v.selection = {"t2"};
  test::tap_item<EditorIntents>(h, "edit_cap_max_plus", draw);
  CHECK(find(v, "2")->capacity_max == 5);
  test::tap_item<EditorIntents>(h, "edit_side_top", draw);
  CHECK((find(v, "2")->chair_sides & kChairTop) == 0);
  test::tap_item<EditorIntents>(h, "edit_undo", draw);
  test::tap_item<EditorIntents>(h, "edit_undo", draw);
  CHECK(find(v, "2")->capacity_max == 4);
  CHECK(find(v, "2")->chair_sides == 15);
}

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
  PlanPoint fixed = table_corners(r)[0];
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
  test::frame<EditorIntents>(h, draw);
  auto handle = h.item("edit_handle_resize");
  REQUIRE(handle);
  CHECK(handle->x1 - handle->x0 >= 48);  // the touch target at scale 1
  double x0 = find(v, "2")->position_x, y0 = find(v, "2")->position_y;
  test::drag_item<EditorIntents>(h, "edit_handle_resize", 60, 0, draw);
  Table* t2 = find(v, "2");
  CHECK(*t2->width > 80);
  CHECK(std::fmod(*t2->width, 10.0) == doctest::Approx(0));
  CHECK(*t2->height == doctest::Approx(80));
  CHECK(t2->position_x == doctest::Approx(x0));  // the top-left corner stayed
  CHECK(t2->position_y == doctest::Approx(y0));
  CHECK(v.undo.size() == 1);
  // The rotate handle above the table: drag it round to the right of the centre.
  test::frame<EditorIntents>(h, draw);
  auto rot = h.item("edit_handle_rotate");
  auto body = h.item("edit_table_2");
  REQUIRE(rot);
  REQUIRE(body);
  CHECK(rot->cy() < body->y0);  // stands off the top edge
  test::drag_item<EditorIntents>(h, "edit_handle_rotate", (body->x1 + 80) - rot->cx(),
                                 body->cy() - rot->cy(), draw);
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
  test::drag_item<EditorIntents>(h, "edit_zone_resize", 50, 30, draw);
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

TEST_CASE("editor: dragging a zone carries its tables, one undo step") {
  Fixture fx;
  Headless h;
  EditorView v;
  auto draw = [&](EditorIntents& o) { draw_editor(v, fx.desk, o); };
  test::frame<EditorIntents>(h, draw);
  const Zone z0 = v.draft.zones.front();
  const Table t0 = *find(v, "3");
  REQUIRE(t0.zone_id == std::optional<Uuid>(z0.id));
  test::drag_item<EditorIntents>(h, "edit_zone_" + z0.name, 60, 40, draw);
  const Zone& z1 = v.draft.zones.front();
  const double dx = z1.position_x - z0.position_x, dy = z1.position_y - z0.position_y;
  CHECK(dx > 0);
  CHECK(dy > 0);
  CHECK(std::fmod(z1.position_x, 10.0) == doctest::Approx(0));  // snapped to the grid
  CHECK(find(v, "3")->position_x == doctest::Approx(t0.position_x + dx));
  CHECK(find(v, "3")->position_y == doctest::Approx(t0.position_y + dy));
  CHECK(v.undo.size() == 1);
  CHECK(editor_undo(v));
  CHECK(find(v, "3")->position_x == doctest::Approx(t0.position_x));
  CHECK(v.draft.zones.front().position_x == doctest::Approx(z0.position_x));
}

TEST_CASE("editor: typing a name is one undo step, not one per keystroke") {
  Fixture fx;
  Headless h;
  EditorView v;
  auto draw = [&](EditorIntents& o) { draw_editor(v, fx.desk, o); };
  test::tap_item<EditorIntents>(h, "edit_table_2", draw);
  REQUIRE(v.selection.size() == 1);
  const size_t steps = v.undo.size();
  test::tap_item<EditorIntents>(h, "edit_name", draw);
  for (char c : std::string("bis")) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    test::frame<EditorIntents>(h, draw);
  }
  REQUIRE(find(v, "2bis"));
  CHECK(v.undo.size() == steps + 1);
  CHECK(editor_undo(v));
  CHECK(find(v, "2"));
  CHECK(editor_redo(v));
  CHECK(find(v, "2bis"));
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

TEST_CASE("editor: a table belongs to the zone under its centre after a drag, an add or a copy") {
  Fixture fx;
  Headless h;
  EditorView v;
  auto draw = [&](EditorIntents& o) { draw_editor(v, fx.desk, o); };
  test::frame<EditorIntents>(h, draw);
  Zone terrace = v.draft.zones.front();
  terrace.id = "z9", terrace.name = "Véranda";
  terrace.position_x = 0, terrace.position_y = 200, terrace.width = 240, terrace.height = 200;
  v.draft.zones.push_back(terrace);  // on top of "Salle", under table 5 (50, 250)
  Table t5 = *find(v, "5");
  editor_place_in_zone(v.draft, t5);
  CHECK(t5.zone_id == std::optional<Uuid>("z9"));
  t5.position_x = 600, t5.position_y = 50;
  editor_place_in_zone(v.draft, t5);
  CHECK(t5.zone_id == std::optional<Uuid>("z1"));
  t5.position_x = 900;  // outside every zone
  editor_place_in_zone(v.draft, t5);
  CHECK_FALSE(t5.zone_id);
  // Dragging table 6 (250, 250) left into the Véranda moves it there.
  auto before = *h.item("edit_table_6");
  test::drag_item<EditorIntents>(h, "edit_table_6", -(before.x0 - h.item("edit_zone_Salle")->x0), 0,
                                 draw);
  CHECK(find(v, "6")->zone_id == std::optional<Uuid>("z9"));
  CHECK(find(v, "2")->zone_id == std::optional<Uuid>("z1"));  // untouched tables keep theirs
}
