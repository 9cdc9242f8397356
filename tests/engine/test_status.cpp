#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/status.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

namespace {

TransitionContext ctx(std::string event_id, Role role = Role::Server) {
  TransitionContext c;
  c.changed_by = "m-" + std::string(to_string(role));
  c.role = role;
  c.now = LocalInstant::at(kFriday, *TimeOfDay::parse("20:05"));
  c.event_id = std::move(event_id);
  return c;
}

Reservation booking(RS status = RS::Confirmed) {
  Reservation r = reservation("r1", "t5", "5", kFriday, "20:00", 4, status);
  r.customer_id = "c1";
  return r;
}

}  // namespace

TEST_CASE("status: the allowed transitions and nothing else") {
  const RS all[] = {RS::Pending,   RS::Confirmed, RS::Arrived, RS::Seated,
                    RS::Completed, RS::Cancelled, RS::NoShow};
  int allowed = 0;
  for (RS from : all)
    for (RS to : all) allowed += is_allowed(from, to);
  CHECK(allowed == 14);
  CHECK(is_allowed(RS::Pending, RS::Confirmed));
  CHECK(is_allowed(RS::Confirmed, RS::Arrived));
  CHECK(is_allowed(RS::Arrived, RS::Seated));
  CHECK(is_allowed(RS::Seated, RS::Completed));
  CHECK(is_allowed(RS::Confirmed, RS::Seated));  // seated straight from the door
  CHECK(is_allowed(RS::Confirmed, RS::NoShow));
  CHECK(is_allowed(RS::Arrived, RS::NoShow));
  CHECK_FALSE(is_allowed(RS::Seated, RS::NoShow));  // a seated party showed
  CHECK_FALSE(is_allowed(RS::Pending, RS::NoShow));
  for (RS live : {RS::Pending, RS::Confirmed, RS::Arrived, RS::Seated})
    CHECK(is_allowed(live, RS::Cancelled));
  for (RS done : {RS::Completed, RS::Cancelled, RS::NoShow})
    for (RS to : all) CHECK_FALSE(is_allowed(done, to));
}

TEST_CASE("status: illegal transitions are refused with a reason") {
  auto t = transition(booking(RS::Completed), RS::Seated, ctx("e1"));
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().message == "cannot go from Completed to Seated");
  CHECK(transition(booking(RS::Seated), RS::NoShow, ctx("e1")).error().message ==
        "cannot go from Seated to No-show");
  CHECK(transition(booking(RS::Cancelled), RS::Confirmed, ctx("e1")).error().message ==
        "cannot go from Cancelled to Confirmed");
  CHECK(transition(booking(RS::Confirmed), RS::Confirmed, ctx("e1")).error().message ==
        "already Confirmed");
  CHECK(transition(booking(RS::Confirmed), RS::Pending, ctx("e1")).error().message ==
        "cannot go from Confirmed to Pending");
  CHECK(transition(booking(), RS::Arrived, ctx("")).error().message == "an event id is required");
}

TEST_CASE("status: each transition produces its audit event") {
  TransitionContext c = ctx("e1");
  c.metadata = {{"note", "window seat"}};
  auto t = transition(booking(RS::Pending), RS::Confirmed, c);
  REQUIRE(t.ok());
  CHECK(t->reservation.status == RS::Confirmed);
  CHECK(t->event.id == "e1");
  CHECK(t->event.reservation_id == "r1");
  CHECK(t->event.customer_id == "c1");
  CHECK(t->event.changed_by == "m-Server");
  CHECK(t->event.from_status == "Pending");
  CHECK(t->event.to_status == "Confirmed");
  CHECK(t->event.metadata == Json{{"note", "window seat"}});
  CHECK(t->event.created_at == "2026-11-27T20:05:00");
  c.now_timestamp = "2026-11-27T19:05:00Z";
  CHECK(transition(booking(RS::Pending), RS::Confirmed, c)->event.created_at ==
        "2026-11-27T19:05:00Z");
}

TEST_CASE("status: seating sets seated_at; a walk-in is created Seated") {
  auto t = transition(booking(RS::Confirmed), RS::Seated, ctx("e1"));
  REQUIRE(t.ok());
  CHECK(t->reservation.seated_at == "2026-11-27T20:05:00");
  CHECK_FALSE(t->reservation.arrived_count.has_value());
  Reservation walk_in = booking(RS::Seated);
  walk_in.source = "Walk-in";
  auto w = create(walk_in, ctx("e0"));
  REQUIRE(w.ok());
  CHECK(w->event.from_status.empty());
  CHECK(w->event.to_status == "Seated");
  CHECK(w->reservation.seated_at == "2026-11-27T20:05:00");
  CHECK(create(booking(RS::Completed), ctx("e0")).error().message ==
        "a reservation cannot be created Completed");
  auto pending = create(booking(RS::Pending), ctx("e0"));
  CHECK(pending->event.to_status == "Pending");
  CHECK_FALSE(pending->reservation.seated_at.has_value());
}

TEST_CASE("status: partial arrival, then the rest of the party") {
  TransitionContext c = ctx("e1");
  c.arrived_count = 2;
  auto a = transition(booking(), RS::Arrived, c);
  REQUIRE(a.ok());
  CHECK(a->reservation.status == RS::Arrived);
  CHECK(a->reservation.arrived_count == 2);
  CHECK(a->event.metadata["arrived_count"] == 2);
  c.event_id = "e2";
  c.arrived_count = 4;
  auto b = transition(a->reservation, RS::Arrived, c);
  REQUIRE(b.ok());
  CHECK(b->reservation.arrived_count == 4);
  CHECK(b->event.from_status == "Arrived");
  CHECK(b->event.to_status == "Arrived");
  CHECK(b->event.metadata["previous_arrived_count"] == 2);
  CHECK(transition(b->reservation, RS::Arrived, c).error().message ==
        "already Arrived with 4 of 4");
  c.arrived_count = 5;
  CHECK(transition(a->reservation, RS::Arrived, c).error().message ==
        "arrived_count must be 1..4, got 5");
  c.arrived_count = 0;
  CHECK(transition(booking(), RS::Arrived, c).error().message ==
        "arrived_count must be 1..4, got 0");
  c.arrived_count.reset();  // no count: the whole party
  CHECK(transition(booking(), RS::Arrived, c)->reservation.arrived_count == 4);
  auto s = transition(a->reservation, RS::Seated, ctx("e3"));
  CHECK(s->reservation.arrived_count == 2);  // seated with who is there
  CHECK(s->event.metadata["arrived_count"] == 2);
}

TEST_CASE("status: no-show and cancel; cancelling needs a Manager or Admin") {
  CHECK(transition(booking(RS::Confirmed), RS::NoShow, ctx("e1"))->reservation.status ==
        RS::NoShow);
  TransitionContext c = ctx("e1");
  c.metadata = {{"reason", "guest called"}};
  CHECK(transition(booking(), RS::Cancelled, c).error().message ==
        "cancelling needs a Manager or Admin");
  c.role = Role::Manager;
  auto t = transition(booking(), RS::Cancelled, c);
  REQUIRE(t.ok());
  CHECK(t->event.metadata["reason"] == "guest called");
  c.role = Role::Admin;
  CHECK(transition(booking(RS::Seated), RS::Cancelled, c).ok());
}

TEST_CASE("status: undo of the last transition, by a Manager or Admin only") {
  std::vector<ReservationEvent> history;
  Reservation r = booking(RS::Confirmed);
  auto seat = transition(r, RS::Seated, ctx("e1"));
  REQUIRE(seat.ok());
  history.push_back(seat->event);
  r = seat->reservation;
  const ReservationEvent* last = last_event(history, r.id);
  REQUIRE(last != nullptr);
  CHECK(undo(r, *last, ctx("e2", Role::Server)).error().message ==
        "undoing needs a Manager or Admin");
  auto u = undo(r, *last, ctx("e2", Role::Manager));
  REQUIRE(u.ok());
  CHECK(u->reservation.status == RS::Confirmed);
  CHECK_FALSE(u->reservation.seated_at.has_value());
  CHECK(u->event.from_status == "Seated");
  CHECK(u->event.to_status == "Confirmed");
  CHECK(u->event.metadata["undo_of"] == "e1");
  CHECK(u->event.changed_by == "m-Manager");
  history.push_back(u->event);
  r = u->reservation;
  // The stale event no longer describes the current status.
  CHECK(undo(r, history[0], ctx("e3", Role::Admin)).error().message ==
        "the last change (Confirmed to Seated) is not the reservation's current status Confirmed");
  CHECK(last_event(history, "r1")->id == "e2");
  CHECK(last_event(history, "other") == nullptr);

  // Undo of a partial-arrival update restores the previous count.
  TransitionContext c = ctx("e4");
  c.arrived_count = 1;
  auto a1 = transition(booking(), RS::Arrived, c);
  c.event_id = "e5";
  c.arrived_count = 3;
  auto a2 = transition(a1->reservation, RS::Arrived, c);
  auto back = undo(a2->reservation, a2->event, ctx("e6", Role::Manager));
  REQUIRE(back.ok());
  CHECK(back->reservation.status == RS::Arrived);
  CHECK(back->reservation.arrived_count == 1);
  // Undo of the first arrival clears the count; undo of a cancellation revives it.
  auto c0 = undo(a1->reservation, a1->event, ctx("e7", Role::Manager));
  CHECK(c0->reservation.status == RS::Confirmed);
  CHECK_FALSE(c0->reservation.arrived_count.has_value());
  auto cancelled = transition(booking(), RS::Cancelled, ctx("e8", Role::Manager));
  CHECK(
      undo(cancelled->reservation, cancelled->event, ctx("e9", Role::Admin))->reservation.status ==
      RS::Confirmed);
  // The creation cannot be undone; neither can another reservation's event.
  auto created = create(booking(), ctx("e10"));
  CHECK(undo(created->reservation, created->event, ctx("e11", Role::Admin)).error().message ==
        "cannot undo the creation of a reservation");
  Reservation other = booking();
  other.id = "r2";
  CHECK(undo(other, seat->event, ctx("e12", Role::Admin)).error().message ==
        "event e1 belongs to another reservation");
}
