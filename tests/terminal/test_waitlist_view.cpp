// The waitlist screen (issue 12, item 7): the queue in join order with the
// engine's quotes, its out-of-turn advice shown as a line (not a reordering),
// since when a party was notified, the quote before a party is added, and the
// tab's badge for kiosk sign-ups to accept.
#include <doctest/doctest.h>

#include "foh/engine/waitlist.hpp"
#include "screens/seat.hpp"
#include "screens/waitlist.hpp"
#include "tap.hpp"
#include "widgets/keyboard.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

// The shell's refresh_quotes: the engine's plan for the desk's day and time.
void quote_as_the_shell_does(Fixture& fx) {
  auto plan = plan_waitlist(fx.venue, fx.day, fx.desk.now);
  REQUIRE(plan.ok());
  fx.desk.quotes.clear();
  fx.desk.seat_now.clear();
  fx.desk.quotes = plan->quotes;
  fx.desk.seat_now = plan->seat_now;
}

WaitlistEntry joined(const std::string& id, const std::string& name, int party,
                     const std::string& stamp, int position) {
  WaitlistEntry w;
  w.id = id, w.restaurant_id = "r1", w.date = Date{2026, 11, 28}, w.party_size = party;
  w.guest_name = name;
  w.created_at = "2026-11-28T" + stamp + ":00";
  w.position_in_queue = position;
  return w;
}

std::vector<std::string> names(const std::vector<QueueRow>& rows) {
  std::vector<std::string> out;
  for (const QueueRow& q : rows) out.push_back(q.entry->guest_name);
  return out;
}

}  // namespace

TEST_CASE("waitlist: the queue is in join order, a late stamp does not jump it") {
  Fixture fx;
  // Three parties already waiting (one stamped after now by a clock running
  // ahead), then a new party of 4 added now: it joins at the back.
  fx.day.waitlist = {joined("a", "Arnaud", 2, "19:05", 1), joined("b", "Blanc", 2, "19:29", 2),
                     joined("c", "Colin", 2, "19:33", 3), joined("d", "Hugo", 4, "19:30", 4)};
  fx.rebuild();
  quote_as_the_shell_does(fx);
  auto rows = waitlist_queue(fx.desk);
  CHECK(names(rows) == std::vector<std::string>{"Arnaud", "Blanc", "Colin", "Hugo"});
  for (size_t k = 0; k < rows.size(); ++k) CHECK(rows[k].position == static_cast<int>(k) + 1);
  // Same-size parties ahead never wait longer than those behind them.
  for (size_t k = 1; k < 3; ++k)
    CHECK(rows[k].quoted_minutes.value_or(0) >= rows[k - 1].quoted_minutes.value_or(0));
}

TEST_CASE("waitlist: the engine's advice is a line with its own Seat, the queue keeps its order") {
  Fixture fx;
  fx.day.waitlist = {joined("a", "Arnaud", 6, "19:05", 1), joined("h", "Hugo", 4, "19:20", 2)};
  fx.rebuild();
  fx.desk.quotes = {test::quote("a", 1, 60), test::quote("h", 2, 0)};
  fx.desk.seat_now = {SeatNow{.entry_id = "h", .table = {{"t12"}, "12", ""}}};
  CHECK(recommendation_line(Language::Fr, fx.desk, fx.desk.seat_now[0]) ==
        "À installer\u00a0: Hugo (4) → 12");
  CHECK(recommendation_line(Language::En, fx.desk, fx.desk.seat_now[0]) ==
        "Seat now: Hugo (4) → 12");
  Headless h;
  WaitlistView v;
  auto draw = [&](WaitlistIntents& o) { draw_waitlist(v, fx.desk, o); };
  test::frame<WaitlistIntents>(h, draw);
  auto line = h.item("wl_advice_h");
  REQUIRE(line);
  auto first = h.item("wl_Arnaud"), second = h.item("wl_Hugo");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->y0 < second->y0);  // Arnaud, who joined first, stays first
  CHECK(line->y1 <= first->y0);   // the advice above the queue
  auto seat = test::tap_item<WaitlistIntents>(h, "wl_recommend_seat", draw);
  REQUIRE(seat.command);
  CHECK(seat.command->entry_id == "h");
  CHECK(seat.command->action == WaitlistAction::Seat);
  REQUIRE(seat.command->table);
  CHECK(seat.command->table->table_ids == std::vector<Uuid>{"t12"});  // the seat screen proposes 12
  CHECK(seat.command->table->table_number == "12");
  // The recommendation in join order shows too, each line with its Seat.
  fx.desk.seat_now = {SeatNow{.entry_id = "a", .table = {{"t6"}, "6", ""}},
                      SeatNow{.entry_id = "h", .table = {{"t12"}, "12", ""}}};
  CHECK(recommendation_line(Language::En, fx.desk, fx.desk.seat_now[0]) ==
        "Seat now: Arnaud (6) → 6");
  test::frame<WaitlistIntents>(h, draw);
  CHECK(h.item("wl_advice_a"));
  CHECK(h.item("wl_advice_h"));
  // A row's own Seat proposes that party's recommended table as well.
  auto row_seat = test::tap_item<WaitlistIntents>(h, "wl_seat", draw);
  REQUIRE(row_seat.command);
  REQUIRE(row_seat.command->table);
  CHECK(row_seat.command->table->table_ids ==
        std::vector<Uuid>{row_seat.command->entry_id == "a" ? "t6" : "t12"});
  fx.desk.seat_now = {SeatNow{.entry_id = "h", .table = {{}, "12", ""}}};
  // Advice naming nobody waiting (seated meanwhile) shows nothing.
  fx.day.waitlist[1].status = WaitlistStatus::Converted;
  CHECK(recommendation_line(Language::Fr, fx.desk, fx.desk.seat_now[0]).empty());
}

TEST_CASE("waitlist: a notified party shows since when; the status alone otherwise") {
  Fixture fx;
  WaitlistEntry& w = fx.day.waitlist[0];
  CHECK(status_line(Language::Fr, fx.desk, w) == "En attente");
  w.status = WaitlistStatus::Notified;
  w.notified_at = "2026-11-28T18:24:00Z";  // the backend's UTC: 19:24 in Paris
  fx.day.utc_offset_s = 3600;
  CHECK(status_line(Language::Fr, fx.desk, w) == "Prévenu 19:24, il y a 6 min");
  CHECK(status_line(Language::En, fx.desk, w) == "Notified 19:24, 6 min ago");
  w.status = WaitlistStatus::Called;
  w.called_at = "2026-11-28T18:28:00Z";
  CHECK(status_line(Language::Fr, fx.desk, w) == "Appelé 19:28, il y a 2 min");
  w.called_at = "2026-11-28T18:40:00Z";  // a clock ahead of ours: no "0 min ago"
  CHECK(status_line(Language::En, fx.desk, w) == "Called 19:40");
  Headless h;
  WaitlistView v;
  test::frame<WaitlistIntents>(h, [&](WaitlistIntents& o) { draw_waitlist(v, fx.desk, o); });
  CHECK(h.item("wl_Petit"));
}

TEST_CASE("waitlist: the quote is shown before the party is added") {
  Fixture fx;
  quote_as_the_shell_does(fx);
  Headless h;
  WaitlistView v;
  v.adding = true;
  v.party = "4";
  auto draw = [&](WaitlistIntents& o) { draw_waitlist(v, fx.desk, o); };
  test::frame<WaitlistIntents>(h, draw);
  CHECK(h.item("wl_add_quote"));
  auto engine = quote_walk_in(fx.venue, fx.day, 4, fx.desk.now);
  REQUIRE(engine.ok());
  REQUIRE(v.quote.minutes);
  CHECK(*v.quote.minutes == engine->quoted_minutes);
  CHECK(v.quote.position == engine->position);
  CHECK(v.quote.position == 3);  // behind Petit and the kiosk sign-up
  // A party no table seats is told so, not "table free now".
  v.party = "40";
  test::frame<WaitlistIntents>(h, draw);
  CHECK_FALSE(v.quote.minutes);
  CHECK(v.quote.party == 40);
}

TEST_CASE("waitlist: kiosk sign-ups awaiting a host badge the tab") {
  Fixture fx;
  CHECK(awaiting_acceptance(fx.desk) == 1);
  CHECK(waitlist_tab_title(Language::Fr, fx.desk, "Liste d'attente") == "Liste d'attente (1)");
  fx.day.waitlist[1].extra.erase("kiosk_pending");  // accepted
  CHECK(awaiting_acceptance(fx.desk) == 0);
  CHECK(waitlist_tab_title(Language::En, fx.desk, "Waitlist") == "Waitlist");
}

TEST_CASE("waitlist: erasing the party size on the keyboard shows no quote and does not throw") {
  Fixture fx;
  Headless h;
  WaitlistView v;
  v.adding = true;  // party "2"
  KeyboardState kb;
  set_keyboard(&kb);
  keyboard_open(kb, "wl_party", InputKind::Number, v.party);
  kb.keys = {"\b"};  // taken by the field during the frame: "2" becomes ""
  CHECK_NOTHROW(
      test::frame<WaitlistIntents>(h, [&](WaitlistIntents& o) { draw_waitlist(v, fx.desk, o); }));
  CHECK(v.party.empty());
  CHECK_FALSE(h.item("wl_add_quote"));
  set_keyboard(nullptr);
}

TEST_CASE("waitlist: Seat on the recommendation opens the seat screen with that table chosen") {
  Fixture fx;
  // Petit (2) is recommended table 4 (not the engine's first pick for a couple):
  // the seat screen, opened as the shell opens it, has 4 chosen and seats there.
  SeatView v;
  v.source = PartySource::Waitlist;
  v.waitlist_entry_id = "w1";
  v.party_size = 2;
  v.guest_name = "Petit";
  Headless h;
  auto draw = [&](SeatIntents& out) { draw_seat(v, fx.desk, out); };
  SeatView plain = v;
  test::frame<SeatIntents>(h, [&](SeatIntents& out) { draw_seat(plain, fx.desk, out); });
  REQUIRE(plain.suggestion);
  REQUIRE(plain.suggestion->table_ids != std::vector<Uuid>{"t4"});
  v.proposed = TableChoice{{"t4"}, "4", ""};
  auto out = test::tap_item<SeatIntents>(h, "seat_confirm", draw);
  CHECK_FALSE(v.proposed);
  REQUIRE(out.seat);
  CHECK(out.seat->waitlist_entry_id == Uuid("w1"));
  CHECK(out.seat->table.table_ids == std::vector<Uuid>{"t4"});
  // A proposal the rules refuse (the seated table 1) says why and keeps the best.
  SeatView busy = plain;
  busy.suggestion_key.clear();
  busy.proposed = TableChoice{{"t1"}, "1", ""};
  test::frame<SeatIntents>(h, [&](SeatIntents& o) { draw_seat(busy, fx.desk, o); });
  CHECK_FALSE(busy.refusal.empty());
  CHECK(busy.chosen == -1);
}

// The engine's recommendation goes from its plan to the seat command as the
// one TableChoice it made: a combination the suggestion does not hold is
// still the one chosen, with the number quoted and check_move's reason.
TEST_CASE("waitlist: the seat screen keeps the recommended choice as quoted, a combination too") {
  Fixture fx;
  fx.day.reservations[2].status = ReservationStatus::Cancelled;  // Late: 3 and 4 free
  Table t3 = fx.table("T2");  // one more two-top: the singles fill the alternatives
  t3.id = "t9", t3.name = "T3";
  fx.venue.tables.push_back(t3);
  fx.rebuild();
  quote_as_the_shell_does(fx);
  REQUIRE_FALSE(fx.desk.seat_now.empty());
  WaitlistView list;
  Headless h;
  auto tapped = test::tap_item<WaitlistIntents>(
      h, "wl_recommend_seat", [&](WaitlistIntents& o) { draw_waitlist(list, fx.desk, o); });
  REQUIRE(tapped.command);
  REQUIRE(tapped.command->table);
  CHECK(tapped.command->table->table_ids == fx.desk.seat_now[0].table.table_ids);
  CHECK(tapped.command->table->table_number == fx.desk.seat_now[0].table.table_number);
  // Petit (2) quoted the joined 3+4: not the engine's best for a couple, nor an alternative.
  SeatView v;
  v.source = PartySource::Waitlist;
  v.waitlist_entry_id = "w1";
  v.party_size = 2;
  v.proposed = TableChoice{{"t3", "t4"}, "3+4", ""};
  auto out = test::tap_item<SeatIntents>(h, "seat_confirm",
                                         [&](SeatIntents& o) { draw_seat(v, fx.desk, o); });
  REQUIRE(v.suggestion);
  CHECK(v.suggestion->table_ids != std::vector<Uuid>{"t3", "t4"});
  CHECK(v.chosen == static_cast<int>(v.suggestion->alternatives.size()) - 1);  // added as quoted
  REQUIRE(out.seat);
  CHECK(out.seat->table.table_ids == std::vector<Uuid>{"t3", "t4"});
  CHECK(out.seat->table.table_number == "3+4");
  CHECK(out.seat->table.reason.find("3+4") != std::string::npos);  // the check it passed
  CHECK(out.seat->moves.empty());
}
