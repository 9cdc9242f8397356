// A booking's life (issue 12 item 4): edited from the list, the timeline and
// the seat screen with one form; booked 6, arrived 8 in three taps; the form
// saves nothing the engine refuses unless overridden; a later day offers no
// Arrived or Seat; no-show and cancel ask first, in red, naming the guest.
#include <doctest/doctest.h>

#include "screens/reservations.hpp"
#include "screens/seat.hpp"
#include "tap.hpp"
#include "view/booking_edit.hpp"
#include "view/seating.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

ReservationsIntents tap_res(Headless& h, ReservationsView& v, const Desk& d,
                            const std::string& id) {
  return test::tap_item<ReservationsIntents>(
      h, id, [&](ReservationsIntents& o) { draw_reservations(v, d, o); });
}

void draw_once(Headless& h, ReservationsView& v, const Desk& d) {
  h.frame([&] {
    ReservationsIntents o;
    draw_reservations(v, d, o);
  });
}

// A 6-8 table "7" on the main plan, and a party of 6 booked at 19:30 on table 6 (4-6).
void add_big_table_and_group(Fixture& fx) {
  Table big = fx.table("6");
  big.id = "t9", big.name = "7", big.capacity_min = 6, big.capacity_max = 8;
  big.position_x = 450, big.position_y = 250;
  fx.venue.tables.push_back(big);
  fx.book("res6", "Groupe", 6, "19:30", "t6", "6");
}

}  // namespace

TEST_CASE("booking edit from the list: the form opens filled, Save sends the edit, table kept") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  tap_res(h, v, fx.desk, "row_Martin");
  tap_res(h, v, fx.desk, "st_edit");
  REQUIRE(v.mode == ReservationsMode::Form);
  REQUIRE(v.form.editing);
  CHECK(v.form.editing->id == "res2");
  CHECK(v.form.party == "4");
  CHECK(v.form.time == "19:45");
  CHECK(v.form.name == "Martin");
  v.form.party = "3";
  v.form.notes = "fenêtre";
  auto out = tap_res(h, v, fx.desk, "form_create");
  CHECK_FALSE(out.create);  // an edit is no new booking
  REQUIRE(out.save);
  CHECK(out.save->r.id == "res2");
  CHECK(out.save->r.party_size == 3);
  CHECK(out.save->r.notes == "fenêtre");
  CHECK(out.save->r.status == ReservationStatus::Confirmed);
  CHECK(out.save->r.table_id == std::optional<Uuid>("t2"));  // table 2 (2-4) still seats 3
  CHECK_FALSE(out.save->override_refusal);
  CHECK(v.mode == ReservationsMode::Form);  // until the shell says it is saved
}

TEST_CASE("booking edit: a party that outgrows its table gets the engine's table") {
  Fixture fx;
  add_big_table_and_group(fx);
  fx.rebuild();
  Headless h;
  ReservationsView v;
  start_edit(v, *fx.index->booking("res6")->r);
  v.form.party = "8";
  auto out = tap_res(h, v, fx.desk, "form_create");
  REQUIRE(out.save);
  CHECK(out.save->r.party_size == 8);
  CHECK(out.save->r.table_id == std::optional<Uuid>("t9"));
  CHECK(out.save->r.table_number == "7");
}

TEST_CASE("booking edit from the timeline: tap a bar, then Edit") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  v.mode = ReservationsMode::Timeline;
  draw_once(h, v, fx.desk);
  CHECK(h.item("tl_edit"));  // always there: nothing shifts when a bar is picked
  auto bar = h.item("bar_Martin");
  REQUIRE(bar);
  auto picked = test::tap_at<ReservationsIntents>(
      h, bar->x0 + 4, bar->cy(), [&](ReservationsIntents& o) { draw_reservations(v, fx.desk, o); });
  CHECK_FALSE(picked.move);  // a tap is no drag
  REQUIRE(v.selected == std::optional<Uuid>("res2"));
  tap_res(h, v, fx.desk, "tl_edit");
  CHECK(v.mode == ReservationsMode::Form);
  REQUIRE(v.form.editing);
  CHECK(v.form.editing->id == "res2");
}

TEST_CASE("booking edit from the seat screen: Edit on the picked booking") {
  Fixture fx;
  Headless h;
  SeatView v;
  auto draw = [&](SeatIntents& o) { draw_seat(v, fx.desk, o); };
  test::tap_item<SeatIntents>(h, "pick_Martin", draw);
  REQUIRE(v.source == PartySource::Reservation);
  auto out = test::tap_item<SeatIntents>(h, "seat_edit", draw);
  CHECK(out.edit_booking == std::optional<Uuid>("res2"));
}

TEST_CASE("booked 6, arrived 8: with the booking picked, +, +, Seat: three taps") {
  Fixture fx;
  add_big_table_and_group(fx);
  fx.rebuild();
  Headless h;
  SeatView v;
  auto draw = [&](SeatIntents& o) { draw_seat(v, fx.desk, o); };
  test::tap_item<SeatIntents>(h, "pick_Groupe", draw);
  REQUIRE(v.party_size == 6);
  test::tap_item<SeatIntents>(h, "party_plus", draw);
  test::tap_item<SeatIntents>(h, "party_plus", draw);
  CHECK(v.party_size == 8);
  auto out = test::tap_item<SeatIntents>(h, "seat_confirm", draw);
  REQUIRE(out.seat);
  CHECK(out.seat->source == PartySource::Reservation);
  CHECK(out.seat->reservation_id == std::optional<Uuid>("res6"));
  CHECK(out.seat->party_size == 8);
  CHECK(out.seat->table.table_ids == std::vector<Uuid>{"t9"});  // not its own table 6 (4-6)
  for (const Move& m : out.seat->moves) CHECK(m.reservation_id != "res6");
}

TEST_CASE("a walk-in of 8 never proposes moving the booking due now (it may be them)") {
  Fixture fx;
  add_big_table_and_group(fx);
  fx.rebuild();
  fx.day.reservations.back().table_id = "t9";  // the six booked on the big table at 19:30
  fx.day.reservations.back().table_number = "7";
  fx.rebuild();
  SeatView walk_in;
  walk_in.party_size = 8;
  Decision s = suggest_for(walk_in, fx.desk);
  for (const Move& m : s.moved) CHECK(m.reservation_id != "res6");
  // A booking later in the evening may still be moved to make room.
  fx.day.reservations.back().time = *TimeOfDay::parse("20:30");
  fx.rebuild();
  Decision later = suggest_for(walk_in, fx.desk);
  REQUIRE_MESSAGE(later.accepted, later.reason);
  REQUIRE(later.moved.size() == 1);
  CHECK(later.moved.front().reservation_id == "res6");
}

TEST_CASE("booking form: what the engine refuses is not saved, unless overridden") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  v.mode = ReservationsMode::Form;
  v.form.time = "16:00";  // between Midi and Soir: no service
  v.form.name = "Creux";
  draw_once(h, v, fx.desk);
  CHECK(refused(v.form.proposal));
  CHECK(v.form.proposal.reason.find("fermé à 16:00 (pas de service)") != std::string::npos);
  CHECK(h.item("error:" + v.form.proposal.reason));
  auto refused = tap_res(h, v, fx.desk, "form_create");
  CHECK_FALSE(refused.create);
  CHECK_FALSE(refused.save);
  // The override is explicit: the host taps it, then Create; the shell asks a manager.
  tap_res(h, v, fx.desk, "form_override");
  CHECK(v.form.override_refusal);
  auto overridden = tap_res(h, v, fx.desk, "form_create");
  CHECK_FALSE(overridden.create);
  REQUIRE(overridden.save);
  CHECK(overridden.save->override_refusal);
  CHECK(overridden.save->r.id.empty());  // a new booking
  CHECK(overridden.save->r.time.hhmm() == "16:00");
  // An open time books plainly.
  ReservationsView open;
  open.mode = ReservationsMode::Form;
  open.form.name = "Soir";
  auto plain = tap_res(h, open, fx.desk, "form_create");
  REQUIRE(plain.create);
  CHECK_FALSE(plain.save);
}

TEST_CASE("booking form: its proposal is the engine's Decision; Create sends the moves shown") {
  Fixture fx;
  add_big_table_and_group(fx);
  fx.day.reservations.back().table_id = "t9";  // the six on the big table at 20:30
  fx.day.reservations.back().table_number = "7";
  fx.day.reservations.back().time = *TimeOfDay::parse("20:30");
  fx.rebuild();
  Headless h;
  ReservationsView v;
  v.mode = ReservationsMode::Form;
  v.form.party = "8";
  v.form.time = "20:30";
  v.form.name = "Banquet";
  draw_once(h, v, fx.desk);
  const Decision& p = v.form.proposal;
  REQUIRE_MESSAGE(p.accepted, p.reason);
  CHECK(p.outcome == Outcome::Seated);
  CHECK_FALSE(refused(p));
  CHECK(p.table_ids == std::vector<Uuid>{"t9"});
  REQUIRE(p.moved.size() == 1);
  CHECK(p.moved.front().reservation_id == "res6");
  CHECK(p.reason.find("déplacé 1 réservation") != std::string::npos);  // the host reads it
  CHECK_FALSE(h.item("error:" + p.reason));
  const std::vector<Move> shown = p.moved;
  auto out = tap_res(h, v, fx.desk, "form_create");
  REQUIRE(out.create);
  CHECK(out.create->table_id == std::optional<Uuid>("t9"));
  CHECK(out.create->table_number == "7");
  REQUIRE(out.create_moves.size() == shown.size());
  CHECK(out.create_moves.front().reservation_id == "res6");
  CHECK(out.create_moves.front().to_table_ids == shown.front().to_table_ids);
  // No table free at all is no refusal: an error to read, yet the booking may be taken.
  ReservationsView none;
  none.mode = ReservationsMode::Form;
  none.form.party = "40";
  none.form.name = "Mariage";
  draw_once(h, none, fx.desk);
  CHECK_FALSE(none.form.proposal.accepted);
  CHECK_FALSE(refused(none.form.proposal));
  CHECK(none.form.proposal.table_ids.empty());
  CHECK(h.item("error:" + none.form.proposal.reason));
}

TEST_CASE("booking form: the date arrows book another day, never before today") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  v.mode = ReservationsMode::Form;
  v.form.name = "Demain";
  draw_once(h, v, fx.desk);
  tap_res(h, v, fx.desk, "form_date_prev");  // disabled on today
  CHECK_FALSE(v.form.date);
  tap_res(h, v, fx.desk, "form_date_next");
  REQUIRE(v.form.date);
  CHECK(*v.form.date == fx.day.date.plus_days(1));
  auto out = tap_res(h, v, fx.desk, "form_create");
  REQUIRE(out.create);
  CHECK(out.create->date == fx.day.date.plus_days(1));
}

TEST_CASE("a later day's booking offers no Arrived, Seat or No-show; edit and cancel stay") {
  Fixture fx;
  fx.desk.today = fx.day.date.plus_days(-1);  // the day shown is tomorrow
  Headless h;
  ReservationsView v;
  tap_res(h, v, fx.desk, "row_Martin");
  draw_once(h, v, fx.desk);
  CHECK_FALSE(h.item("st_arrived"));
  CHECK_FALSE(h.item("st_seat"));
  CHECK_FALSE(h.item("st_noshow"));
  CHECK(h.item("st_edit"));
  CHECK(h.item("st_cancel"));
  fx.desk.today = fx.day.date;  // today: they are offered
  draw_once(h, v, fx.desk);
  CHECK(h.item("st_arrived"));
  CHECK(h.item("st_seat"));
  CHECK(h.item("st_noshow"));
}

TEST_CASE("cancel and no-show ask first, naming the guest; keep changes nothing") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  tap_res(h, v, fx.desk, "row_Martin");
  auto asked = tap_res(h, v, fx.desk, "st_cancel");
  CHECK_FALSE(asked.status);
  REQUIRE(v.confirm);
  draw_once(h, v, fx.desk);  // the popup sizes itself
  CHECK(h.item("confirm_guest_Martin"));
  auto kept = tap_res(h, v, fx.desk, "confirm_keep");
  CHECK_FALSE(kept.status);
  CHECK_FALSE(v.confirm);
  draw_once(h, v, fx.desk);
  CHECK_FALSE(h.item("confirm_guest_Martin"));
  tap_res(h, v, fx.desk, "st_noshow");
  draw_once(h, v, fx.desk);
  auto yes = tap_res(h, v, fx.desk, "confirm_yes");
  REQUIRE(yes.status);
  CHECK(yes.status->reservation_id == "res2");
  CHECK(yes.status->to == ReservationStatus::NoShow);
  // Undo reads nothing like cancel: it does not start with the same word.
  CHECK(std::string(tr(Language::Fr, "action.undo")).rfind("Annuler", 0) == std::string::npos);
}
