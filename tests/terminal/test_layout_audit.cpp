// Layout audit (issue 12, items 1 and 2): every screen state of kStates, in
// French and English, at the sizes restaurants use, drawn headless inside the
// shell's frame (tabs, content, status bar) with the real font and style. For
// every interactive item a widget records, it checks:
//  - it lies fully inside its window, or inside a scroll region that reaches it;
//  - no two overlap (within the same window layer: a popup may cover the screen);
//  - it is at least 48 px on each side at scale 1;
//  - a button's label fits inside it.
//
// To audit a new screen or state, add one entry to kStates: a name and a
// function that gets a fresh Fixture and returns the frame's drawing (it owns
// its view state); `prepare` may tap through the screen first.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "foh/platform/fonts.hpp"
#include "foh/platform/metrics.hpp"
#include "screens/busy.hpp"
#include "screens/editor.hpp"
#include "screens/floor.hpp"
#include "screens/kiosk.hpp"
#include "screens/login.hpp"
#include "screens/manager_pin.hpp"
#include "screens/reservations.hpp"
#include "screens/seat.hpp"
#include "screens/set_aside.hpp"
#include "screens/shift.hpp"
#include "screens/status_bar.hpp"
#include "screens/waitlist.hpp"
#include "sections_fixture.hpp"
#include "shift_fixture.hpp"
#include "tap.hpp"
#include "widgets/widgets.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::give_sections;
using foh::test::Headless;
using foh::test::screen_draw;

namespace {

struct Size {
  int w, h;
};
// The tablets restaurants use, and the smallest screen that must stay usable.
constexpr Size kSizes[] = {{800, 1280}, {1024, 768}, {1280, 800}, {1920, 1080}, {800, 600}};
constexpr float kTouchPx = 48.0f;  // at scale 1
constexpr float kSlack = 0.5f;     // sub-pixel rounding

using Draw = std::function<void()>;
struct State {
  const char* name;
  bool staff = true;  // drawn inside the staff shell (tabs + status bar); the kiosk is not
  std::function<Draw(Fixture&)> open;
  std::function<void(Headless&, const Draw&)> prepare = nullptr;
};

// One recorded item with where it may be seen.
struct Seen {
  std::string id;
  ImRect rect;        // as drawn
  ImRect visible;     // rect clipped by its window chain
  bool reachable;     // fully visible, or a scrollbar brings it into view
  std::string layer;  // root window: items of a popup may lie over the screen
};

struct Label {
  std::string id;
  float width, room;
};

std::vector<Seen>& seen() {
  static std::vector<Seen> s;
  return s;
}
std::vector<Label>& labels() {
  static std::vector<Label> s;
  return s;
}

// Messages, headings and canvases are recorded for scripts but are not tapped.
bool interactive(const std::string& id) {
  if (id == "busy") return false;  // the busy state's words (its Cancel is busy_cancel)
  for (const char* p : {"error:",         "day_label",      "sync_state",
                        "kiosk_position", "editor_canvas",  "table_actions",
                        "opt_nothing",    "set_aside_row_", "pin_dot_",
                        "clock",          "tl_name_",       "tile_",
                        "wl_add_quote",   "wl_advice_",     "kiosk_restaurant",
                        "kiosk_wait",     "kiosk_back_in",  "kiosk_party_summary",
                        "covers_",        "sections_hint"})
    if (id.rfind(p, 0) == 0) return false;
  return true;
}

bool contains(const ImRect& outer, const ImRect& r) {
  return r.Min.x >= outer.Min.x - kSlack && r.Min.y >= outer.Min.y - kSlack &&
         r.Max.x <= outer.Max.x + kSlack && r.Max.y <= outer.Max.y + kSlack;
}

// A window whose scrollbar can bring `r` into view: it scrolls on the axis
// where `r` sticks out, `r` fits in it, and the window itself is not cut.
bool scroll_reaches(ImGuiWindow* w, const ImRect& r, const ImRect& clip) {
  for (; w; w = (w->Flags & ImGuiWindowFlags_Popup) ? nullptr : w->ParentWindow) {
    const bool out_y = r.Min.y < clip.Min.y - kSlack || r.Max.y > clip.Max.y + kSlack;
    const bool out_x = r.Min.x < clip.Min.x - kSlack || r.Max.x > clip.Max.x + kSlack;
    const bool scrolls = (!out_y || w->ScrollbarY) && (!out_x || w->ScrollbarX);
    if (scrolls) {
      ImGuiWindow* parent = w->ParentWindow;
      const bool whole = !parent || (w->Flags & ImGuiWindowFlags_Popup) ||
                         contains(parent->InnerClipRect, w->Rect());
      return whole;
    }
  }
  return false;
}

void record(const char* id, float x0, float y0, float x1, float y1) {
  if (!interactive(id)) return;
  ImGuiWindow* w = ImGui::GetCurrentWindowRead();
  // In a table the clip rect is the cell's; a row spans every column.
  const ImGuiTable* table = ImGui::GetCurrentTable();
  const ImRect clip = table ? table->InnerClipRect : w->ClipRect;
  Seen s{id, ImRect(x0, y0, x1, y1), ImRect(x0, y0, x1, y1), true, w->RootWindow->Name};
  s.visible.ClipWithFull(clip);
  s.reachable = contains(clip, s.rect) || scroll_reaches(w, s.rect, clip);
  // A later record of the same id in the frame wins, as in the registry.
  for (Seen& o : seen())
    if (o.id == s.id) return void(o = s);
  seen().push_back(s);
}

void record_label(const char* id, float width, float room) {
  labels().push_back(Label{id, width, room});
}

// The staff shell's frame: tabs, the screen in the content child, the status bar.
void staff_frame(Fixture& fx, StatusBarView& bar, const Draw& screen) {
  ImGui::BeginChild("content", ImVec2(0, -status_bar_height(fx.desk)), false,
                    ImGuiWindowFlags_NoScrollbar);
  const bool fr = fx.desk.locale == Language::Fr;
  const char* tabs[] = {fr ? "Salle" : "Floor",
                        fr ? "Placer" : "Seat",
                        fr ? "Réservations" : "Reservations",
                        fr ? "Liste d'attente" : "Waitlist",
                        fr ? "Service" : "Shift",
                        fr ? "Plan de salle" : "Floor editor"};
  if (begin_touch_tabs("tabs")) {
    for (const char* t : tabs)
      if (touch_tab(t, t)) ImGui::EndTabItem();
    end_touch_tabs();
  }
  screen();
  ImGui::EndChild();
  StatusBarIntents ignore;
  draw_status_bar(bar, fx.desk, ignore);
}

std::string describe(const Seen& s) {
  std::ostringstream o;
  o << s.id << " [" << s.rect.Min.x << "," << s.rect.Min.y << " - " << s.rect.Max.x << ","
    << s.rect.Max.y << "]";
  return o.str();
}

// Everything wrong with the last frame's layout, one line each.
std::vector<std::string> audit_frame() {
  std::vector<std::string> bad;
  const auto& items = seen();
  for (const Seen& s : items) {
    if (!s.reachable) bad.push_back("cut off: " + describe(s));
    // 48 px at scale 1: a larger screen's targets grow with its text.
    const float touch = kTouchPx * platform::current_scale();
    if (s.rect.GetWidth() < touch - kSlack || s.rect.GetHeight() < touch - kSlack)
      bad.push_back("smaller than a fingertip: " + describe(s));
  }
  for (size_t i = 0; i < items.size(); ++i)
    for (size_t j = i + 1; j < items.size(); ++j) {
      if (items[i].layer != items[j].layer) continue;
      // A timeline row is the background the bookings' bars lie on; a zone is
      // the ground the editor's tables stand on (a tap goes to the table first).
      auto ground = [](const std::string& id) {
        if (id.rfind("tl_row_", 0) == 0) return true;
        for (const char* own : {"edit_zone_resize", "edit_zone_name", "edit_zone_colour_"})
          if (id.rfind(own, 0) == 0) return false;
        return id.rfind("edit_zone_", 0) == 0;
      };
      if (ground(items[i].id) || ground(items[j].id)) continue;
      ImRect a = items[i].visible;
      a.ClipWithFull(items[j].visible);
      if (a.GetWidth() > 1 && a.GetHeight() > 1)
        bad.push_back("overlap: " + describe(items[i]) + " / " + describe(items[j]));
    }
  for (const Label& l : labels())
    if (l.width > l.room + 1) bad.push_back("label wider than its button: " + l.id);
  return bad;
}

Draw seat_view(Fixture& fx, std::function<void(SeatView&)> setup = nullptr) {
  return screen_draw<SeatView, SeatIntents, draw_seat>(fx, std::move(setup));
}

Draw reservations_view(Fixture& fx, ReservationsMode mode,
                       std::function<void(ReservationsView&)> setup = nullptr) {
  return screen_draw<ReservationsView, ReservationsIntents, draw_reservations>(
      fx, [mode, setup](ReservationsView& v) {
        v.mode = mode;
        if (setup) setup(v);
      });
}

// Everything the status bar can show at once: offline with an outbox, a sync
// failure, a conflict, a row set aside, a message, a later day (so "Today").
void busy_status(Fixture& fx) {
  fx.desk.sync.connection = Connectivity::Offline;
  fx.desk.sync.outbox = 12;
  fx.desk.sync.last_error = "timeout";
  fx.desk.sync.conflicts = 2;
  fx.desk.set_aside.push_back(SetAsideRow{"reservations", "bad-row", "time 24:00", {}});
  fx.desk.message =
      fx.desk.locale == Language::Fr ? "Martin installé à la table 2" : "Martin seated at table 2";
  fx.day.date = fx.day.date.plus_days(3);
}

// The editor on plan "p1" with tables or a zone selected.
Draw editor_view(Fixture& fx, std::vector<Uuid> tables, std::optional<Uuid> zone) {
  auto v = std::make_shared<EditorView>();
  editor_load(*v, fx.desk, "p1");
  v->selection = std::move(tables);
  v->selected_zone = std::move(zone);
  return [v, &fx] {
    EditorIntents in;
    draw_editor(*v, fx.desk, in);
  };
}

// Every screen and its main states and popups. Add new ones here.
const std::vector<State>& states() {
  static const std::vector<State> s = {
      {"login", true,
       [](Fixture& fx) {
         fx.desk.member = nullptr;
         return screen_draw<LoginView, LoginIntents, draw_login>(fx);
       }},
      {"login.pin", true,
       [](Fixture& fx) {
         fx.desk.member = nullptr;
         return screen_draw<LoginView, LoginIntents, draw_login>(fx, [](LoginView& v) {
           v.member_id = "m1";
           v.pin = "12";
         });
       }},
      {"floor", true,
       [](Fixture& fx) { return screen_draw<FloorView, FloorIntents, draw_floor>(fx); }},
      {"floor.legend", true,
       [](Fixture& fx) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.legend.open = true; });
       }},
      {"floor.table", true,
       [](Fixture& fx) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.selected_table = "t3"; });
       }},
      // The day's changes (screens/floor_join): join mode with a pair to
      // confirm or refused, a joined table's Split and the undo, the note editor.
      {"floor.join_confirm", true,
       [](Fixture& fx) {
         fx.venue.tables[1].position_x = 250;  // table 2 next to 3
         fx.rebuild();
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [&fx](FloorView& v) {
           v.day.joining = true;
           floor_join_pick(v.day, fx.desk, "t2");
           floor_join_pick(v.day, fx.desk, "t3");
         });
       }},
      {"floor.join_refused", true,
       [](Fixture& fx) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [&fx](FloorView& v) {
           v.day.joining = true;
           floor_join_pick(v.day, fx.desk, "t2");
           floor_join_pick(v.day, fx.desk, "t6");
         });
       }},
      {"floor.joined", true,
       [](Fixture& fx) {
         fx.venue.tables[1].position_x = 250;
         DailyTableOverride o;
         o.id = "j1", o.table_id = "t2", o.date = fx.day.date, o.joined_with = "t3";
         fx.day.table_overrides.push_back(o);
         fx.rebuild();
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [](FloorView& v) {
           v.selected_table = "t2";
           v.day.undo = DayUndo{true, "t2", "t3"};
         });
       }},
      // Servers' sections (screens/floor_sections): the covers strip with a
      // server logged in (their section highlighted), and a Manager's mode.
      {"floor.sections", true,
       [](Fixture& fx) {
         give_sections(fx);
         fx.desk.member = &fx.venue.team_members[1];  // Bob, a Server
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx);
       }},
      {"floor.sections_mode", true,
       [](Fixture& fx) {
         give_sections(fx);
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [](FloorView& v) {
           v.sections.editing = true;
           v.sections.server = "m2";
         });
       }},
      {"floor.sections_take_back", true,
       [](Fixture& fx) {
         give_sections(fx);
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.sections.editing = true; });
       }},
      {"floor.note_edit", true,
       [](Fixture& fx) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [](FloorView& v) {
           v.day.editing_note = true;
           v.day.note = "Anniversaire table 6 : gâteau à 21h, bougies apportées par les parents";
         });
       }},
      {"seat.walk_in", true, [](Fixture& fx) { return seat_view(fx); }},
      {"seat.booking", true,
       [](Fixture& fx) {
         return seat_view(fx, [](SeatView& v) {
           v.source = PartySource::Reservation;
           v.reservation_id = "res3";
           v.party_size = 2;
         });
       }},
      {"reservations.list", true,
       [](Fixture& fx) { return reservations_view(fx, ReservationsMode::List); }},
      {"reservations.selected", true,
       [](Fixture& fx) {
         return reservations_view(fx, ReservationsMode::List,
                                  [](ReservationsView& v) { v.selected = "res2"; });
       }},
      {"reservations.timeline", true,
       [](Fixture& fx) { return reservations_view(fx, ReservationsMode::Timeline); }},
      // The guest at the door: a tapped table's card, a booked party's on the
      // seat screen, the form's known guests and a linked guest's card and tags.
      {"floor.table_guest", true,
       [](Fixture& fx) {
         fx.add_guests();
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.selected_table = "t1"; });
       }},
      {"seat.booking_guest", true,
       [](Fixture& fx) {
         fx.add_guests();
         return seat_view(fx, [](SeatView& v) {
           v.source = PartySource::Reservation;
           v.reservation_id = "res1";
           v.party_size = 2;
         });
       }},
      {"reservations.form_matches", true,
       [](Fixture& fx) {
         fx.add_guests();
         return reservations_view(fx, ReservationsMode::Form, [&fx](ReservationsView& v) {
           v.form.name = "Dup";
           v.form.guest_query = "Dup";
           v.form.matches = fx.day.customers;
         });
       }},
      {"reservations.form_guest", true,
       [](Fixture& fx) {
         fx.add_guests();
         return reservations_view(fx, ReservationsMode::Form, [&fx](ReservationsView& v) {
           link_guest(v.form, fx.day.customers[0]);
           v.form.new_tag = "Sans gluten";
         });
       }},
      {"reservations.form", true,
       [](Fixture& fx) { return reservations_view(fx, ReservationsMode::Form); }},
      {"reservations.form_errors", true,
       [](Fixture& fx) {
         return reservations_view(fx, ReservationsMode::Form, [](ReservationsView& v) {
           v.form.party = "0";
           v.form.time = "25:00";
           v.form.submitted = true;
         });
       }},
      {"waitlist", true,
       [](Fixture& fx) { return screen_draw<WaitlistView, WaitlistIntents, draw_waitlist>(fx); }},
      // A party told its table is ready, who cannot be texted: the longest status line.
      {"waitlist.notified", true,
       [](Fixture& fx) {
         WaitlistEntry& w = fx.day.waitlist.front();
         w.status = WaitlistStatus::Notified;
         w.notified_at = "2026-11-28T19:12:00";
         return screen_draw<WaitlistView, WaitlistIntents, draw_waitlist>(fx);
       }},
      // The engine's recommendations, each with its Seat: a long name, a combination.
      {"waitlist.recommend", true,
       [](Fixture& fx) {
         WaitlistEntry w = fx.day.waitlist.front();
         w.id = "w3", w.guest_name = "Marie-Christine Delacroix-Beaumont", w.party_size = 6;
         w.created_at = "2026-11-28T19:25:00";
         fx.day.waitlist.push_back(w);
         fx.desk.seat_now = {SeatNow{.entry_id = "w1", .table = {{"t4"}, "4", ""}},
                             SeatNow{.entry_id = "w3", .table = {{"t3", "t4"}, "3+4", ""}}};
         return screen_draw<WaitlistView, WaitlistIntents, draw_waitlist>(fx);
       }},
      {"waitlist.add", true,
       [](Fixture& fx) {
         return screen_draw<WaitlistView, WaitlistIntents, draw_waitlist>(
             fx, [](WaitlistView& v) { v.adding = true; });
       }},
      {"editor", true,
       [](Fixture& fx) { return screen_draw<EditorView, EditorIntents, draw_editor>(fx); }},
      // The properties panel of a table (steppers, shapes, chairs) and of a zone (colours).
      {"editor.table", true, [](Fixture& fx) { return editor_view(fx, {"t2"}, std::nullopt); }},
      {"editor.zone", true, [](Fixture& fx) { return editor_view(fx, {}, Uuid("z1")); }},
      {"editor.combination", true,
       [](Fixture& fx) {
         return editor_view(fx, {"t3", "t4"}, std::nullopt);
       }},
      // The shift at a glance: the evening under way, lunch (its turns and
      // report), and a busy evening (late list, over the limit, over target).
      {"shift", true,
       [](Fixture& fx) { return screen_draw<ShiftView, ShiftIntents, draw_shift>(fx); }},
      {"shift.midi", true,
       [](Fixture& fx) {
         return screen_draw<ShiftView, ShiftIntents, draw_shift>(
             fx, [](ShiftView& v) { v.service = "s1"; });
       }},
      {"shift.busy", true,
       [](Fixture& fx) {
         test::busy_shift(fx);
         return screen_draw<ShiftView, ShiftIntents, draw_shift>(fx);
       }},
      {"status_bar.busy", true,
       [](Fixture& fx) {
         busy_status(fx);
         return Draw([] {});
       }},
      {"set_aside", true,
       [](Fixture& fx) {
         fx.desk.set_aside.push_back(SetAsideRow{"reservations", "bad-row", "time 24:00", {}});
         return screen_draw<SetAsideView, SetAsideIntents, draw_set_aside>(
             fx, [](SetAsideView& v) { v.open = true; });
       }},
      // The shell's popups over a screen (screens/manager_pin, screens/busy).
      {"manager_pin", true,
       [](Fixture& fx) {
         return screen_draw<ManagerPinView, ManagerPinIntents, draw_manager_pin>(
             fx, [&fx](ManagerPinView& v) {
               v.manager_id = fx.venue.team_members.front().id;
               v.pin = "12";
               v.message = "Code erroné : encore 2 essais";
             });
       }},
      {"busy", true,
       [](Fixture& fx) {
         return screen_draw<BusyView, BusyIntents, draw_busy>(fx, [](BusyView& v) {
           v.open = true;
           v.what = "busy.kiosk_exit";
           v.seconds = 3;
         });
       }},
      {"busy.saving", true,
       [](Fixture& fx) {
         return screen_draw<BusyView, BusyIntents, draw_busy>(fx, [](BusyView& v) {
           v.open = true;
           v.what = "busy.saving";
           v.cancellable = false;
         });
       }},
      {"kiosk.party", false,
       [](Fixture& fx) { return screen_draw<KioskView, KioskIntents, draw_kiosk>(fx); }},
      // The guest's on-screen keyboard as the shell docks it on the kiosk:
      // keys as large as the kiosk's type, the page above it.
      {"kiosk.keyboard", false,
       [](Fixture& fx) {
         auto v = std::make_shared<KioskView>();
         v->step = KioskStep::Details;
         auto kb = std::make_shared<KeyboardState>();
         return Draw([v, kb, &fx] {
           keyboard_begin_frame(*kb);
           if (kb->field.empty()) keyboard_open(*kb, "kiosk_name", InputKind::Text, v->name);
           set_keyboard(kb.get());
           const ImVec2 d = ImGui::GetIO().DisplaySize;
           const float scale =
               kiosk_keyboard_scale(*kb, fx.desk.locale, d.x, d.y, ImGui::GetFontSize());
           ImGui::BeginChild("kiosk_shell",
                             ImVec2(0, -keyboard_height(*kb, fx.desk.locale, scale)));
           KioskIntents in;
           draw_kiosk(*v, fx.desk, in);
           ImGui::EndChild();
           draw_keyboard_dock(*kb, fx.desk.locale, scale);
           set_keyboard(nullptr);
         });
       }},
      {"kiosk.details", false,
       [](Fixture& fx) {
         return screen_draw<KioskView, KioskIntents, draw_kiosk>(fx, [](KioskView& v) {
           v.step = KioskStep::Details;
           v.submitted = true;
         });
       }},
      {"kiosk.leave", false,
       [](Fixture& fx) {
         return screen_draw<KioskView, KioskIntents, draw_kiosk>(
             fx, [](KioskView& v) { v.step = KioskStep::Leave; });
       }},
  };
  return s;
}

// The real font and the shell's touch style at the scale the platform picks
// for a display of `size` (1 at 1280x800, more on a larger screen), in the
// Headless context.
void use_shell_style(Size size) {
  const float scale = platform::scale_for_display(size.w, size.h);
  auto font = platform::find_font(platform::font_candidates(""));
  REQUIRE_MESSAGE(static_cast<bool>(font), "no UI font installed");
  REQUIRE(static_cast<bool>(platform::load_font(*font, 18.0f * scale)));
  unsigned char* px;
  int w, h;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  platform::apply_scale(scale);
}

// Draws `st` at `size` in `locale` for a few frames (child windows and popups
// settle on the second) and returns what is wrong with the last one.
std::vector<std::string> audit(const State& st, Size size, Language locale) {
  Fixture fx;
  fx.desk.locale = locale;
  Headless h;
  use_shell_style(size);
  ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(size.w), static_cast<float>(size.h));
  set_item_recorder(record);
  set_label_recorder(record_label);
  Draw screen = st.open(fx);
  StatusBarView bar;
  Draw draw = [&] {
    seen().clear();
    labels().clear();
    if (st.staff)
      staff_frame(fx, bar, screen);
    else
      screen();
  };
  if (st.prepare) st.prepare(h, draw);
  for (int i = 0; i < 4; ++i) h.frame(draw);
  auto bad = audit_frame();
  set_label_recorder(nullptr);
  return bad;
}

}  // namespace

TEST_CASE("layout audit: every screen state, both languages, every size") {
  int failures = 0;
  for (const State& st : states())
    for (Size size : kSizes)
      for (Language l : {Language::Fr, Language::En}) {
        auto bad = audit(st, size, l);
        for (const std::string& b : bad) {
          // Whole strings: doctest prints a bare const char* as an address.
          const std::string where = std::string(st.name) + " " + std::to_string(size.w) + "x" +
                                    std::to_string(size.h) + " " + locale_code(l) + ": " + b;
          MESSAGE(where);
          ++failures;
        }
      }
  CHECK(failures == 0);
}

TEST_CASE("layout audit: the seat button is whole and clear of the status bar in portrait") {
  const State* seat = nullptr;
  for (const State& st : states())
    if (std::string(st.name) == "seat.walk_in") seat = &st;
  REQUIRE(seat);
  auto bad = audit(*seat, Size{800, 1280}, Language::Fr);
  for (const std::string& b : bad) MESSAGE(b);
  CHECK(bad.empty());
}

TEST_CASE("timeline opens on now: at 19:30 the evening's bookings are in view, not 11:00") {
  Fixture fx;  // 19:30; Martin (4) at 19:45 on table 2
  Headless h;
  ImGui::GetIO().DisplaySize = ImVec2(600, 800);
  ReservationsView v;
  v.mode = ReservationsMode::Timeline;
  auto draw = [&](ReservationsIntents& o) { draw_reservations(v, fx.desk, o); };
  for (int i = 0; i < 3; ++i) test::frame<ReservationsIntents>(h, draw);
  auto bar = h.item("bar_Martin");
  REQUIRE(bar);
  CHECK(bar->x0 >= 0);
  CHECK(bar->x1 <= 600);
  // Back to the list and again to the timeline: it opens on now again.
  v.mode = ReservationsMode::List;
  test::frame<ReservationsIntents>(h, draw);
  v.mode = ReservationsMode::Timeline;
  for (int i = 0; i < 3; ++i) test::frame<ReservationsIntents>(h, draw);
  bar = h.item("bar_Martin");
  REQUIRE(bar);
  CHECK(bar->x1 <= 600);
  // Scrolled to the evening, the table names stay pinned at the left, in view.
  auto name = h.item("tl_name_2");
  REQUIRE(name);
  CHECK(name->x0 >= 0);
  CHECK(name->x1 <= bar->x0);
}

TEST_CASE("status bar: the time stays whole at the right edge at every size, however busy") {
  for (Size size : kSizes)
    for (Language l : {Language::Fr, Language::En}) {
      Fixture fx;
      fx.desk.locale = l;
      busy_status(fx);
      Headless h;
      use_shell_style(size);
      ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(size.w), static_cast<float>(size.h));
      StatusBarView bar;
      for (int i = 0; i < 2; ++i) h.frame([&] { staff_frame(fx, bar, [] {}); });
      auto clock = h.item("clock");
      CAPTURE(size.w);
      REQUIRE(clock);
      CHECK(clock->x0 >= 0);
      CHECK(clock->x1 <= static_cast<float>(size.w));
      auto locale = h.item("locale");
      REQUIRE(locale);
      CHECK(locale->x1 <= clock->x0);
    }
}
