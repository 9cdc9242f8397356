#include <doctest/doctest.h>

#include "screens/reservations.hpp"
#include "tap.hpp"

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

}  // namespace

TEST_CASE("list: search by name or phone, status and service filters") {
  Fixture fx;
  ReservationsView v;
  CHECK(filtered_reservations(v, fx.desk).size() == 5);
  v.search = "mart";
  REQUIRE(filtered_reservations(v, fx.desk).size() == 1);
  CHECK(filtered_reservations(v, fx.desk)[0]->guest_name == "Martin");
  v.search = "12 34";  // phone digits
  CHECK(filtered_reservations(v, fx.desk).size() == 5);
  v.search.clear();
  v.status_filter = ReservationStatus::Completed;
  CHECK(filtered_reservations(v, fx.desk).size() == 1);
  v.status_filter.reset();
  v.service_id = "s1";  // Midi
  REQUIRE(filtered_reservations(v, fx.desk).size() == 1);
  CHECK(filtered_reservations(v, fx.desk)[0]->guest_name == "Lunch");
}

TEST_CASE("list smoke frame: select a row, then arrived with a partial count and undo") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  auto sel = tap_res(h, v, fx.desk, "row_Martin");
  REQUIRE(sel.select);
  CHECK(*sel.select == "res2");
  v.arrived_count = 3;  // 3 of 4 arrived
  auto arrived = tap_res(h, v, fx.desk, "st_arrived");
  REQUIRE(arrived.status);
  CHECK(arrived.status->to == ReservationStatus::Arrived);
  CHECK(arrived.status->arrived_count == std::optional<int>(3));
  auto noshow = tap_res(h, v, fx.desk, "st_noshow");
  CHECK_FALSE(noshow.status);  // asked first (test_booking_edit.cpp)
  h.frame([&] {
    ReservationsIntents o;
    draw_reservations(v, fx.desk, o);
  });  // popup sized
  noshow = tap_res(h, v, fx.desk, "confirm_yes");
  REQUIRE(noshow.status);
  CHECK(noshow.status->to == ReservationStatus::NoShow);
  auto undo = tap_res(h, v, fx.desk, "st_undo");
  CHECK(undo.undo_last == std::optional<Uuid>("res2"));
  // A completed booking offers no no-show.
  v.selected = "res4";
  h.frame([&] {
    ReservationsIntents o;
    draw_reservations(v, fx.desk, o);
  });
  CHECK_FALSE(h.item("st_noshow"));
}

TEST_CASE("form: each bad input shows its message and records nothing") {
  Fixture fx;
  Headless h;
  struct Case {
    std::string party, name, phone;
    FieldError expect;
  };
  const Case cases[] = {
      {"2", "", "0612345678", FieldError::NameEmpty},
      {"2", std::string(300, 'x'), "0612345678", FieldError::NameTooLong},
      {"2", "Bob \xF0\x9F\x8D\x95", "0612345678", FieldError::NameBadChars},
      {"0", "Dupont", "0612345678", FieldError::PartyOutOfRange},
      {"100", "Dupont", "0612345678", FieldError::PartyOutOfRange},
      {"2", "Dupont", "06 AB CD", FieldError::PhoneBadChars},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name.substr(0, 10));
    ReservationsView v;
    v.mode = ReservationsMode::Form;
    v.form.party = c.party, v.form.name = c.name, v.form.phone = c.phone, v.form.time = "20:00";
    auto out = tap_res(h, v, fx.desk, "form_create");
    CHECK_FALSE(out.create);
    h.frame([&] {
      ReservationsIntents o;
      draw_reservations(v, fx.desk, o);
    });
    CHECK(h.item(std::string("error:") + field_message(Language::Fr, c.expect)));
  }
}

TEST_CASE("form: a valid booking is recorded with the engine's suggested table") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  v.mode = ReservationsMode::Form;
  v.form.party = "4", v.form.time = "21:00", v.form.name = "Zoé Lefèvre",
  v.form.phone = "+33 6 11 22 33 44";
  v.form.tags = "VIP, anniversaire";
  auto out = tap_res(h, v, fx.desk, "form_create");
  REQUIRE(out.create);
  CHECK(out.create->id.empty());
  CHECK(out.create->party_size == 4);
  CHECK(out.create->time.hhmm() == "21:00");
  CHECK(out.create->guest_name == "Zoé Lefèvre");
  CHECK(out.create->tags == std::vector<std::string>{"VIP", "anniversaire"});
  CHECK(out.create->service_id == std::optional<Uuid>("s2"));
  REQUIRE(out.create->table_id);
  CHECK(*out.create->table_id != "t5");  // blocked today
  CHECK(v.mode == ReservationsMode::List);
}

TEST_CASE(
    "timeline: a drag the engine accepts moves; an overlapping drop is refused with its reason") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  v.mode = ReservationsMode::Timeline;
  auto draw = [&](ReservationsIntents& o) { draw_reservations(v, fx.desk, o); };
  auto drag = [&](const std::string& bar, const std::string& row) {
    h.frame([&] {
      ReservationsIntents o;
      draw(o);
    });
    auto b = h.item(bar);
    auto r = h.item(row);
    REQUIRE(b);
    REQUIRE(r);
    h.move(b->x0 + 2, b->cy());
    h.frame([&] {
      ReservationsIntents o;
      draw(o);
    });
    h.press();
    h.frame([&] {
      ReservationsIntents o;
      draw(o);
    });
    h.move(b->x0 + 2, r->cy());
    h.frame([&] {
      ReservationsIntents o;
      draw(o);
    });
    h.release();
    ReservationsIntents out;
    h.frame([&] { draw(out); });
    return out;
  };
  // Martin (4) at 19:45 from table 2 to table 4: free.
  auto ok = drag("bar_Martin", "tl_row_4");
  REQUIRE(ok.move);
  CHECK(ok.move->reservation_id == "res2");
  CHECK(ok.move->table.table_ids == std::vector<Uuid>{"t4"});
  CHECK(ok.move->time.hhmm() == "19:45");
  // To table 3, held by the late 19:00 couple until 20:15: refused.
  auto bad = drag("bar_Martin", "tl_row_3");
  CHECK_FALSE(bad.move);
  CHECK(v.refusal.find("Late") != std::string::npos);
  // check_move says why directly too.
  auto [allowed, to] = check_move(fx.day.reservations[1], TableChoice{{"t1"}, "1", ""},
                                  *TimeOfDay::parse("19:45"), fx.desk);
  CHECK_FALSE(allowed);
  CHECK(to.reason.find("1-2") != std::string::npos);  // capacity
  CHECK(to.table_ids == std::vector<Uuid>{"t1"});     // the tables it judged, as given
}
