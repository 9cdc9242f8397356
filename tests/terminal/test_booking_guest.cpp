// The guest at the door (issue 13 item 2) on the screens: the booking form
// asks the shell for known guests as the host types, links the one tapped and
// shows its card; tags are toggled and saved with the booking; a new phone
// carries a new card; an edited booking shows its customer; the seat screen
// and a tapped table show the card; the card's words in both languages.
#include <doctest/doctest.h>

#include "screens/floor.hpp"
#include "screens/reservations.hpp"
#include "screens/seat.hpp"
#include "tap.hpp"
#include "widgets/customer_card.hpp"

using namespace foh;
using namespace foh::ui;
using foh::test::Fixture;
using foh::test::Headless;

namespace {

ReservationsIntents tap_form(Headless& h, ReservationsView& v, const Desk& d,
                             const std::string& id) {
  return test::tap_item<ReservationsIntents>(
      h, id, [&](ReservationsIntents& o) { draw_reservations(v, d, o); });
}

ReservationsIntents draw_once(Headless& h, ReservationsView& v, const Desk& d) {
  ReservationsIntents o;
  h.frame([&] { draw_reservations(v, d, o); });
  return o;
}

bool has(const std::vector<std::string>& tags, const std::string& t) {
  return std::find(tags.begin(), tags.end(), t) != tags.end();
}

}  // namespace

TEST_CASE("guest: typing asks for known guests once; a tap links one, its tags are saved") {
  Fixture fx;
  fx.add_guests();
  Headless h;
  ReservationsView v;
  v.mode = ReservationsMode::Form;
  v.form.name = "Dup";
  auto first = draw_once(h, v, fx.desk);
  REQUIRE(first.find_guests);
  CHECK(*first.find_guests == "Dup");
  CHECK_FALSE(draw_once(h, v, fx.desk).find_guests);  // the same query is not asked again
  v.form.phone = "06 1";                              // 3 digits: the phone is searched
  auto by_phone = draw_once(h, v, fx.desk);
  REQUIRE(by_phone.find_guests);
  CHECK(*by_phone.find_guests == "06 1");

  v.form.phone.clear();
  v.form.matches = {fx.day.customers[0]};  // the shell's answer
  tap_form(h, v, fx.desk, "guest_match");
  REQUIRE(v.form.guest);
  CHECK(v.form.guest->id == "c1");
  CHECK(v.form.phone == "06 12 34 56 78");  // filled from the card
  CHECK(v.form.name == "Dupont");  // what was typed was a search: the booking takes the name
  CHECK(has(v.form.guest_tags, "VIP"));
  draw_once(h, v, fx.desk);
  CHECK(h.item("card:form_guest"));

  tap_form(h, v, fx.desk, "card.regular");
  CHECK(has(v.form.guest_tags, "Habitué"));
  tap_form(h, v, fx.desk, "card.vip");  // off again
  CHECK_FALSE(has(v.form.guest_tags, "VIP"));
  auto out = tap_form(h, v, fx.desk, "form_create");
  REQUIRE(out.create);
  CHECK(out.create->customer_id == "c1");
  REQUIRE(out.create_guest);
  CHECK(out.create_guest->id == "c1");
  CHECK(has(out.create_guest->tags, "Habitué"));
  CHECK(has(out.create_guest->tags, "Allergie : arachides"));
  CHECK_FALSE(has(out.create_guest->tags, "VIP"));
}

TEST_CASE("guest: a new phone carries a new card with the tags given") {
  Fixture fx;
  Headless h;
  ReservationsView v;
  v.mode = ReservationsMode::Form;
  v.form.name = "Lemoine";
  v.form.phone = "06 55 44 33 22";
  draw_once(h, v, fx.desk);
  CHECK_FALSE(v.form.guest);
  tap_form(h, v, fx.desk, "card.allergy");
  CHECK(v.form.guest_tags == std::vector<std::string>{"Allergie"});
  auto out = tap_form(h, v, fx.desk, "form_create");
  REQUIRE(out.create);
  CHECK_FALSE(out.create->customer_id);  // the shell gives the new card its id
  REQUIRE(out.create_guest);
  CHECK(out.create_guest->id.empty());
  CHECK(out.create_guest->name == "Lemoine");
  CHECK(out.create_guest->phone == "06 55 44 33 22");
  CHECK(out.create_guest->tags == std::vector<std::string>{"Allergie"});

  // No phone, no tag, no note: no card at all.
  BookingForm plain;
  plain.name = "Sans téléphone";
  CHECK_FALSE(guest_card(plain));
}

TEST_CASE("guest: an edited booking shows its customer; Unlink clears the link on save") {
  Fixture fx;
  fx.add_guests();
  Headless h;
  ReservationsView v;
  const Reservation* late = nullptr;
  for (const Reservation& r : fx.day.reservations)
    if (r.id == "res3") late = &r;
  REQUIRE(late);
  start_edit(v, *late);
  draw_once(h, v, fx.desk);
  REQUIRE(v.form.guest);
  CHECK(v.form.guest->id == "c3");
  // Saved untouched, the booking keeps its customer.
  {
    ReservationsView same = v;
    auto kept = tap_form(h, same, fx.desk, "form_create");
    REQUIRE(kept.save);
    CHECK(kept.save->r.customer_id == "c3");
  }
  tap_form(h, v, fx.desk, "form_unlink");
  CHECK_FALSE(v.form.guest);
  v.form.phone.clear();
  auto out = tap_form(h, v, fx.desk, "form_create");
  REQUIRE(out.save);
  CHECK_FALSE(out.save->r.customer_id);
  CHECK_FALSE(out.save->guest);
}

TEST_CASE("guest: the seat screen and a tapped table show the card") {
  Fixture fx;
  fx.add_guests();
  Headless h;
  SeatView s;
  s.source = PartySource::Reservation;
  s.reservation_id = "res1";
  h.frame([&] {
    SeatIntents o;
    draw_seat(s, fx.desk, o);
  });
  CHECK(h.item("card:seat_guest"));
  FloorView f;
  f.selected_table = "t1";
  h.frame([&] {
    FloorIntents o;
    draw_floor(f, fx.desk, o);
  });
  CHECK(h.item("card:table_guest"));
  // A party without a customer shows none.
  s.reservation_id = "res2";
  h.frame([&] {
    SeatIntents o;
    draw_seat(s, fx.desk, o);
  });
  CHECK_FALSE(h.item("card:seat_guest"));
}

TEST_CASE("guest: the card's words, counts and last visit in both languages") {
  Fixture fx;
  fx.add_guests();
  const Customer& dupont = fx.day.customers[0];
  CHECK(visits_line(Language::Fr, dupont) ==
        "Visites\u00a0: 7 \u00b7 Dernière visite\u00a0: " +
            format_date(Language::Fr, *Date::parse("2026-10-31")) +
            " \u00b7 Non venu\u00a0: 1 \u00b7 Annulations\u00a0: 2");
  CHECK(visits_line(Language::En, dupont).rfind("Visits: 7 \u00b7 Last visit: ", 0) == 0);
  CHECK(visits_line(Language::En, fx.day.customers[2]) ==
        "First visit \u00b7 No-shows: 0 \u00b7 Cancellations: 0");
  CHECK(tag_label(Language::En, "Allergie") == "Allergy");
  CHECK(tag_label(Language::En, "Habitué") == "Regular");
  CHECK(tag_label(Language::Fr, "allergy") == "Allergie");
  CHECK(tag_label(Language::En, "Allergie : arachides") ==
        "Allergie : arachides");  // the host's words
  CHECK(tag_label(Language::Fr, "Allergie : arachides") == "Allergie\u00a0: arachides");
  CHECK(tag_label(Language::En, "Anniversaire") == "Anniversaire");
}
