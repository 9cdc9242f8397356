// Typing on glass: the on-screen keyboard every text field opens (AZERTY with
// accents in French, QWERTY in English, a phone pad, a number pad), driven
// by simulated taps on headless frames.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "screens/reservations.hpp"
#include "tap.hpp"
#include "widgets/widgets.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Headless;

namespace {

struct None {};

// One field (or two) and the dock, as the shell draws them.
struct Form {
  KeyboardState kb;
  std::string name, phone;
  Language l = Language::Fr;
  bool show = true;
  bool changed = false;

  Form() { set_keyboard(&kb); }
  ~Form() { set_keyboard(nullptr); }
  void draw(None&) {
    keyboard_begin_frame(kb);
    if (show) {
      std::string copy = name;  // over a copy, as the editor's fields are
      if (text_field("Nom###name", copy, FieldError::None, l)) name = copy, changed = true;
      text_field("Tel###phone", phone, FieldError::None, l, 10, false, InputKind::Phone);
    }
    draw_keyboard_dock(kb, l);
  }
  auto drawer() {
    return [this](None& n) { draw(n); };
  }
};

void tap(Headless& h, Form& f, const std::string& id) { test::tap_item<None>(h, id, f.drawer()); }

void type(Headless& h, Form& f, std::initializer_list<const char*> keys) {
  for (const char* k : keys) tap(h, f, std::string("kb_") + k);
  test::frame<None>(h, f.drawer());  // the field takes the last key
}

test::Rect at(Headless& h, const std::string& id) {
  auto r = h.item(id);
  REQUIRE_MESSAGE(r.has_value(), "not drawn: " << id);
  return *r;
}

}  // namespace

TEST_CASE("a tapped name field opens AZERTY with French accents; keys type into it") {
  Headless h;
  Form f;
  test::frame<None>(h, f.drawer());
  CHECK_FALSE(h.item("kb_a").has_value());  // closed until a field is tapped
  tap(h, f, "name");
  CHECK(f.kb.field == "name");
  CHECK(f.kb.kind == InputKind::Text);
  // AZERTY: a z e on the top row, q under a, w on the third row.
  CHECK(at(h, "kb_a").x1 <= at(h, "kb_z").x0);
  CHECK(at(h, "kb_z").x1 <= at(h, "kb_e").x0);
  CHECK(at(h, "kb_a").cy() == doctest::Approx(at(h, "kb_z").cy()));
  CHECK(at(h, "kb_q").cy() > at(h, "kb_a").cy());
  CHECK(at(h, "kb_w").cy() > at(h, "kb_q").cy());
  for (const char* accent : {"é", "è", "ê", "à", "ç", "ù", "ï", "ô"})
    CHECK_MESSAGE(h.item(std::string("kb_") + accent).has_value(), accent);
  // Capital at the start of a word; the field is over a copy and still reports it.
  type(h, f, {"z", "o", "é", "space", "l", "e", "f", "è", "v", "r", "e"});
  CHECK(f.name == "Zoé Lefèvre");
  CHECK(f.changed);
  type(h, f, {"back", "back"});
  CHECK(f.name == "Zoé Lefèv");
  type(h, f, {"shift", "é"});
  CHECK(f.name == "Zoé LefèvÉ");
}

TEST_CASE(
    "keys are touch targets, inside the screen, none over another; the dock is at the bottom") {
  // The tablets restaurants use, and the smallest screen that must stay usable.
  const ImVec2 sizes[] = {{800, 1280}, {1024, 768}, {1280, 800}, {1920, 1080}, {800, 600}};
  for (ImVec2 size : sizes)
    for (Language l : {Language::Fr, Language::En})
      for (const char* field : {"name", "phone"}) {
        CAPTURE(field);
        CAPTURE(size.x);
        CAPTURE(size.y);
        Headless h;
        ImGui::GetIO().DisplaySize = size;
        Form f;
        f.l = l;
        tap(h, f, field);
        test::frame<None>(h, f.drawer());
        std::vector<std::pair<std::string, test::Rect>> keys;
        for (const auto& [id, r] : test::recorded_items())
          if (id.rfind("kb_", 0) == 0) keys.emplace_back(id, r);
        REQUIRE(keys.size() >= 13);
        const float target = touch_target();
        const ImVec2 screen = ImGui::GetIO().DisplaySize;
        for (size_t i = 0; i < keys.size(); ++i) {
          const auto& [id, r] = keys[i];
          CAPTURE(id);
          CHECK(r.x1 - r.x0 >= target - 0.5f);
          CHECK(r.y1 - r.y0 >= target - 0.5f);
          CHECK(r.x0 >= 0);
          CHECK(r.x1 <= screen.x);
          CHECK(r.y1 <= screen.y);
          CHECK(r.y0 >= screen.y - keyboard_height(f.kb, l));
          for (size_t j = i + 1; j < keys.size(); ++j) {
            const auto& o = keys[j].second;
            const bool apart = r.x1 <= o.x0 || o.x1 <= r.x0 || r.y1 <= o.y0 || o.y1 <= r.y0;
            CHECK_MESSAGE(apart, id << " overlaps " << keys[j].first);
          }
        }
      }
}

TEST_CASE("English: QWERTY, accents one key away") {
  Headless h;
  Form f;
  f.l = Language::En;
  tap(h, f, "name");
  CHECK(at(h, "kb_q").x1 <= at(h, "kb_w").x0);
  CHECK(at(h, "kb_q").cy() == doctest::Approx(at(h, "kb_w").cy()));
  CHECK(at(h, "kb_a").cy() > at(h, "kb_q").cy());
  CHECK(at(h, "kb_z").cy() > at(h, "kb_a").cy());
  CHECK_FALSE(h.item("kb_é").has_value());
  type(h, f, {"accents", "z", "o", "é"});
  CHECK(f.name == "Zoé");
  type(h, f, {"123", "4", "2"});
  CHECK(f.name == "Zoé42");
}

TEST_CASE("a phone field gets the phone pad; Done and a field gone close the keyboard") {
  Headless h;
  Form f;
  tap(h, f, "phone");
  CHECK(f.kb.kind == InputKind::Phone);
  CHECK_FALSE(h.item("kb_a").has_value());
  type(h, f, {"+", "3", "3", "6", "1", "2", "back"});
  CHECK(f.phone == "+3361");
  CHECK(f.name.empty());
  tap(h, f, "kb_done");
  CHECK(f.kb.field.empty());
  test::frame<None>(h, f.drawer());
  CHECK_FALSE(h.item("kb_1").has_value());
  tap(h, f, "name");
  CHECK(f.kb.field == "name");
  f.show = false;  // another screen: the field is not drawn
  test::frame<None>(h, f.drawer());
  CHECK(f.kb.field.empty());
}

TEST_CASE("a physical keyboard still types into the tapped field, and the dock steps aside") {
  Headless h;
  Form f;
  tap(h, f, "phone");
  ImGui::GetIO().AddInputCharactersUTF8("0612");
  test::frame<None>(h, f.drawer());
  test::frame<None>(h, f.drawer());
  CHECK(f.phone == "0612");
  CHECK(f.kb.field.empty());  // typed on a keyboard: the dock steps aside
}

TEST_CASE("editing helpers: UTF-8 erase, capitals of accents") {
  std::string s = "Dvořák";
  erase_last(s);
  CHECK(s == "Dvořá");
  erase_last(s);
  CHECK(s == "Dvoř");
  erase_last(s);
  CHECK(s == "Dvo");
  std::string empty;
  erase_last(empty);
  CHECK(empty.empty());
  CHECK(upper_key("é") == "É");
  CHECK(upper_key("ç") == "Ç");
  CHECK(upper_key("q") == "Q");
  CHECK(upper_key("'") == "'");
}

TEST_CASE("typed on glass without accents, the search finds Dvořák and Le Roux") {
  test::Fixture fx;
  fx.book("r-dvorak", "Dvořák", 2, "20:00", fx.table("4").id, "4");
  fx.book("r-leroux", "Leroux", 2, "20:30", fx.table("6").id, "6");
  Headless h;
  KeyboardState kb;
  struct Installed {  // uninstalled however the test ends
    explicit Installed(KeyboardState* k) { set_keyboard(k); }
    ~Installed() { set_keyboard(nullptr); }
  } installed(&kb);
  ReservationsView v;
  auto draw = [&](ReservationsIntents& o) {
    keyboard_begin_frame(kb);
    draw_reservations(v, fx.desk, o);
    draw_keyboard_dock(kb, fx.desk.locale);
  };
  test::tap_item<ReservationsIntents>(h, "res_search", draw);
  for (const char* k : {"kb_d", "kb_v", "kb_o", "kb_r", "kb_a", "kb_k"})
    test::tap_item<ReservationsIntents>(h, k, draw);
  test::frame<ReservationsIntents>(h, draw);
  CHECK(v.search == "Dvorak");
  auto found = filtered_reservations(v, fx.desk);
  REQUIRE(found.size() == 1);
  CHECK(found[0]->guest_name == "Dvořák");
  v.search = "le roux";
  found = filtered_reservations(v, fx.desk);
  REQUIRE(found.size() == 1);
  CHECK(found[0]->guest_name == "Leroux");
}
