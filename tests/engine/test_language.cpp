// Host-facing reasons in French and English (engine phrases.cpp): the caller
// chooses; English stays the default, word for word.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/assign.hpp"
#include "foh/engine/optimise.hpp"
#include "foh/engine/pacing.hpp"
#include "foh/engine/status.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

namespace {

SeatRequest request(int party, std::string time) {
  SeatRequest r;
  r.id = "x";
  r.party_size = party;
  r.date = kThursday;
  r.time = *TimeOfDay::parse(time);
  return r;
}

AssignOptions in(Language l) {
  AssignOptions o;
  o.language = l;
  return o;
}

Decision propose(const Venue& v, const DayBook& d, const SeatRequest& r, AssignOptions o) {
  auto a = Assigner::create(v, d, o);
  REQUIRE(a.ok());
  return a->propose(r);
}

TransitionContext ctx(Language l, Role role = Role::Server) {
  TransitionContext c;
  c.role = role;
  c.now = LocalInstant::at(kThursday, *TimeOfDay::parse("20:05"));
  c.event_id = "e1";
  c.language = l;
  return c;
}

}  // namespace

TEST_CASE("language: a single table, spare seats singular and plural, in French") {
  Venue v = only({table("t2", "2", 1, 2), table("t4", "4", 1, 4), table("t6", "6", 1, 6)});
  Decision exact = propose(v, day_of(), request(2, "19:00"), in(Language::Fr));
  CHECK(
      exact.reason ==
      "Table 2 (2 places, Salle principale)\u00a0: libre 19:00\u201320:15, juste la bonne taille");
  Decision one = propose(v, day_of(), request(3, "19:00"), in(Language::Fr));
  CHECK(one.table_number == "4");
  CHECK(one.reason.find(", 1 place de trop") != std::string::npos);
  REQUIRE(!one.alternatives.empty());  // the six-top: 3 spare
  CHECK(one.alternatives[0].reason.find(", 3 places de trop") != std::string::npos);
  // The same choices in English, the default, unchanged.
  CHECK(propose(v, day_of(), request(2, "19:00"), {}).reason ==
        "Table 2 (2 seats, Salle principale): free 19:00\u201320:15, exact fit");
  CHECK(propose(v, day_of(), request(3, "19:00"), {}).reason.find(", 1 seat spare") !=
        std::string::npos);
}

TEST_CASE("language: a combination and a zone in French") {
  Venue v = only({table("t7", "7", 2, 4), table("t8", "8", 2, 4)});
  v.tables[0].capacity_overrides = {{"7+8", 6}};
  v.tables[0].zone_id = "z-window";
  SeatRequest r = request(6, "19:00");
  r.zone_id = "z-bar";
  Decision d = propose(v, day_of(), r, in(Language::Fr));
  REQUIRE(d.accepted);
  CHECK(d.table_number == "7+8");
  CHECK(d.reason.rfind("Tables 7+8 (6 places, Salle principale)\u00a0: libres 19:00\u2013", 0) ==
        0);
  CHECK(d.reason.find(", aucune table seule libre, juste la bonne taille") != std::string::npos);
  CHECK(d.reason.find(", hors de la zone demandée") != std::string::npos);
  Decision en = propose(v, day_of(), r, {});
  CHECK(en.reason.find(", no single table free, exact fit, not in the requested zone") !=
        std::string::npos);
}

TEST_CASE("language: a move in French, singular") {
  Venue v = only({table("t2", "2", 1, 2), table("t4", "4", 2, 4)});
  DayBook day = day_of({reservation("couple", "t4", "4", kThursday, "19:00", 2)});
  Decision d = propose(v, day, request(4, "19:15"), in(Language::Fr));
  REQUIRE(d.accepted);
  REQUIRE(d.moved.size() == 1);
  CHECK(d.reason.find(", après avoir déplacé 1 réservation") != std::string::npos);
  CHECK(d.reason.find("réservations") == std::string::npos);
  CHECK(propose(v, day, request(4, "19:15"), {}).reason.find(", after moving 1 reservation") !=
        std::string::npos);
}

TEST_CASE("language: closed, pacing and no-table refusals in French") {
  Venue v = venue();  // Thursday: lunch 12:00-14:30, dinner 19:00-23:00
  Decision closed = propose(v, day_of(), request(2, "16:00"), in(Language::Fr));
  CHECK(closed.outcome == Outcome::Closed);
  CHECK(closed.reason == "Refusé\u00a0: fermé à 16:00 (pas de service)");
  CHECK(propose(v, day_of(), request(2, "16:00"), {}).reason ==
        "Refused: closed at 16:00 (no service)");

  Venue p = only({table("ta", "10", 1, 4), table("tb", "11", 1, 4)});
  p.restaurant.settings.max_covers_per_slot = 6;
  DayBook booked = day_of({reservation("r1", "ta", "10", kThursday, "19:00", 4)});
  Decision pacing = propose(p, booked, request(4, "19:05"), in(Language::Fr));
  CHECK(pacing.outcome == Outcome::Pacing);
  CHECK(pacing.reason == "Refusé\u00a0: rythme \u2014 créneau 19:00-19:15\u00a0: 8 couverts > 6");
  CHECK(propose(p, booked, request(4, "19:05"), {}).reason ==
        "Refused: pacing \u2014 slot 19:00-19:15: 8 covers > 6");

  Venue one = only({table("t5", "5", 4, 6)});
  CHECK(propose(one, day_of(), request(7, "19:00"), in(Language::Fr)).reason ==
        "Aucune table ni combinaison pour un groupe de 7 (la plus grande\u00a0: 6 places)");
}

TEST_CASE("language: pacing checks and optimise reasons follow the caller's language") {
  Venue v = only({table("ta", "10", 1, 4)});
  v.restaurant.settings.max_covers_per_slot = 6;
  std::vector<Reservation> day = {reservation("r1", "ta", "10", kThursday, "19:00", 4)};
  Reservation c = reservation("c", std::nullopt, "", kThursday, "19:10", 4);
  const Settings& s = v.restaurant.settings;
  CHECK(check_pacing(c, day, s, v.services, std::nullopt, Language::Fr).reason ==
        "créneau 19:00-19:15\u00a0: 8 couverts > 6");
  CHECK(check_pacing(c, day, s, v.services).reason == "slot 19:00-19:15: 8 covers > 6");

  OptimiseOptions o;
  o.language = Language::Fr;
  o.recreate_rounds = 10;
  auto planned = optimise_day(v, day_of(), {request(2, "19:00")}, o);
  REQUIRE(planned.ok());
  REQUIRE(planned->seated.size() == 1);
  CHECK(planned->reason.at("x").rfind("Table 10 (4 places, Salle principale)\u00a0: libre", 0) ==
        0);
}

TEST_CASE("language: illegal status changes are refused in the host's language") {
  Reservation done = reservation("r1", "t5", "5", kThursday, "19:00", 4, RS::Completed);
  auto fr = transition(done, RS::Seated, ctx(Language::Fr));
  REQUIRE_FALSE(fr.ok());
  CHECK(fr.error().message == "impossible de passer de Terminée à Installée");
  auto en = transition(done, RS::Seated, ctx(Language::En));
  REQUIRE_FALSE(en.ok());
  CHECK(en.error().message == "cannot go from Completed to Seated");
  TransitionContext plain;  // no language set: English
  plain.event_id = "e";
  CHECK(transition(done, RS::Seated, plain).error().message ==
        "cannot go from Completed to Seated");

  Reservation booked = reservation("r2", "t5", "5", kThursday, "19:00", 4);
  CHECK(transition(booked, RS::Cancelled, ctx(Language::Fr)).error().message ==
        "annuler demande un responsable ou un administrateur");
  TransitionContext many = ctx(Language::Fr);
  many.arrived_count = 5;
  CHECK(transition(booked, RS::Arrived, many).error().message ==
        "le nombre d'arrivés doit être entre 1 et 4 (reçu 5)");
  CHECK(transition(booked, RS::Confirmed, ctx(Language::Fr)).error().message == "déjà Confirmée");
}

TEST_CASE("language: undo of the latest change, or nothing to undo, in the host's words") {
  Reservation booked = reservation("r3", "t5", "5", kThursday, "19:00", 4);
  auto none = undo_last(booked, {}, ctx(Language::Fr, Role::Manager));
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message == "rien à annuler");
  CHECK(undo_last(booked, {}, ctx(Language::En, Role::Manager)).error().message ==
        "nothing to undo");
  auto arrived = transition(booked, RS::Arrived, ctx(Language::En));
  REQUIRE(arrived.ok());
  // Another reservation's event in the history is not this one's latest change.
  ReservationEvent other = arrived->event;
  other.id = "other", other.reservation_id = "r9";
  auto back =
      undo_last(arrived->reservation, {arrived->event, other}, ctx(Language::En, Role::Manager));
  REQUIRE(back.ok());
  CHECK(back->reservation.status == RS::Confirmed);
}
