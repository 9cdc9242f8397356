// One language at a time (issue 12, item 6): every screen and its states,
// drawn headless in French and in English, with the messages net and the
// engine send them (real refusals from net's PinLogin and Store, worded by the
// terminal). Everything ImGui renders as text is captured (ImGui's log to
// buffer: labels, buttons, messages; not what a guest typed into a field) and
// checked:
//  - no word of the other language: a word found only in the other
//    language's table (or a list of words net and the engine used to say in
//    English or French) and not in the restaurant's own data;
//  - French typography: a no-break space before : ; ! ?;
//  - plurals: "1 réservations", "0 réservations" in French, "1 reservations";
//  - no raw table key ("res.count") left on screen.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/optimise.hpp"
#include "foh/engine/pin.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/login.hpp"
#include "foh/net/store.hpp"
#include "i18n_table.hpp"
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
#include "view/optimise.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::give_sections;
using foh::test::Headless;
using foh::test::screen_draw;

namespace {

// ---- words

// Letters: ASCII and Latin-1/Extended-A (U+00C0..U+024F but × ÷); the rest separates.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (w.size() >= 2) out.push_back(w);
    w.clear();
  };
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    const bool ascii_letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    // U+00C0..U+024F start with C3..C9; U+00D7 (×) and U+00F7 (÷) are not letters.
    const bool latin = n == 2 && b >= 0xC3 && b <= 0xC9 && i + 1 < s.size() &&
                       !(b == 0xC3 && (s[i + 1] == '\x97' || s[i + 1] == '\xB7'));
    if (ascii_letter)
      w += static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
    else if (latin)
      w.append(s.substr(i, n));
    else
      flush();
    i += n;
  }
  flush();
  return out;
}

// Words net, login and the engine said (or could say) in one language only.
constexpr const char* kEnglishOnly[] = {
    "wrong",  "overlap", "overlaps", "the",  "try",    "again",   "locked",      "cannot", "needs",
    "chosen", "unknown", "already",  "walk", "seated", "booking", "bookings",    "free",   "taken",
    "closed", "refused", "with",     "from", "this",   "nothing", "reservations"};
constexpr const char* kFrenchOnly[] = {
    "erroné", "verrouillé", "réessayez", "chevauchent", "réservation", "réservations", "refusé",
    "fermé",  "libre",      "déjà",      "aucune",      "installé",    "couverts",     "une",
    "les",    "pas",        "est",       "avec",        "pour",        "sans"};

struct Lexicon {
  std::set<std::string> foreign[2];  // [Fr]: English words, [En]: French words
};

const Lexicon& lexicon() {
  static const Lexicon lex = [] {
    std::set<std::string> fr, en;
    for (const auto& row : kStrings) {
      for (auto& w : words_of(row.fr)) fr.insert(w);
      for (auto& w : words_of(row.en)) en.insert(w);
    }
    Lexicon l;
    for (const auto& w : en)
      if (!fr.count(w)) l.foreign[0].insert(w);
    for (const auto& w : fr)
      if (!en.count(w)) l.foreign[1].insert(w);
    for (const char* w : kEnglishOnly) l.foreign[0].insert(w);
    for (const char* w : kFrenchOnly) l.foreign[1].insert(w);
    return l;
  }();
  return lex;
}

// Words of the restaurant's own data (names of places, people, services):
// whatever language they are in, they are not the terminal's.
std::set<std::string> data_words(const Fixture& fx) {
  std::set<std::string> out;
  auto add = [&](const std::string& s) {
    for (auto& w : words_of(s)) out.insert(w);
  };
  add(fx.venue.restaurant.name);
  for (const auto& p : fx.venue.floor_plans) add(p.name);
  for (const auto& z : fx.venue.zones) add(z.name);
  for (const auto& s : fx.venue.services) add(s.name);
  for (const auto& m : fx.venue.team_members) add(m.display_name);
  for (const auto& r : fx.day.reservations) add(r.guest_name + " " + r.notes);
  for (const auto& w : fx.day.waitlist) add(w.guest_name);
  for (const auto& c : fx.day.customers) {  // the guests' cards: names, notes, tags as typed
    add(c.name + " " + c.notes);
    for (const auto& t : c.tags) add(t);
  }
  // Why a row was set aside is the codec's words about the server's data
  // (engine language.hpp: data-validation errors stay English), quoted as is.
  for (const auto& r : fx.desk.set_aside) add(r.reason + " " + r.row_id);
  return out;
}

// ---- the checks

std::vector<std::string> foreign_words(std::string_view text, Language l,
                                       const std::set<std::string>& data) {
  std::vector<std::string> bad;
  const auto& foreign = lexicon().foreign[l == Language::Fr ? 0 : 1];
  for (const auto& w : words_of(text))
    if (foreign.count(w) && !data.count(w)) bad.push_back("foreign word \"" + w + "\"");
  return bad;
}

std::string around(std::string_view text, size_t i) {
  const size_t from = i > 24 ? i - 24 : 0;
  return std::string(text.substr(from, 40));
}

// French: : ; ! ? that end a word take a no-break space before them.
std::vector<std::string> typography(std::string_view text) {
  std::vector<std::string> bad;
  for (size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c != ':' && c != ';' && c != '!' && c != '?') continue;
    const bool ends_word = i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
    const bool nbsp = i >= 2 && text.compare(i - 2, 2, "\u00a0") == 0;
    if (ends_word && !nbsp)
      bad.push_back("no no-break space before '" + std::string(1, c) + "': \"" + around(text, i) +
                    "\"");
  }
  return bad;
}

constexpr const char* kPluralNouns[] = {
    "réservations", "reservations", "conflits",  "conflicts", "places", "seats", "lignes",  "rows",
    "couverts",     "covers",       "personnes", "guests",    "essais", "tries", "bookings"};

std::vector<std::string> plurals(std::string_view text, Language l) {
  std::vector<std::string> bad;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    const bool one = text[i] == '1' || (l == Language::Fr && text[i] == '0');
    const bool alone =
        (i == 0 || !(text[i - 1] >= '0' && text[i - 1] <= '9')) && text[i + 1] == ' ';
    if (!one || !alone) continue;
    for (const char* noun : kPluralNouns)
      if (text.compare(i + 2, std::strlen(noun), noun) == 0)
        bad.push_back("plural after " + std::string(1, text[i]) + ": \"" + around(text, i + 24) +
                      "\"");
  }
  return bad;
}

// A table key shown as itself: "res.count", "err.wrong_pin".
std::vector<std::string> raw_keys(std::string_view text) {
  std::vector<std::string> bad;
  for (const auto& row : kStrings)
    if (text.find(row.key) != std::string_view::npos &&
        std::string_view(row.key).find('.') != std::string_view::npos)
      bad.push_back(std::string("raw key ") + row.key);
  return bad;
}

std::vector<std::string> problems(std::string_view text, Language l,
                                  const std::set<std::string>& data) {
  auto bad = foreign_words(text, l, data);
  if (l == Language::Fr)
    for (auto& b : typography(text)) bad.push_back(b);
  for (auto& b : plurals(text, l)) bad.push_back(b);
  for (auto& b : raw_keys(text)) bad.push_back(b);
  return bad;
}

// ---- real refusals from net, for the screens to show

struct NetWords {
  Error wrong_pin, locked, pin_format, no_table, entry_gone, not_editor, overlap;
};

NetWords net_refusals() {
  NetWords w;
  auto cache = net::Cache::open(":memory:");
  REQUIRE(cache.ok());
  net::Cache& c = **cache;
  TeamMember bob;
  bob.id = "m9", bob.restaurant_id = "r1", bob.display_name = "Bob", bob.role = Role::Server;
  bob.pin_salt = "00112233445566778899aabbccddeeff";
  bob.pin = hash_pin("2580", bob.pin_salt, 1000);  // cheap: many wrong PINs stay fast
  REQUIRE(c.put_row("team_members", encode(bob)).ok());
  net::PinLogin login(c, {});
  auto now = std::chrono::system_clock::time_point{} + std::chrono::seconds(1795000000);
  w.pin_format = login.login(bob.id, "12", now).error();
  for (int i = 0; i < 4; ++i) w.wrong_pin = login.login(bob.id, "0000", now).error();
  w.locked = login.login(bob.id, "2580", now).error();
  net::Store store(c);
  net::Actor server;
  server.member_id = bob.id;
  w.no_table =
      store.seat_walk_in(2, {}, Date{2026, 11, 28}, *TimeOfDay::parse("19:30"), server).error();
  w.entry_gone = store.waitlist_accept("no-such-entry", server).error();
  w.not_editor =
      store.save_floor_plan(FloorPlan{"p1", "r1", "Salle", 0, "", {}}, {}, {}, server).error();
  Table a, b;
  a.id = "ta", b.id = "tb", a.name = "9", b.name = "16";
  a.floor_plan_id = b.floor_plan_id = "p1";
  a.position_x = b.position_x = 100, a.position_y = b.position_y = 100;
  server.role = Role::Manager;
  auto st = store.save_floor_plan(FloorPlan{"p1", "r1", "Salle", 0, "", {}}, {}, {a, b}, server);
  REQUIRE_FALSE(st.ok());
  w.overlap = st.error();
  return w;
}

// ---- the screens and their states

using Draw = std::function<void()>;
struct State {
  const char* name;
  std::function<Draw(Fixture&, const NetWords&)> open;
};

Draw reservations(Fixture& fx, ReservationsMode mode,
                  std::function<void(ReservationsView&)> setup = nullptr) {
  return screen_draw<ReservationsView, ReservationsIntents, draw_reservations>(
      fx, [mode, setup](ReservationsView& v) {
        v.mode = mode;
        if (setup) setup(v);
      });
}

Draw login_with(Fixture& fx, std::string message) {
  fx.desk.member = nullptr;
  return screen_draw<LoginView, LoginIntents, draw_login>(fx, [&fx, message](LoginView& v) {
    v.member_id = "m2";
    v.pin = "12";
    login_failed(v, fx.desk.now, message);
  });
}

// The status bar with everything it can say: a message, sync trouble, conflicts.
Draw status_bar(Fixture& fx, const std::string& message, bool popup) {
  fx.desk.message = message;
  fx.desk.message_is_error = true;
  fx.desk.sync = SyncInfo{Connectivity::Offline, 1, 1, std::nullopt, "could not connect: timeout"};
  fx.desk.conflicts.push_back(ConflictInfo{"res2", "Martin", TableChoice{{"t7"}, "7", ""}});
  return screen_draw<StatusBarView, StatusBarIntents, draw_status_bar>(
      fx, [popup](StatusBarView& v) { v.conflicts_open = popup; });
}

const std::vector<State>& states() {
  using W = const NetWords&;
  static const std::vector<State> s = {
      {"login",
       [](Fixture& fx, W) {
         fx.desk.member = nullptr;
         return screen_draw<LoginView, LoginIntents, draw_login>(fx);
       }},
      {"login.wrong_pin",
       [](Fixture& fx, W w) { return login_with(fx, error_text(fx.desk.locale, w.wrong_pin)); }},
      {"login.pin_format",
       [](Fixture& fx, W w) { return login_with(fx, error_text(fx.desk.locale, w.pin_format)); }},
      {"login.locked",
       [](Fixture& fx, W w) {
         fx.desk.lockout = LockoutInfo{5, 25};
         return login_with(fx, error_text(fx.desk.locale, w.locked));
       }},
      {"floor",
       [](Fixture& fx, W) { return screen_draw<FloorView, FloorIntents, draw_floor>(fx); }},
      {"floor.legend",
       [](Fixture& fx, W) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.legend.open = true; });
       }},
      {"floor.seated",
       [](Fixture& fx, W) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.selected_table = "t1"; });
       }},
      {"floor.late",
       [](Fixture& fx, W) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.selected_table = "t3"; });
       }},
      {"floor.blocked",
       [](Fixture& fx, W) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.selected_table = "t5"; });
       }},
      // Servers' sections (screens/floor_sections): the strip, a server's own, the mode.
      {"floor.sections",
       [](Fixture& fx, W) {
         give_sections(fx);
         fx.desk.member = &fx.venue.team_members[1];  // Bob: "(your section)"
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx);
       }},
      {"floor.sections_mode",
       [](Fixture& fx, W) {
         give_sections(fx);
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [](FloorView& v) {
           v.sections.editing = true;
           v.sections.server = "m2";
         });
       }},
      {"floor.sections_take_back",
       [](Fixture& fx, W) {
         give_sections(fx);
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.sections.editing = true; });
       }},
      // The day's changes (screens/floor_join): join mode, the engine's
      // refusals as the host reads them, a joined table's Split, the undo,
      // the note editor.
      {"floor.join_pick",
       [](Fixture& fx, W) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [&fx](FloorView& v) {
           v.day.joining = true;
           floor_join_pick(v.day, fx.desk, "t2");
         });
       }},
      {"floor.join_confirm",
       [](Fixture& fx, W) {
         fx.venue.tables[1].position_x = 250;  // table 2 next to 3
         fx.rebuild();
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [&fx](FloorView& v) {
           v.day.joining = true;
           floor_join_pick(v.day, fx.desk, "t2");
           floor_join_pick(v.day, fx.desk, "t3");
         });
       }},
      {"floor.join_not_adjacent",
       [](Fixture& fx, W) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [&fx](FloorView& v) {
           v.day.joining = true;
           floor_join_pick(v.day, fx.desk, "t2");
           floor_join_pick(v.day, fx.desk, "t6");
         });
       }},
      {"floor.join_taken",
       [](Fixture& fx, W) {
         fx.venue.tables[1].position_x = 140;  // table 2 next to 1, seated
         fx.rebuild();
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [&fx](FloorView& v) {
           v.day.joining = true;
           floor_join_pick(v.day, fx.desk, "t2");
           floor_join_pick(v.day, fx.desk, "t1");
         });
       }},
      {"floor.join_declared",
       [](Fixture& fx, W) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [&fx](FloorView& v) {
           v.day.joining = true;
           floor_join_pick(v.day, fx.desk, "t3");
           floor_join_pick(v.day, fx.desk, "t4");
         });
       }},
      {"floor.joined",
       [](Fixture& fx, W) {
         fx.venue.tables[1].position_x = 250;
         DailyTableOverride o;
         o.id = "j1", o.table_id = "t2", o.date = fx.day.date, o.joined_with = "t3";
         fx.day.table_overrides.push_back(o);
         fx.rebuild();
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [](FloorView& v) {
           v.selected_table = "t2";
           v.day.undo = DayUndo{false, "t2", "t3"};
         });
       }},
      {"floor.note_edit",
       [](Fixture& fx, W) {
         return screen_draw<FloorView, FloorIntents, draw_floor>(fx, [](FloorView& v) {
           v.day.editing_note = true;
           v.day.note = "Anniversaire table 6";
         });
       }},
      {"seat.walk_in",
       [](Fixture& fx, W) { return screen_draw<SeatView, SeatIntents, draw_seat>(fx); }},
      {"seat.walk_in_8",
       [](Fixture& fx, W) {
         return screen_draw<SeatView, SeatIntents, draw_seat>(
             fx, [](SeatView& v) { v.party_size = 8; });
       }},
      {"seat.booking",
       [](Fixture& fx, W) {
         return screen_draw<SeatView, SeatIntents, draw_seat>(fx, [](SeatView& v) {
           v.source = PartySource::Reservation;
           v.reservation_id = "res3";
           v.party_size = 2;
         });
       }},
      {"reservations.list",
       [](Fixture& fx, W) { return reservations(fx, ReservationsMode::List); }},
      {"reservations.one",
       [](Fixture& fx, W) {
         return reservations(fx, ReservationsMode::List,
                             [](ReservationsView& v) { v.search = "Martin"; });
       }},
      {"reservations.selected",
       [](Fixture& fx, W) {
         return reservations(fx, ReservationsMode::List,
                             [](ReservationsView& v) { v.selected = "res2"; });
       }},
      {"reservations.timeline",
       [](Fixture& fx, W) { return reservations(fx, ReservationsMode::Timeline); }},
      {"floor.table_guest",
       [](Fixture& fx, W) {
         fx.add_guests();
         return screen_draw<FloorView, FloorIntents, draw_floor>(
             fx, [](FloorView& v) { v.selected_table = "t1"; });
       }},
      {"seat.booking_guest",
       [](Fixture& fx, W) {
         fx.add_guests();
         return screen_draw<SeatView, SeatIntents, draw_seat>(fx, [](SeatView& v) {
           v.source = PartySource::Reservation;
           v.reservation_id = "res1";
           v.party_size = 2;
         });
       }},
      {"reservations.form_matches",
       [](Fixture& fx, W) {
         fx.add_guests();
         return reservations(fx, ReservationsMode::Form, [&fx](ReservationsView& v) {
           v.form.name = "Dup";
           v.form.guest_query = "Dup";
           v.form.matches = fx.day.customers;
         });
       }},
      {"reservations.form_guest",
       [](Fixture& fx, W) {
         fx.add_guests();
         return reservations(fx, ReservationsMode::Form, [&fx](ReservationsView& v) {
           link_guest(v.form, fx.day.customers[0]);
           v.form.phone = "06 12 34 56 78";
         });
       }},
      {"reservations.form_new_guest",
       [](Fixture& fx, W) {
         return reservations(fx, ReservationsMode::Form, [](ReservationsView& v) {
           v.form.name = "Lemoine";
           v.form.phone = "06 55 44 33 22";
           v.form.guest_query = "06 55 44 33 22";
           v.form.guest_tags = {"Allergie", "VIP", "Habitué"};
         });
       }},
      {"reservations.form",
       [](Fixture& fx, W) {
         return reservations(fx, ReservationsMode::Form, [](ReservationsView& v) {
           v.form.party = "4";
           v.form.time = "20:30";
           v.form.name = "Lemoine";
         });
       }},
      {"reservations.form_errors",
       [](Fixture& fx, W) {
         return reservations(fx, ReservationsMode::Form, [](ReservationsView& v) {
           v.form.party = "0";
           v.form.time = "25:00";
           v.form.phone = "06 AB";
           v.form.submitted = true;
         });
       }},
      {"reservations.closed_day",
       [](Fixture& fx, W) {
         return reservations(fx, ReservationsMode::Form, [](ReservationsView& v) {
           v.form.party = "2";
           v.form.time = "16:00";  // between services: the engine refuses
           v.form.name = "Lemoine";
         });
       }},
      {"reservations.confirm_noshow",
       [](Fixture& fx, W) {
         return reservations(fx, ReservationsMode::List, [](ReservationsView& v) {
           v.selected = "res3";
           v.confirm = StatusConfirm{"res3", ReservationStatus::NoShow};
         });
       }},
      {"reservations.confirm_cancel",
       [](Fixture& fx, W) {
         return reservations(fx, ReservationsMode::List, [](ReservationsView& v) {
           v.selected = "res2";
           v.confirm = StatusConfirm{"res2", ReservationStatus::Cancelled};
         });
       }},
      {"reservations.optimise",
       [](Fixture& fx, W) {
         auto plan = optimise_day(fx.venue, fx.day, {}, OptimiseOptions{});
         REQUIRE(plan.ok());
         OptimisePreview p = preview_of(*plan, fx.day, fx.desk.locale);
         p.refusal =
             error_text(fx.desk.locale, Error{"", "moved twice in one re-plan", "moved_twice"});
         return reservations(fx, ReservationsMode::List,
                             [p](ReservationsView& v) { v.optimise = p; });
       }},
      {"waitlist.seat_now",
       [](Fixture& fx, W) {
         fx.desk.seat_now.push_back(SeatNow{.entry_id = "w1", .table = {{}, "4", ""}});
         return screen_draw<WaitlistView, WaitlistIntents, draw_waitlist>(fx);
       }},
      {"waitlist.recommend",
       [](Fixture& fx, W) {
         WaitlistEntry w = fx.day.waitlist.front();
         w.id = "w3", w.guest_name = "Delacroix", w.party_size = 6;
         fx.day.waitlist.push_back(w);
         fx.desk.seat_now = {SeatNow{.entry_id = "w1", .table = {{"t4"}, "4", ""}},
                             SeatNow{.entry_id = "w3", .table = {{"t3", "t4"}, "3+4", ""}}};
         return screen_draw<WaitlistView, WaitlistIntents, draw_waitlist>(fx);
       }},
      {"waitlist", [](Fixture& fx,
                      W) { return screen_draw<WaitlistView, WaitlistIntents, draw_waitlist>(fx); }},
      {"waitlist.add_errors",
       [](Fixture& fx, W) {
         return screen_draw<WaitlistView, WaitlistIntents, draw_waitlist>(fx, [](WaitlistView& v) {
           v.adding = true;
           v.submitted = true;
           v.party = "0";
           v.phone = "06";
         });
       }},
      {"editor",
       [](Fixture& fx, W) { return screen_draw<EditorView, EditorIntents, draw_editor>(fx); }},
      {"set_aside",
       [](Fixture& fx, W) {
         fx.desk.set_aside.push_back(SetAsideRow{"reservations", "bad-row", "time 24:00", {}});
         return screen_draw<SetAsideView, SetAsideIntents, draw_set_aside>(
             fx, [](SetAsideView& v) { v.open = true; });
       }},
      // The shell's popups (screens/manager_pin, screens/busy).
      {"manager_pin.wrong_pin",
       [](Fixture& fx, W w) {
         return screen_draw<ManagerPinView, ManagerPinIntents, draw_manager_pin>(
             fx, [&fx, w](ManagerPinView& v) {
               v.manager_id = fx.venue.team_members.front().id;
               v.pin = "12";
               v.message = error_text(fx.desk.locale, w.wrong_pin);
             });
       }},
      {"manager_pin.checking",
       [](Fixture& fx, W) {
         return screen_draw<ManagerPinView, ManagerPinIntents, draw_manager_pin>(
             fx, [](ManagerPinView& v) {
               v.pin = "1234";
               v.checking = true;
             });
       }},
      {"busy.login",
       [](Fixture& fx, W) {
         return screen_draw<BusyView, BusyIntents, draw_busy>(fx, [](BusyView& v) {
           v.open = true;
           v.what = "busy.login";
           v.seconds = 3;
         });
       }},
      {"busy.saving",
       [](Fixture& fx, W) {
         return screen_draw<BusyView, BusyIntents, draw_busy>(fx, [](BusyView& v) {
           v.open = true;
           v.what = "busy.saving";
           v.cancellable = false;
         });
       }},
      {"busy.kiosk_exit",
       [](Fixture& fx, W) {
         return screen_draw<BusyView, BusyIntents, draw_busy>(fx, [](BusyView& v) {
           v.open = true;
           v.what = "busy.kiosk_exit";
         });
       }},
      {"busy.optimise",
       [](Fixture& fx, W) {
         return screen_draw<BusyView, BusyIntents, draw_busy>(fx, [](BusyView& v) {
           v.open = true;
           v.what = "busy.optimise";
           v.seconds = 12;
         });
       }},
      {"kiosk.party",
       [](Fixture& fx, W) { return screen_draw<KioskView, KioskIntents, draw_kiosk>(fx); }},
      {"kiosk.details",
       [](Fixture& fx, W) {
         return screen_draw<KioskView, KioskIntents, draw_kiosk>(fx, [](KioskView& v) {
           v.step = KioskStep::Details;
           v.submitted = true;
           v.phone = "0612";
         });
       }},
      {"kiosk.joined",
       [](Fixture& fx, W) {
         return screen_draw<KioskView, KioskIntents, draw_kiosk>(
             fx, [&fx](KioskView& v) { kiosk_joined(v, "w1", fx.desk.now); });
       }},
      {"kiosk.leave_wrong_pin",
       [](Fixture& fx, W w) {
         return screen_draw<KioskView, KioskIntents, draw_kiosk>(fx, [&fx, w](KioskView& v) {
           v.step = KioskStep::Leave;
           v.message = error_text(fx.desk.locale, w.wrong_pin);
         });
       }},
      {"shift",
       [](Fixture& fx, W) { return screen_draw<ShiftView, ShiftIntents, draw_shift>(fx); }},
      {"shift.midi",
       [](Fixture& fx, W) {
         return screen_draw<ShiftView, ShiftIntents, draw_shift>(
             fx, [](ShiftView& v) { v.service = "s1"; });
       }},
      {"shift.busy",
       [](Fixture& fx, W) {
         test::busy_shift(fx);
         return screen_draw<ShiftView, ShiftIntents, draw_shift>(fx);
       }},
      {"shift.exported",
       [](Fixture& fx, W) {
         // The file's name is in the terminal's language too (app/apply_shift.cpp).
         fx.desk.message = tr(fx.desk.locale, "shift.exported");
         fx.desk.message.replace(
             fx.desk.message.find("%s"), 2,
             std::string("/srv/foh/foh-") + tr(fx.desk.locale, "shift.file") + "-2026-11-28.csv");
         return screen_draw<StatusBarView, StatusBarIntents, draw_status_bar>(fx);
       }},
      {"status.no_table",
       [](Fixture& fx, W w) {
         return status_bar(fx, error_text(fx.desk.locale, w.no_table), false);
       }},
      {"status.entry_gone",
       [](Fixture& fx, W w) {
         return status_bar(fx, error_text(fx.desk.locale, w.entry_gone), false);
       }},
      {"status.not_editor",
       [](Fixture& fx, W w) {
         return status_bar(fx, error_text(fx.desk.locale, w.not_editor), false);
       }},
      {"status.overlap",
       [](Fixture& fx, W w) {
         return status_bar(fx, error_text(fx.desk.locale, w.overlap), false);
       }},
      {"status.conflicts", [](Fixture& fx, W) { return status_bar(fx, "", true); }},
  };
  return s;
}

// Every text ImGui renders in the last of a few frames (popups open on the
// second). ImGui stops its log at the End() of any window that is not a child
// (a popup): a log to a file keeps what was written until then, a log to its
// buffer would clear it. Popups come last on our screens.
std::string rendered_text(Headless& h, const Draw& draw) {
  const std::string path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") +
                           "/foh-language-" + std::to_string(::getpid()) + ".txt";
  for (int i = 0; i < 3; ++i)
    h.frame([&] {
      ImGui::LogToFile(-1, path.c_str());
      draw();
      ImGui::LogFinish();
    });
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::remove(path.c_str());
  return text.str();
}

std::vector<std::string> check_state(const State& st, Language l, const NetWords& w,
                                     std::string* shown = nullptr) {
  Fixture fx;
  fx.desk.locale = l;
  Headless h;
  ImGui::GetIO().DisplaySize = ImVec2(1600, 2000);  // tall: nothing scrolled out of the log
  Draw draw = st.open(fx, w);
  const std::string text = rendered_text(h, draw);
  if (shown) *shown = text;
  return problems(text, l, data_words(fx));
}

}  // namespace

TEST_CASE("the checks catch two languages at once") {
  const std::set<std::string> none;
  CHECK_FALSE(problems("wrong PIN", Language::Fr, none).empty());
  CHECK_FALSE(problems("Tables 9 / 16 overlap (se chevauchent)", Language::Fr, none).empty());
  CHECK_FALSE(problems("Walk-in", Language::Fr, none).empty());
  CHECK_FALSE(problems("Installé: Dupont (2)", Language::Fr, none).empty());
  CHECK_FALSE(problems("Installé : Dupont (2)", Language::Fr, none).empty());
  CHECK(problems("Installé\u00a0: Dupont (2) à 19:30", Language::Fr, none).empty());
  CHECK_FALSE(problems("1 réservations", Language::Fr, none).empty());
  CHECK_FALSE(problems("0 réservations", Language::Fr, none).empty());
  CHECK(problems("0 reservations", Language::En, none).empty());
  CHECK(problems("11 réservations", Language::Fr, none).empty());
  CHECK_FALSE(problems("Sans réservation", Language::En, none).empty());
  CHECK_FALSE(problems("res.count", Language::En, none).empty());
  CHECK(problems("Seated: Dupont (2)", Language::En, none).empty());
  // A guest's or a place's name is data, whatever its language.
  CHECK(problems("Salle", Language::En, {"salle"}).empty());
  // The English net used to send, as a French screen would have shown it.
  CHECK_FALSE(problems(Error{"login", "wrong PIN"}.message, Language::Fr, none).empty());
}

TEST_CASE("net's refusals carry a code the terminal words in its language") {
  const NetWords w = net_refusals();
  CHECK(w.wrong_pin.code == "wrong_pin");
  CHECK(w.wrong_pin.message == "wrong PIN");  // logs and tools keep the English
  CHECK(error_text(Language::Fr, w.wrong_pin) == "Code erroné");
  CHECK(error_text(Language::En, w.wrong_pin) == "Wrong PIN");
  CHECK(w.locked.code == "login_locked");
  CHECK(error_text(Language::Fr, w.locked) == "Verrouillé\u00a0: réessayez dans 30 s");
  CHECK(error_text(Language::En, w.overlap) == "Tables 16 and 9 overlap");
  CHECK(error_text(Language::Fr, w.overlap) == "Les tables 16 et 9 se chevauchent");
  for (const Error* e : {&w.wrong_pin, &w.locked, &w.pin_format, &w.no_table, &w.entry_gone,
                         &w.not_editor, &w.overlap}) {
    CAPTURE(e->message);
    CHECK_FALSE(e->code.empty());
    CHECK(error_text(Language::Fr, *e) != e->message);
    CHECK(error_text(Language::Fr, *e).find(e->where) == std::string::npos);
  }
}

// One text path (issue 15 item 2): what the shell, the fields, the timeline and
// the seat screen used to word inline now comes from the table, and every row
// of it speaks one language per column.
TEST_CASE("every table row speaks one language per column") {
  for (const auto& row : kStrings) {
    CAPTURE(row.key);
    CHECK(foreign_words(tr(Language::Fr, row.key), Language::Fr, {}).empty());
    CHECK(foreign_words(tr(Language::En, row.key), Language::En, {}).empty());
    CHECK(typography(tr(Language::Fr, row.key)).empty());
  }
  for (const char* key :
       {"tab.floor", "shell.not_manager", "shell.waiting_data", "field.pin_format",
        "drop.combination", "seat.overstays", "err.status_own_action", "err.edit_moves_booking",
        "err.outbox_gone", "err.retry_only_failed"}) {
    CAPTURE(key);
    CHECK(std::string(tr(Language::Fr, key)) != key);
    CHECK(std::string(tr(Language::Fr, key)) != tr(Language::En, key));
  }
  CHECK(tr_args(Language::Fr, "drop.free", {"12", "19:30"}) == "Table 12 libre à 19:30");
  CHECK(tr_args(Language::En, "drop.free", {"12", "19:30"}) == "Table 12 free at 19:30");
  const Error edit{"reservations r1", "an edit never moves the booking itself",
                   "edit_moves_booking"};
  CHECK(error_text(Language::Fr, edit) ==
        "Une modification ne déplace jamais la réservation elle-même");
  CHECK(error_text(Language::En, edit) == "An edit never moves the booking itself");
}

TEST_CASE("plurals and French typography from the table") {
  CHECK(count_text(Language::Fr, 1, "res.count_one", "res.count") == "1 réservation");
  CHECK(count_text(Language::Fr, 0, "res.count_one", "res.count") == "0 réservation");
  CHECK(count_text(Language::Fr, 2, "res.count_one", "res.count") == "2 réservations");
  CHECK(count_text(Language::En, 1, "res.count_one", "res.count") == "1 reservation");
  CHECK(count_text(Language::En, 0, "res.count_one", "res.count") == "0 reservations");
  CHECK(std::string(tr(Language::Fr, "form.suggested")) == "Table proposée\u00a0:");
  CHECK(std::string(tr(Language::En, "form.suggested")) == "Suggested table:");
  CHECK(french_typography("Merci %s !") == "Merci %s\u00a0!");
  CHECK(french_typography("Note: 19:30, http://x") == "Note\u00a0: 19:30, http://x");
  CHECK(french_typography("« Salle »") == "«\u00a0Salle\u00a0»");
  CHECK(french_typography("déjà\u00a0: ok") == "déjà\u00a0: ok");
  CHECK(std::string(colon(Language::Fr)) == "\u00a0: ");
}

TEST_CASE("every screen and state speaks one language at a time") {
  const NetWords w = net_refusals();
  int failures = 0;
  for (const State& st : states())
    for (Language l : {Language::Fr, Language::En}) {
      std::string shown;
      auto bad = check_state(st, l, w, &shown);
      for (const std::string& b : bad) {
        MESSAGE(std::string(st.name) << " " << std::string(locale_code(l)) << ": " << b);
        ++failures;
      }
      // The capture itself works: every state shows some text.
      CHECK_MESSAGE(words_of(shown).size() >= 2, std::string(st.name) << " " << locale_code(l));
      if (std::getenv("FOH_SHOW_TEXT"))
        MESSAGE(std::string(st.name) << " " << std::string(locale_code(l)) << ":\n" << shown);
    }
  CHECK(failures == 0);
}
