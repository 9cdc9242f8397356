// Waitlist quotes: expected turns of seated tables, upcoming reservations
// holding tables, positions, and the seating-order blend.
#include <doctest/doctest.h>

#include <map>

#include "fixtures.hpp"
#include "foh/engine/waitlist.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

namespace {

Venue two_tables() {
  Venue v = venue();
  v.tables = {table("t2", "2", 1, 2), table("t4", "4", 2, 4)};
  v.services.clear();
  return v;
}

LocalInstant at(const char* hhmm) { return LocalInstant::at(kThursday, *TimeOfDay::parse(hhmm)); }

Reservation seated(std::string id, std::string table, std::string number, const char* since,
                   int party) {
  Reservation r = reservation(std::move(id), std::move(table), std::move(number), kThursday, since,
                              party, RS::Seated);
  r.seated_at = at(since).str();
  return r;
}

WaitlistEntry entry(std::string id, int party, const char* joined) {
  WaitlistEntry w;
  w.id = std::move(id);
  w.date = kThursday;
  w.party_size = party;
  w.created_at = at(joined).str();
  return w;
}

}  // namespace

TEST_CASE("quote from the expected turn of the seated table") {
  Venue v = two_tables();
  // The couple sat at 19:00 on 2: turn 75 min, expected free at 20:15.
  DayBook d = day_of({seated("s2", "t2", "2", "19:00", 2), seated("s4", "t4", "4", "19:00", 4)});
  auto q = quote_walk_in(v, d, 2, at("19:30"));
  REQUIRE(q.ok());
  CHECK(q->seatable);
  CHECK(q->position == 1);
  CHECK(q->quoted_minutes == 45);
  CHECK(q->table_number == "2");
  CHECK(q->expected_seat_at == at("20:15"));
  // A four waits for the four-top: 19:00 + 90 min.
  CHECK(quote_walk_in(v, d, 4, at("19:30"))->quoted_minutes == 60);
  // Nobody seats nine.
  CHECK_FALSE(quote_walk_in(v, d, 9, at("19:30"))->seatable);
}

TEST_CASE("an overdue table is expected to free up within overdue_minutes") {
  Venue v = two_tables();
  DayBook d = day_of({seated("s2", "t2", "2", "19:00", 2), seated("s4", "t4", "4", "19:00", 4)});
  auto q = quote_walk_in(v, d, 2, at("20:40"));  // the couple is 25 minutes past 20:15
  REQUIRE(q.ok());
  CHECK(q->quoted_minutes == 5);
}

TEST_CASE("upcoming reservations hold their tables") {
  Venue v = two_tables();
  // 2 is free now, but booked at 20:00: a couple (75 min) cannot sit at 19:30
  // on it; the four-top frees at 20:30 and has nothing booked.
  DayBook d = day_of({reservation("later", "t2", "2", kThursday, "20:00", 2),
                      seated("s4", "t4", "4", "19:00", 4)});
  auto q = quote_walk_in(v, d, 2, at("19:30"));
  REQUIRE(q.ok());
  CHECK(q->table_number == "4");
  CHECK(q->quoted_minutes == 60);
  // At 18:00 the couple fits before the 20:00 booking (18:00-19:15).
  auto early = quote_walk_in(v, day_of({reservation("later", "t2", "2", kThursday, "20:00", 2)}), 2,
                             at("18:00"));
  CHECK(early->quoted_minutes == 0);
  CHECK(early->table_number == "2");
}

TEST_CASE("positions follow arrival; the queue ahead pushes the quote") {
  Venue v = two_tables();
  DayBook d = day_of({seated("s2", "t2", "2", "19:00", 2), seated("s4", "t4", "4", "19:00", 2)},
                     {entry("w2", 2, "19:20"), entry("w1", 2, "19:10")});
  auto plan = plan_waitlist(v, d, at("19:30"));
  REQUIRE(plan.ok());
  REQUIRE(plan->quotes.size() == 2);
  CHECK(plan->quotes[0].entry_id == "w1");  // arrived first
  CHECK(plan->quotes[0].position == 1);
  CHECK(plan->quotes[0].quoted_minutes == 45);  // 2 frees at 20:15
  CHECK(plan->quotes[1].entry_id == "w2");
  CHECK(plan->quotes[1].position == 2);
  CHECK(plan->quotes[1].quoted_minutes == 45);  // 4 frees at 20:15 too (couple's turn)
  CHECK(plan->quotes[1].table_number == "4");
  // A third couple waits for the first of them to turn again.
  auto third = quote_walk_in(v, d, 2, at("19:30"));
  CHECK(third->position == 3);
  CHECK(third->quoted_minutes == 45 + 75);
  CHECK(plan->seat_now.empty());  // nothing is free now
}

TEST_CASE("seating order blends waiting time and fit") {
  Venue v = two_tables();
  // Only the two-top is free. The six waited longest but fits nothing now;
  // the couple fits the free two-top exactly and goes first.
  Venue big = v;
  big.tables.push_back(table("t6", "6", 4, 6));
  DayBook d = day_of({seated("s4", "t4", "4", "19:00", 4), seated("s6", "t6", "6", "19:00", 6)},
                     {entry("six", 6, "19:00"), entry("couple", 2, "19:20")});
  auto plan = plan_waitlist(big, d, at("19:30"));
  REQUIRE(plan.ok());
  REQUIRE(plan->seating_order.size() == 2);
  CHECK(plan->seating_order[0] == "couple");
  CHECK(plan->seating_order[1] == "six");
  REQUIRE(plan->seat_now.size() == 1);
  CHECK(plan->seat_now[0].entry_id == "couple");
  CHECK(plan->seat_now[0].table_number == "2");
  // Two parties fitting free tables: the longer wait first, but wasted seats
  // count against a party (a couple on the free four-top loses 10 minutes).
  DayBook e = day_of({}, {entry("couple", 2, "19:00"), entry("four", 4, "19:05")});
  auto p2 = plan_waitlist(v, e, at("19:30"));
  REQUIRE(p2.ok());
  CHECK(p2->seating_order[0] == "couple");  // 30 + 30 vs 25 + 30: the 2-top fits it exactly
  CHECK(p2->seat_now.size() == 2);
  // Only the four-top free: the couple (30 min, 2 seats wasted: 30 + 30 - 10)
  // yields to the four (25 min, exact: 25 + 30).
  DayBook g = day_of({seated("s2", "t2", "2", "19:00", 2)},
                     {entry("couple", 2, "19:00"), entry("four", 4, "19:05")});
  auto p3 = plan_waitlist(v, g, at("19:30"));
  CHECK(p3->seating_order[0] == "four");
  REQUIRE(p3->seat_now.size() == 1);
  CHECK(p3->seat_now[0].entry_id == "four");
  // Without the blend it is plain longest-waiting first.
  WaitlistOptions plain;
  plain.waste_penalty = 0;
  CHECK(plan_waitlist(v, g, at("19:30"), plain)->seating_order[0] == "couple");
}

TEST_CASE("waitlist rows with a bad created_at are errors naming the row") {
  Venue v = two_tables();
  DayBook d = day_of({}, {entry("w", 2, "19:00")});
  d.waitlist[0].created_at = "yesterday";
  auto plan = plan_waitlist(v, d, at("19:30"));
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.error().where == "waitlist_entries[0].created_at");
  // Parties no longer waiting are not in the queue.
  d.waitlist[0].created_at = at("19:00").str();
  d.waitlist[0].status = WaitlistStatus::Converted;
  CHECK(plan_waitlist(v, d, at("19:30"))->quotes.empty());
}

TEST_CASE("UTC stamps from the backend are read in the restaurant's time") {
  Venue v = two_tables();
  // Paris in winter is UTC+1: the couple sat at 19:00 local, stamped 18:00Z by PostgreSQL.
  DayBook d = day_of({seated("s2", "t2", "2", "19:00", 2), seated("s4", "t4", "4", "19:00", 4)});
  d.reservations[0].seated_at = "2026-11-26T18:00:00.123456+00:00";
  d.reservations[1].seated_at = "2026-11-26T18:00:00Z";
  d.utc_offset_s = 3600;
  REQUIRE(d.date == kThursday);
  CHECK(quote_walk_in(v, d, 2, at("19:30"))->quoted_minutes == 45);  // not 105: free at 20:15
  // A guest who joined at 19:10 local (18:10Z) has waited 20 minutes, ahead of one who joined at
  // 19:20.
  d.waitlist = {entry("late", 2, "19:20"), entry("early", 2, "19:00")};
  d.waitlist[1].created_at = "2026-11-26T18:10:00Z";
  auto plan = plan_waitlist(v, d, at("19:30"));
  REQUIRE(plan.ok());
  CHECK(plan->quotes[0].entry_id == "early");
}

TEST_CASE("timestamps: zone suffixes, fractions and malformed zones") {
  const int paris = 3600;
  auto local = [](const char* s, int off) { return LocalInstant::from_timestamp(s, off); };
  const LocalInstant seven = LocalInstant::at(kThursday, *TimeOfDay::parse("19:00"));
  CHECK(local("2026-11-26T18:00:00Z", paris) == seven);
  CHECK(local("2026-11-26T18:00:00+00:00", paris) == seven);
  CHECK(local("2026-11-26 19:00:00.5+01", paris) == seven);
  CHECK(local("2026-11-26T14:30:00-0330", paris) == seven);
  CHECK(local("2026-11-26T19:00:00", paris) == seven);  // no zone: local already
  CHECK(local("2026-11-26T23:30:00Z", paris)->date() == Date{2026, 11, 27});  // past midnight
  CHECK_FALSE(local("2026-11-26T18:00:00+1", paris));
  CHECK_FALSE(local("2026-11-26T18:00:00+25:00", paris));
  CHECK_FALSE(local("2026-11-26T18:00:00.Z", paris));
  CHECK_FALSE(local("2026-11-26T18:00:00 UTC", paris));
}

namespace {

// A waitlist row as a host's terminal writes it: its place in the queue is
// the position it was given on joining.
WaitlistEntry joined(std::string id, int party, const char* stamp, int position) {
  WaitlistEntry w = entry(std::move(id), party, stamp);
  w.position_in_queue = position;
  return w;
}

}  // namespace

TEST_CASE("the queue is in join order, not by created_at") {
  Venue v = two_tables();
  // Another terminal's clock ran ahead: "ahead" joined first (position 1) with
  // a later stamp than "new" (position 2), who must stay behind.
  DayBook d = day_of({seated("s2", "t2", "2", "19:00", 2), seated("s4", "t4", "4", "19:00", 2)},
                     {joined("new", 2, "19:30", 2), joined("ahead", 2, "19:40", 1)});
  auto plan = plan_waitlist(v, d, at("19:30"));
  REQUIRE(plan.ok());
  REQUIRE(plan->quotes.size() == 2);
  CHECK(plan->quotes[0].entry_id == "ahead");
  CHECK(plan->quotes[0].position == 1);
  CHECK(plan->quotes[1].entry_id == "new");
  CHECK(plan->quotes[1].position == 2);
  // A kiosk join not yet accepted (no position) waits behind the accepted queue,
  // however early its stamp.
  d.waitlist.push_back(entry("kiosk", 2, "19:00"));
  plan = plan_waitlist(v, d, at("19:30"));
  REQUIRE(plan->quotes.size() == 3);
  CHECK(plan->quotes[2].entry_id == "kiosk");
  CHECK(plan->quotes[2].position == 3);
  // A walk-in quoted now joins behind all three.
  CHECK(quote_walk_in(v, d, 2, at("19:30"))->position == 4);
}

TEST_CASE("no party is quoted less than a same-size party ahead of it") {
  // Random floors, seated parties and queues whose stamps disagree with their
  // join order: in join order, each size's quotes never go down.
  uint64_t state = 12345;
  auto next = [&state](int n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<uint64_t>(n));
  };
  int checked = 0;
  for (int round = 0; round < 200; ++round) {
    Venue v = two_tables();
    v.tables.clear();
    std::vector<Reservation> rs;
    for (int t = 0; t < 2 + next(5); ++t) {
      int cmax = 2 + 2 * next(3), id = t + 1;
      v.tables.push_back(table("t" + std::to_string(id), std::to_string(id), cmax - 1, cmax));
      if (next(3) > 0) {
        std::string since = "19:" + std::to_string(10 + next(40));
        rs.push_back(seated("s" + std::to_string(id), "t" + std::to_string(id), std::to_string(id),
                            since.c_str(), cmax));
      }
    }
    std::vector<WaitlistEntry> ws;
    const int n = 3 + next(6);
    for (int k = 0; k < n; ++k) {
      std::string stamp = "19:" + std::to_string(10 + next(49));
      ws.push_back(joined("w" + std::to_string(k), 1 + next(6), stamp.c_str(), k + 1));
    }
    auto plan = plan_waitlist(v, day_of(rs, ws), at("19:30"));
    REQUIRE(plan.ok());
    REQUIRE(plan->quotes.size() == static_cast<size_t>(n));
    std::map<int, int> longest;  // party size -> longest quote so far in join order
    for (int k = 0; k < n; ++k) {
      const WaitQuote& q = plan->quotes[static_cast<size_t>(k)];
      CHECK(q.entry_id == "w" + std::to_string(k));  // join order
      if (!q.seatable) continue;
      auto [it, first] = longest.try_emplace(q.party_size, q.quoted_minutes);
      if (!first) {
        CHECK(q.quoted_minutes >= it->second);
        it->second = q.quoted_minutes;
        ++checked;
      }
    }
  }
  CHECK(checked > 100);
}
