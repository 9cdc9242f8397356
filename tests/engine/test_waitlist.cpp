// Waitlist quotes: expected turns of seated tables, upcoming reservations
// holding tables, positions, and the seating-order blend.
#include <doctest/doctest.h>

#include <algorithm>
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
  CHECK(q->table.table_number == "2");
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
  CHECK(q->table.table_number == "4");
  CHECK(q->quoted_minutes == 60);
  // At 18:00 the couple fits before the 20:00 booking (18:00-19:15).
  auto early = quote_walk_in(v, day_of({reservation("later", "t2", "2", kThursday, "20:00", 2)}), 2,
                             at("18:00"));
  CHECK(early->quoted_minutes == 0);
  CHECK(early->table.table_number == "2");
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
  CHECK(plan->quotes[1].table.table_number == "4");
  // A third couple waits for the first of them to turn again.
  auto third = quote_walk_in(v, d, 2, at("19:30"));
  CHECK(third->position == 3);
  CHECK(third->quoted_minutes == 45 + 75);
  CHECK(plan->seat_now.empty());  // nothing is free now
}

// A combination goes on as the one TableChoice the seat screen and the Store
// take: its members in the combination's order and its key.
TEST_CASE("a quote and a recommendation carry a combination as one table choice") {
  Venue v = two_tables();
  v.tables = {table("t7", "7", 2, 4), table("t8", "8", 2, 4)};
  v.tables[0].capacity_overrides = {{"7+8", 6}};
  DayBook d = day_of({}, {entry("six", 6, "19:20")});
  auto plan = plan_waitlist(v, d, at("19:30"));
  REQUIRE(plan.ok());
  REQUIRE(plan->seat_now.size() == 1);
  const TableChoice& now = plan->seat_now[0].table;
  CHECK(now.table_ids == std::vector<Uuid>{"t7", "t8"});
  CHECK(now.table_number == "7+8");
  REQUIRE(plan->quotes.size() == 1);
  CHECK(plan->quotes[0].table.table_ids == now.table_ids);
  CHECK(plan->quotes[0].table.table_number == "7+8");
  CHECK(plan->quotes[0].quoted_minutes == 0);
}

TEST_CASE("who to seat next: only parties a free table fits, by the policy's index") {
  Venue v = two_tables();
  // Only the two-top is free. The six waited longest but fits nothing now: it
  // is not recommended, and the couple is, under every policy but strict FCFS.
  Venue big = v;
  big.tables.push_back(table("t6", "6", 4, 6));
  DayBook d = day_of({seated("s4", "t4", "4", "19:00", 4), seated("s6", "t6", "6", "19:00", 6)},
                     {entry("six", 6, "19:00"), entry("couple", 2, "19:20")});
  for (SeatingPolicy p : {SeatingPolicy::FcfsFit, SeatingPolicy::Blend}) {
    WaitlistOptions o;
    o.policy = p;
    auto plan = plan_waitlist(big, d, at("19:30"), o);
    REQUIRE(plan.ok());
    REQUIRE(plan->seat_now.size() == 1);
    CHECK(plan->seat_now[0].entry_id == "couple");
    CHECK(plan->seat_now[0].table.table_number == "2");
    CHECK(plan->seating_order == std::vector<Uuid>{"couple", "six"});
  }
  WaitlistOptions strict;
  strict.policy = SeatingPolicy::Fcfs;  // nobody passes the six
  auto fcfs = plan_waitlist(big, d, at("19:30"), strict);
  CHECK(fcfs->seat_now.empty());
  CHECK(fcfs->seating_order == std::vector<Uuid>{"six", "couple"});
  // Both fit a free table: each gets one, the exact fit for the couple.
  DayBook e = day_of({}, {entry("couple", 2, "19:00"), entry("four", 4, "19:05")});
  WaitlistOptions blend;
  blend.policy = SeatingPolicy::Blend;
  auto p2 = plan_waitlist(v, e, at("19:30"), blend);
  REQUIRE(p2->seat_now.size() == 2);
  CHECK(p2->seat_now[0].entry_id == "couple");  // 30 + 30 x 2/2 = 60 against 25 + 30 x 4/4 = 55
  CHECK(p2->seat_now[0].table.table_number == "2");
  CHECK(p2->seat_now[1].table.table_number == "4");
  // Only the four-top free: the couple (30 min waited + 30 x 2/4 = 45) yields to
  // the four (25 + 30 x 4/4 = 55) under the blend; FCFS-with-fit seats the couple.
  DayBook g = day_of({seated("s2", "t2", "2", "19:00", 2)},
                     {entry("couple", 2, "19:00"), entry("four", 4, "19:05")});
  auto p3 = plan_waitlist(v, g, at("19:30"), blend);
  REQUIRE(p3->seat_now.size() == 1);
  CHECK(p3->seat_now[0].entry_id == "four");
  CHECK(p3->seating_order == std::vector<Uuid>{"four", "couple"});
  // The shipped policy (the default), FCFS-with-fit, seats the couple who joined first.
  CHECK(plan_waitlist(v, g, at("19:30"))->seat_now[0].entry_id == "couple");
  // At weight 0 the blend is longest wait first: the couple.
  blend.blend_weight = 0;
  CHECK(plan_waitlist(v, g, at("19:30"), blend)->seat_now[0].entry_id == "couple");
  // Nobody seats nine: never recommended, whatever its wait.
  DayBook nine = day_of({}, {entry("nine", 9, "18:00")});
  for (SeatingPolicy p : {SeatingPolicy::Fcfs, SeatingPolicy::FcfsFit, SeatingPolicy::Blend}) {
    WaitlistOptions o;
    o.policy = p;
    CHECK(plan_waitlist(v, nine, at("19:30"), o)->seat_now.empty());
  }
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

TEST_CASE("who to seat next: ties go to the earliest joined") {
  Venue v = two_tables();
  // Two couples with the same wait and fit, one two-top free (the four-top
  // seated): the one who joined first, whatever the ids or the list's order.
  DayBook d = day_of({seated("s4", "t4", "4", "19:00", 4)},
                     {joined("a-second", 2, "19:10", 2), joined("z-first", 2, "19:10", 1)});
  for (SeatingPolicy p : {SeatingPolicy::Fcfs, SeatingPolicy::FcfsFit, SeatingPolicy::Blend}) {
    WaitlistOptions o;
    o.policy = p;
    auto plan = plan_waitlist(v, d, at("19:30"), o);
    REQUIRE(plan.ok());
    REQUIRE(plan->seat_now.size() == 1);
    CHECK(plan->seat_now[0].entry_id == "z-first");
  }
}

namespace {

// Parties who joined after `waiting[i]` (join order = quotes' order) and are
// seated before it: already converted (history), or ahead of it in seat_now.
std::vector<int> overtakes(const DayBook& d, const WaitlistPlan& plan) {
  std::vector<int> n(plan.quotes.size(), 0);
  auto place = [&](const Uuid& id) {
    for (size_t k = 0; k < plan.seat_now.size(); ++k)
      if (plan.seat_now[k].entry_id == id) return static_cast<int>(k);
    return 1 << 20;  // not seated now
  };
  for (size_t i = 0; i < plan.quotes.size(); ++i) {
    const int pos = *std::find_if(d.waitlist.begin(), d.waitlist.end(), [&](const auto& e) {
                       return e.id == plan.quotes[i].entry_id;
                     })->position_in_queue;
    for (const WaitlistEntry& e : d.waitlist)
      n[i] += e.status == WaitlistStatus::Converted && *e.position_in_queue > pos;
    for (size_t j = i + 1; j < plan.quotes.size(); ++j)
      n[i] += place(plan.quotes[j].entry_id) < place(plan.quotes[i].entry_id);
  }
  return n;
}

}  // namespace

TEST_CASE("who to seat next: nobody is passed over by more than max_overtaken later joiners") {
  // Random floors, seated tables, queues and parties already seated from the
  // queue: following the recommendation never takes anyone past the limit
  // (a party already at it blocks everyone behind it), and the limit binds:
  // without it the same states pass someone over more often.
  uint64_t state = 777;
  auto next = [&state](int n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<uint64_t>(n));
  };
  int bound = 0, beyond_without = 0, recommended = 0;
  for (int round = 0; round < 300; ++round) {
    Venue v = two_tables();
    v.tables.clear();
    std::vector<Reservation> rs;
    for (int t = 0; t < 3 + next(6); ++t) {
      int cmax = 2 + 2 * next(3), id = t + 1;
      v.tables.push_back(table("t" + std::to_string(id), std::to_string(id), 1, cmax));
      if (next(3) == 0)
        rs.push_back(seated("s" + std::to_string(id), "t" + std::to_string(id), std::to_string(id),
                            "19:20", cmax));
    }
    std::vector<WaitlistEntry> ws;
    const int n = 4 + next(8);
    for (int k = 0; k < n; ++k) {
      std::string stamp = "19:" + std::to_string(10 + 2 * k);
      WaitlistEntry w = joined("w" + std::to_string(k), 1 + next(6), stamp.c_str(), k + 1);
      if (k > 0 && next(3) == 0) w.status = WaitlistStatus::Converted;  // seated before now
      ws.push_back(w);
    }
    DayBook d = day_of(rs, ws);
    for (SeatingPolicy p : {SeatingPolicy::FcfsFit, SeatingPolicy::Blend}) {
      WaitlistOptions o;
      o.policy = p;
      o.max_overtaken = next(3);
      auto plan = plan_waitlist(v, d, at("19:40"), o);
      REQUIRE(plan.ok());
      recommended += static_cast<int>(plan->seat_now.size());
      std::vector<int> before = overtakes(d, WaitlistPlan{plan->quotes, {}, {}});
      std::vector<int> after = overtakes(d, *plan);
      for (size_t i = 0; i < after.size(); ++i) {
        // Nobody goes past the limit; one already past it (seated by hand) gains nothing.
        CHECK(after[i] <= std::max(o.max_overtaken, before[i]));
        bound += after[i] == o.max_overtaken && after[i] > before[i];
      }
      WaitlistOptions free_for_all = o;
      free_for_all.max_overtaken = -1;
      auto loose = plan_waitlist(v, d, at("19:40"), free_for_all);
      std::vector<int> without = overtakes(d, *loose);
      for (size_t i = 0; i < without.size(); ++i)
        beyond_without += without[i] > std::max(o.max_overtaken, before[i]);
    }
  }
  CHECK(recommended > 200);
  CHECK(bound > 20);           // the limit is reached
  CHECK(beyond_without > 20);  // and it is what holds them back
}

TEST_CASE("who to seat next: the limit counts parties already seated from the queue") {
  Venue v = two_tables();
  // A six waits (no table for six); three couples who joined after it were
  // already seated. With the two-top free, the next couple would be the
  // fourth to pass it: at max_overtaken 3 nobody is recommended, at 4 the couple is.
  v.tables.push_back(table("t6", "6", 4, 6));
  std::vector<WaitlistEntry> ws = {joined("six", 6, "19:00", 1)};
  for (int k = 0; k < 3; ++k) {
    ws.push_back(joined("c" + std::to_string(k), 2, "19:05", 2 + k));
    ws.back().status = WaitlistStatus::Converted;
  }
  ws.push_back(joined("next", 2, "19:10", 5));
  DayBook d =
      day_of({seated("s4", "t4", "4", "19:00", 4), seated("s6", "t6", "6", "19:00", 6)}, ws);
  for (SeatingPolicy p : {SeatingPolicy::FcfsFit, SeatingPolicy::Blend}) {
    WaitlistOptions o;
    o.policy = p;
    o.max_overtaken = 3;
    CHECK(plan_waitlist(v, d, at("19:30"), o)->seat_now.empty());
    o.max_overtaken = 4;
    auto plan = plan_waitlist(v, d, at("19:30"), o);
    REQUIRE(plan->seat_now.size() == 1);
    CHECK(plan->seat_now[0].entry_id == "next");
  }
}

TEST_CASE("abandonment: parties ahead who may leave shorten the quote; none given, as before") {
  Venue v = two_tables();
  DayBook d = day_of({seated("s2", "t2", "2", "19:00", 2), seated("s4", "t4", "4", "19:00", 2)},
                     {entry("w1", 2, "19:10"), entry("w2", 2, "19:20")});
  // Everyone ahead stays (no input): both tables turn at 20:15 for them, the
  // third couple waits for the next turn.
  CHECK(quote_walk_in(v, d, 2, at("19:30"))->quoted_minutes == 120);
  WaitlistOptions half;
  half.abandonment = 0.5;
  // 0, 1 or 2 of the two ahead stay (1/4, 1/2, 1/4): 45, 45 or 120 minutes.
  auto q = quote_walk_in(v, d, 2, at("19:30"), half);
  REQUIRE(q.ok());
  CHECK(q->quoted_minutes == 64);  // 0.75 x 45 + 0.25 x 120 = 63.75
  CHECK(q->expected_seat_at.seconds == at("19:30").seconds + 64 * 60);
  CHECK(q->position == 3);
  // The first in the queue has nobody ahead: unchanged; the second is not
  // pushed past the first's quote.
  auto plan = plan_waitlist(v, d, at("19:30"), half);
  REQUIRE(plan.ok());
  CHECK(plan->quotes[0].quoted_minutes == 45);
  CHECK(plan->quotes[1].quoted_minutes == 45);
  WaitlistOptions all_leave;
  all_leave.abandonment = 1;
  CHECK(quote_walk_in(v, d, 2, at("19:30"), all_leave)->quoted_minutes == 45);
  CHECK_FALSE(quote_walk_in(v, d, 9, at("19:30"), half)->seatable);
}

TEST_CASE("observed abandonment: the day's rows closed unseated, shrunk towards none") {
  DayBook d = day_of({}, {entry("w1", 2, "19:10"), entry("w2", 2, "19:20"), entry("w3", 2, "19:25"),
                          entry("w4", 2, "19:30")});
  CHECK(observed_abandonment(d) == 0.0);  // nobody closed yet
  d.waitlist[0].status = WaitlistStatus::Expired;
  d.waitlist[1].status = WaitlistStatus::Cancelled;
  d.waitlist[2].status = WaitlistStatus::Converted;  // w4 still waiting: not counted
  CHECK(observed_abandonment(d, 0) == doctest::Approx(2.0 / 3));
  CHECK(observed_abandonment(d) == doctest::Approx(2.0 / 13));  // 10 rows of prior
  d.waitlist[0].date = Date{2026, 1, 1};                        // another day's row
  CHECK(observed_abandonment(d, 0) == doctest::Approx(1.0 / 2));
}

TEST_CASE("the day's quote options: the shipped policy with the day's abandonment") {
  Venue v = two_tables();
  std::vector<WaitlistEntry> ws = {entry("w1", 2, "19:10"), entry("w2", 2, "19:20")};
  for (int i = 0; i < 10; ++i) {  // ten couples who left unseated earlier today
    ws.push_back(entry("gone" + std::to_string(i), 2, "18:00"));
    ws.back().status = WaitlistStatus::Expired;
  }
  DayBook d =
      day_of({seated("s2", "t2", "2", "19:00", 2), seated("s4", "t4", "4", "19:00", 2)}, ws);
  const WaitlistOptions o = day_waitlist_options(d);
  CHECK(o.policy == WaitlistOptions{}.policy);
  CHECK(o.max_overtaken == WaitlistOptions{}.max_overtaken);
  CHECK(o.abandonment == doctest::Approx(0.5));  // 10 left of 10 closed, 10 rows of prior
  CHECK(quote_walk_in(v, d, 2, at("19:30"), o)->quoted_minutes == 64);
  CHECK(quote_walk_in(v, d, 2, at("19:30"))->quoted_minutes == 120);
}
