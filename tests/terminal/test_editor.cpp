#include <doctest/doctest.h>

#include <cmath>

#include "screens/editor.hpp"
#include "tap.hpp"

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
  h.frame([&] { EditorIntents o; draw(o); });
  REQUIRE(v.loaded);
  CHECK(v.draft.tables.size() == 6);  // plan "Salle"
  auto r = h.item("edit_table_6");
  REQUIRE(r);
  double x0 = find(v, "6")->position_x;
  h.move(r->cx(), r->cy());
  h.frame([&] { EditorIntents o; draw(o); });
  h.press();
  h.frame([&] { EditorIntents o; draw(o); });
  h.move(r->cx() + 40, r->cy() + 60);
  h.frame([&] { EditorIntents o; draw(o); });
  h.release();
  h.frame([&] { EditorIntents o; draw(o); });
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
  h.frame([&] { EditorIntents o; draw(o); });
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
  h.frame([&] { EditorIntents o; draw(o); });
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
