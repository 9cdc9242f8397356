// Editing a booking through the Store: the changed columns only, the engine's
// re-check of a new date, time or party (no service, pacing) with a Manager's
// explicit override recorded in the notes, moves of other bookings in the same
// transaction, and a party that grows as it is seated.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/net/outbox.hpp"
#include "foh/net/store.hpp"

using namespace foh;
using namespace foh::net;

namespace {
const Actor kServer{std::nullopt, Role::Server};
Actor manager() { return Actor{fixture::demo_venue().team_members[1].id, Role::Manager}; }
BookingOverride julien() { return {fixture::demo_venue().team_members[1].id, "Julien Moreau"}; }
const Date kSunday = *Date::parse("2026-12-06");  // brunch only, 11:30-15:00
TimeOfDay at(const char* hhmm) { return *TimeOfDay::parse(hhmm); }
}  // namespace

TEST_CASE("edit: party, time, duration, guest, notes and tags go out as one patch, table kept") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto r = s.create_reservation(fixture::booking("9", "19:00", 2, "Martin"), kServer);
  REQUIRE(r.ok());
  Reservation e = *r;
  e.party_size = 4;
  e.time = at("20:00");
  e.duration = 120;
  e.guest_name = "Martin-Dupont";
  e.guest_phone = "06 12 34 56 78";
  e.notes = "allergie noix";
  e.tags = {"VIP"};
  auto done = s.update_reservation(e, kServer);
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().text()));
  auto out = Outbox(*c).entries();
  REQUIRE(out.size() == 2);
  CHECK(out[1].op == OutboxOp::Patch);
  CHECK(out[1].row.at("party_size") == 4);
  CHECK(out[1].row.at("time") == "20:00:00");
  CHECK(out[1].row.at("guest_name") == "Martin-Dupont");
  CHECK(out[1].row.at("tags") == Json::array({"VIP"}));
  CHECK_FALSE(out[1].row.contains("table_id"));  // table 9 (2-4) still seats 4 at 20:00
  CHECK(c->reservation(r->id)->party_size == 4);
}

TEST_CASE("edit: a later day with no service is refused unless a Manager overrides, recorded") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto r = s.create_reservation(fixture::booking("9", "19:00", 2, "Dimanche"), kServer);
  REQUIRE(r.ok());
  const auto before = fixture::snapshot(*c);
  Reservation e = *r;
  e.date = kSunday;
  e.time = at("20:30");
  Actor fr = kServer;
  fr.language = Language::Fr;
  auto refused = s.update_reservation(e, fr);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message == "Refusé\u00a0: fermé à 20:30 (pas de service)");
  CHECK(fixture::snapshot(*c) == before);
  // A Server cannot override, even when asking for it.
  auto server_override = s.update_reservation(e, kServer, {{}, julien()});
  REQUIRE_FALSE(server_override.ok());
  CHECK(server_override.error().message.find("Manager") != std::string::npos);
  CHECK(fixture::snapshot(*c) == before);
  // A Manager's explicit override saves it, and the notes say who overrode what.
  auto saved = s.update_reservation(e, manager(), {{}, julien()});
  REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error().text()));
  CHECK(c->reservation(r->id)->date == kSunday);
  CHECK(c->reservation(r->id)->notes ==
        "Override by Julien Moreau: Refused: closed at 20:30 (no service)");
  CHECK(Outbox(*c).entries().back().row.at("notes") == c->reservation(r->id)->notes);
  // Only what changes date, time or party is checked: a note on it saves plainly.
  Reservation noted = *c->reservation(r->id);
  noted.guest_phone = "0612345678";
  CHECK(s.update_reservation(noted, kServer).ok());
}

TEST_CASE("edit: a bigger party past the slot's pacing limit is refused; an override passes") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  // 36 covers at 19:00: the demo's max_covers_per_slot.
  for (const char* t : {"11", "12", "13", "27", "37", "38"})
    REQUIRE(s.create_reservation(fixture::booking(t, "19:00", 6, std::string("Six ") + t), kServer)
                .ok());
  auto r = s.create_reservation(fixture::booking("9", "20:00", 2, "Tard"), kServer);
  REQUIRE(r.ok());
  Reservation e = *r;
  e.time = at("19:00");
  auto refused = s.update_reservation(e, kServer);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("pacing") != std::string::npos);
  CHECK(c->reservation(r->id)->time == at("20:00"));
  auto overridden = s.update_reservation(e, manager(), {{}, julien()});
  REQUIRE(overridden.ok());
  CHECK(c->reservation(r->id)->notes.find("Override by Julien Moreau: Refused: pacing") == 0);
}

TEST_CASE("book: the form's booking is refused when the engine refuses it, unless overridden") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  Reservation sunday = fixture::booking("9", "20:30", 2, "Dimanche soir");
  sunday.date = kSunday;
  const auto before = fixture::snapshot(*c);
  auto refused = s.book(sunday, kServer);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message == "Refused: closed at 20:30 (no service)");
  CHECK(fixture::snapshot(*c) == before);
  auto saved = s.book(sunday, manager(), {{}, julien()});
  REQUIRE(saved.ok());
  CHECK(saved->notes == "Override by Julien Moreau: Refused: closed at 20:30 (no service)");
  // An open evening books plainly, the notes untouched.
  auto tuesday = s.book(fixture::booking("10", "20:00", 2, "Mardi"), kServer);
  REQUIRE(tuesday.ok());
  CHECK(tuesday->notes.empty());
}

TEST_CASE("edit: a party that outgrows its table takes a combination, moving another booking") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto grow = s.create_reservation(fixture::booking("7", "19:00", 4, "Grandit"), kServer);
  auto other = s.create_reservation(fixture::booking("8", "19:00", 2, "Voisin"), kServer);
  REQUIRE(grow.ok());
  REQUIRE(other.ok());
  Reservation e = *grow;
  e.party_size = 6;
  e.table_number = "7+8";  // declared for 6
  // Without the move, table 8 is taken.
  CHECK_FALSE(s.update_reservation(e, kServer).ok());
  // The edited booking itself is never the one moved.
  CHECK_FALSE(s.update_reservation(e, kServer, {{fixture::move_to(*grow, "9")}, {}}).ok());
  auto done = s.update_reservation(e, kServer, {{fixture::move_to(*other, "9")}, {}});
  REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().text()));
  CHECK(c->reservation(grow->id)->table_number == "7+8");
  CHECK(c->reservation(grow->id)->party_size == 6);
  CHECK(c->reservation(other->id)->table_number == "9");
}

TEST_CASE("seat_reservation: booked 6, arrived 8: the party grows with the seating") {
  auto c = fixture::seeded_cache();
  Store s(*c);
  auto six = s.create_reservation(fixture::booking("11", "19:00", 6, "Six"), kServer);
  REQUIRE(six.ok());
  auto seated = s.seat_reservation(six->id, fixture::pick("13"), kServer, {}, 8);
  REQUIRE_MESSAGE(seated.ok(), (seated.ok() ? "" : seated.error().text()));
  CHECK(seated->status == ReservationStatus::Seated);
  CHECK(seated->party_size == 8);
  CHECK(seated->arrived_count == std::optional<int>(8));
  CHECK(c->reservation(six->id)->table_number == "13");
  // Fewer than booked: a partial arrival, the booking keeps its size.
  auto four = s.create_reservation(fixture::booking("12", "19:00", 6, "Quatre"), kServer);
  REQUIRE(four.ok());
  auto partial = s.seat_reservation(four->id, fixture::pick("12"), kServer, {}, 4);
  REQUIRE(partial.ok());
  CHECK(partial->party_size == 6);
  CHECK(partial->arrived_count == std::optional<int>(4));
  // A seating never moves the party being seated.
  auto five = s.create_reservation(fixture::booking("27", "19:00", 4, "Cinq"), kServer);
  REQUIRE(five.ok());
  CHECK_FALSE(
      s.seat_reservation(five->id, fixture::pick("9"), kServer, {fixture::move_to(*five, "10")}, 5)
          .ok());
}
