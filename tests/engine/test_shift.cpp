// The shift at a glance, the pacing chart and the end-of-service report
// (engine shift.hpp) over a hand-built Thursday whose answers are worked out
// by hand in the comments.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "foh/engine/shift.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;
using WS = WaitlistStatus;

namespace {

// "2026-11-26T" + hh:mm, local (no zone).
std::string at(const std::string& hhmm) { return "2026-11-26T" + hhmm + ":00"; }

Reservation party(std::string id, std::string time, int size, RS status,
                  std::optional<std::string> seated = std::nullopt,
                  std::optional<std::string> done = std::nullopt,
                  std::string source = "Téléphone") {
  Reservation r =
      reservation(std::move(id), std::nullopt, "", kThursday, std::move(time), size, status);
  if (seated) r.seated_at = at(*seated);
  if (done) r.updated_at = at(*done);
  r.source = std::move(source);
  return r;
}

WaitlistEntry entry(std::string id, std::string joined, int size, WS status) {
  WaitlistEntry e;
  e.id = std::move(id);
  e.restaurant_id = "rest-1";
  e.date = kThursday;
  e.party_size = size;
  e.status = status;
  e.created_at = at(joined);
  return e;
}

Venue paced_venue() {
  Venue v = venue();  // Thursday: midi 12:00-14:30, soir 19:00-23:00; turns 2:75 4:90 6:120
  Settings& s = v.restaurant.settings;
  s.max_covers_per_slot = 8;
  s.capacity_types = {CapacityType{"Couple", 1, 1, 2, Json::object()},
                      CapacityType{"Table de 4", 2, 3, 4, Json::object()},
                      CapacityType{"Groupe", 3, 5, 99, Json::object()}};
  s.defaults_calendar = {DefaultsCalendarDay{4, 40, true, Json::object()}};  // 4 = Thursday
  return v;
}

// Thursday at 20:10.
DayBook thursday() {
  return day_of(
      {
          // midi
          party("m1", "12:00", 2, RS::Completed, "12:05", "13:20"),  // turn 75
          party("m6", "12:00", 2, RS::Completed, "12:02", "13:07"),  // turn 65
          party("m2", "12:15", 4, RS::Completed, "12:20", "13:56"),  // turn 96
          party("m3", "12:30", 2, RS::NoShow),
          party("m5", "12:30", 2, RS::Cancelled),
          party("m4", "13:00", 3, RS::Completed, "13:00", "14:00",
                "Walk-in"),                        // turn 60
                                                   // between the services
          party("o1", "16:00", 2, RS::Confirmed),  // 250 min late at 20:10
                                                   // soir
          party("s1", "19:00", 2, RS::Seated, "19:05"),
          party("s2", "19:00", 4, RS::Completed, "19:00", "20:05"),  // turn 65
          party("s7", "19:15", 2, RS::NoShow),
          party("s3", "19:30", 6, RS::Confirmed),  // 40 min late
          party("s9", "19:40", 4, RS::Seated, "19:40", std::nullopt, "Liste d'attente"),
          party("s6", "19:45", 3, RS::Arrived),
          party("s4", "19:50", 2, RS::Pending),    // 20 min late (20:05 is 15 after)
          party("s5", "20:00", 4, RS::Confirmed),  // 10 min: not late yet
          party("s8", "20:00", 2, RS::Seated, "20:01", std::nullopt, "Walk-in"),
          party("s11", "20:30", 2, RS::Seated, "20:05"),  // seated early
          party("s10", "21:00", 5, RS::Cancelled),
      },
      {
          entry("w5", "12:40", 2, WS::Expired), entry("w4", "19:20", 2, WS::Cancelled),
          entry("w3", "19:35", 4, WS::Converted), entry("w1", "19:50", 2, WS::Waiting),  // 20 min
          entry("w2", "20:02", 3, WS::Notified),                                         // 8 min
      });
}

LocalInstant thursday_at(const std::string& hhmm) {
  return LocalInstant::at(kThursday, *TimeOfDay::parse(hhmm));
}

const ServiceShift& service(const Shift& s, const std::string& id) {
  for (const ServiceShift& sv : s.services)
    if (sv.service_id == id) return sv;
  FAIL("no service " << id);
  return s.services.front();
}

const PacingSlot* slot(const PacingChart& c, const std::string& hhmm) {
  const int m = TimeOfDay::parse(hhmm)->minutes();
  for (const PacingSlot& s : c.slots)
    if (s.start_minute == m) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("shift: the dinner at a glance at 20:10") {
  const Venue v = paced_venue();
  const DayBook d = thursday();
  const Shift s = shift_of(v, d, thursday_at("20:10"));
  REQUIRE(s.services.size() == 3);  // midi, soir, outside (o1 at 16:00)
  CHECK(s.services[0].service_id == "midi");
  CHECK(s.services[1].service_id == "soir");
  CHECK(s.services[2].outside);
  CHECK(s.current == 1);  // soir is under way

  const ShiftGlance& g = service(s, "soir").glance;
  // On the book: s1 2, s2 4, s3 6, s4 2, s5 4, s6 3, s8 2, s9 4, s11 2 (not s7, s10).
  CHECK(g.parties_booked == 9);
  CHECK(g.covers_booked == 29);
  CHECK(g.parties_seated == 5);  // s1 s2 s8 s9 s11
  CHECK(g.covers_seated == 14);
  CHECK(g.parties_at_table == 4);  // s2 has left
  CHECK(g.covers_at_table == 10);
  CHECK(g.parties_arrived == 1);
  CHECK(g.covers_arrived == 3);
  CHECK(g.parties_to_come == 3);  // s3 s4 s5
  CHECK(g.covers_to_come == 12);
  CHECK(g.covers_booked == g.covers_seated + g.covers_arrived + g.covers_to_come);
  CHECK(g.parties_waiting == 2);  // w1, w2
  CHECK(g.covers_waiting == 5);
  CHECK(g.longest_wait_minutes == 20);  // w1 since 19:50
  REQUIRE(g.late.size() == 2);
  CHECK(g.late[0].reservation_id == "s3");
  CHECK(g.late[0].minutes_late == 40);
  CHECK(g.late[1].reservation_id == "s4");
  CHECK(g.late[1].minutes_late == 20);
  CHECK(g.no_show_parties == 1);
  CHECK(g.no_show_covers == 2);
  REQUIRE(g.turns.size() == 1);  // only s2 has finished
  CHECK(g.turns[0].party_size == 4);
  CHECK(g.turns[0].parties == 1);
  CHECK(g.turns[0].average_minutes == 65);
  CHECK(g.turns[0].target_minutes == 90);
}

TEST_CASE("shift: the whole day, its load and its turn times by party size") {
  const Shift s = shift_of(paced_venue(), thursday(), thursday_at("20:10"));
  const ShiftGlance& day = s.day;
  CHECK(day.parties_booked == 14);  // midi 4 + soir 9 + o1
  CHECK(day.covers_booked == 42);   // 11 + 29 + 2
  CHECK(day.covers_to_come == 14);  // soir 12 + o1 2
  REQUIRE(day.late.size() == 3);
  CHECK(day.late[0].reservation_id == "o1");
  CHECK(day.late[0].minutes_late == 250);
  CHECK(day.no_show_parties == 2);  // m3, s7
  REQUIRE(day.turns.size() == 3);
  CHECK(day.turns[0].party_size == 2);
  CHECK(day.turns[0].parties == 2);
  CHECK(day.turns[0].average_minutes == 70);  // (75 + 65) / 2
  CHECK(day.turns[0].target_minutes == 75);
  CHECK(day.turns[1].party_size == 3);
  CHECK(day.turns[1].average_minutes == 60);
  CHECK(day.turns[1].target_minutes == 75);  // the entry of size 2 holds 3
  CHECK(day.turns[2].party_size == 4);
  CHECK(day.turns[2].average_minutes == 81);  // (96 + 65) / 2 = 80.5, to the nearest
  CHECK(day.turns[2].target_minutes == 90);
  // Load units (1-2: 1, 3-4: 2, 5+: 3) of every party on the book:
  // midi 1+1+2+2, o1 1, soir 1+2+3+1+2+2+1+2+1.
  CHECK(s.load == 6 + 1 + 15);
  CHECK(s.max_load == 40);
}

TEST_CASE("shift: the end-of-service report of each service") {
  const Shift s = shift_of(paced_venue(), thursday(), thursday_at("23:30"));
  const ServiceReport& midi = service(s, "midi").report;
  CHECK(midi.parties == 4);
  CHECK(midi.covers == 11);
  CHECK(midi.walk_in_parties == 1);
  CHECK(midi.walk_in_covers == 3);
  CHECK(midi.waitlist_joined == 1);  // w5, joined 12:40
  CHECK(midi.waitlist_converted == 0);
  CHECK(midi.no_show_parties == 1);
  CHECK(midi.no_show_covers == 2);
  CHECK(midi.cancelled_parties == 1);
  CHECK(midi.cancelled_covers == 2);
  REQUIRE(midi.turns.size() == 3);
  CHECK(midi.turns[2].average_minutes == 96);

  const ServiceReport& soir = service(s, "soir").report;
  CHECK(soir.parties == 5);
  CHECK(soir.covers == 14);
  CHECK(soir.walk_in_parties == 1);  // s8; s9 came from the waitlist
  CHECK(soir.walk_in_covers == 2);
  CHECK(soir.waitlist_joined == 4);  // w4 w3 w1 w2
  CHECK(soir.waitlist_converted == 1);
  CHECK(soir.cancelled_parties == 1);
  CHECK(soir.cancelled_covers == 5);
  CHECK(s.current == 1);  // after the last service: the last
}

TEST_CASE("shift: the pacing chart, booked against seated against the limit") {
  const Shift s = shift_of(paced_venue(), thursday(), thursday_at("20:10"));
  const PacingChart& c = service(s, "soir").chart;
  CHECK(c.slot_minutes == 15);
  CHECK(c.limit == 8);
  REQUIRE(c.slots.size() == 16);  // 19:00 to 23:00
  CHECK(c.slots.front().start_minute == 19 * 60);
  CHECK(c.slots.back().start_minute == 22 * 60 + 45);
  // Booked by time: 19:00 s1+s2; 19:30 s3+s9 (over the limit); 19:45 s6+s4;
  // 20:00 s5+s8; 20:30 s11; s7 and s10 do not count.
  CHECK(slot(c, "19:00")->booked == 6);
  CHECK(slot(c, "19:15")->booked == 0);
  CHECK(slot(c, "19:30")->booked == 10);
  CHECK(slot(c, "19:45")->booked == 5);
  CHECK(slot(c, "20:00")->booked == 6);
  CHECK(slot(c, "20:30")->booked == 2);
  CHECK(slot(c, "21:00")->booked == 0);
  // Seated where they sat down: s1 19:05 + s2 19:00; s9 19:40; s8 20:01 + s11 20:05.
  CHECK(slot(c, "19:00")->seated == 6);
  CHECK(slot(c, "19:30")->seated == 4);
  CHECK(slot(c, "20:00")->seated == 4);
  CHECK(slot(c, "20:30")->seated == 0);
  CHECK(c.peak == 10);

  const PacingChart& midi = service(s, "midi").chart;
  REQUIRE(midi.slots.size() == 10);  // 12:00 to 14:30
  CHECK(slot(midi, "12:00")->booked == 4);
  CHECK(slot(midi, "12:00")->seated == 4);
  CHECK(slot(midi, "12:15")->booked == 4);
  CHECK(slot(midi, "12:30")->booked == 0);  // a no-show and a cancellation
  CHECK(slot(midi, "13:00")->seated == 3);
  CHECK(midi.peak == 8);  // the limit is the tallest

  const PacingChart& outside = s.services[2].chart;
  REQUIRE(outside.slots.size() == 1);
  CHECK(outside.slots[0].start_minute == 16 * 60);
  CHECK(outside.slots[0].booked == 2);
}

TEST_CASE("shift: a party seated before its service starts widens the chart") {
  Venue v = paced_venue();
  DayBook d = day_of({party("e1", "19:00", 4, RS::Seated, "18:50")});
  const Shift s = shift_of(v, d, thursday_at("19:10"));
  const PacingChart& c = service(s, "soir").chart;
  REQUIRE(c.slots.size() == 17);
  CHECK(c.slots.front().start_minute == 18 * 60 + 45);
  CHECK(c.slots.front().seated == 4);
  CHECK(c.slots.front().booked == 0);
  CHECK(slot(c, "19:00")->booked == 4);
}

TEST_CASE("shift: a service past midnight keeps its small hours") {
  Venue v = paced_venue();
  DayBook d = day_of();
  d.date = kFriday;  // soir-vendredi 19:00-01:00
  Reservation late_one = reservation("f1", std::nullopt, "", kFriday, "00:30", 2, RS::Seated);
  late_one.seated_at = "2026-11-28T00:32:00";
  d.reservations = {late_one};
  const Shift s =
      shift_of(v, d, LocalInstant::at(kFriday.plus_days(1), *TimeOfDay::parse("00:40")));
  const ServiceShift& soir = service(s, "soir-vendredi");
  CHECK(soir.end_minute == 25 * 60);
  CHECK(soir.glance.parties_seated == 1);
  const PacingChart& c = soir.chart;
  REQUIRE(c.slots.size() == 24);  // 19:00 to 01:00
  CHECK(c.slots.back().start_minute == 24 * 60 + 45);
  const PacingSlot* small = nullptr;
  for (const PacingSlot& p : c.slots)
    if (p.start_minute == 24 * 60 + 30) small = &p;
  REQUIRE(small);
  CHECK(small->booked == 2);
  CHECK(small->seated == 2);
  CHECK(s.current == 1);  // midi, then soir-vendredi under way at 00:40
}

TEST_CASE("shift: no services: the whole day is one") {
  Venue v = only({table("t1", "1", 1, 4)});
  DayBook d = day_of({party("a", "15:00", 3, RS::Confirmed)});
  const Shift s = shift_of(v, d, thursday_at("15:20"));
  REQUIRE(s.services.size() == 1);
  CHECK(s.services[0].service_id.empty());
  CHECK_FALSE(s.services[0].outside);
  CHECK(s.services[0].glance.late.size() == 1);
  CHECK(s.services[0].glance.late[0].minutes_late == 20);
  CHECK(report_csv(s, Language::En).find(",All day,Covers,,0,") != std::string::npos);
}

TEST_CASE("shift: a turn needs both stamps and a minute") {
  Venue v = paced_venue();
  DayBook d = day_of({party("a", "19:00", 2, RS::Completed, "19:00", "19:00"),  // undone tap
                      party("b", "19:00", 2, RS::Completed, std::nullopt, "20:00"),
                      party("c", "19:00", 2, RS::Completed, "19:10", "20:31")});  // 81
  const Shift s = shift_of(v, d, thursday_at("21:00"));
  REQUIRE(s.day.turns.size() == 1);
  CHECK(s.day.turns[0].parties == 1);
  CHECK(s.day.turns[0].average_minutes == 81);
}

TEST_CASE("csv: RFC 4180 quoting") {
  CHECK(csv_field("Soir") == "Soir");
  CHECK(csv_field("") == "");
  CHECK(csv_field("Soir, terrasse") == "\"Soir, terrasse\"");
  CHECK(csv_field("Le \"Zinc\"") == "\"Le \"\"Zinc\"\"\"");
  CHECK(csv_field("deux\nlignes") == "\"deux\nlignes\"");
  CHECK(csv_field("cr\rlf") == "\"cr\rlf\"");
  CHECK(csv_field("L'été") == "L'été");
  CHECK(csv_record({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("csv: the end-of-service report, one measure a record") {
  Venue v = paced_venue();
  v.services[0].name = "Déjeuner \"express\", salle";
  const Shift s = shift_of(v, thursday(), thursday_at("23:30"));
  const std::string en = report_csv(s, Language::En);
  CHECK(en.rfind("Date,Service,Measure,Party size,Value,Target\r\n", 0) == 0);
  const std::string midi = "2026-11-26,\"Déjeuner \"\"express\"\", salle\",";
  CHECK(en.find(midi + "Covers,,11,\r\n") != std::string::npos);
  CHECK(en.find(midi + "Walk-ins (covers),,3,\r\n") != std::string::npos);
  CHECK(en.find(midi + "Average turn (min),2,70,75\r\n") != std::string::npos);
  CHECK(en.find(midi + "Parties finished,2,2,\r\n") != std::string::npos);
  CHECK(en.find("2026-11-26,soir,Waitlist: seated,,1,\r\n") != std::string::npos);
  CHECK(en.find("2026-11-26,soir,Cancellations (covers),,5,\r\n") != std::string::npos);
  CHECK(en.find("2026-11-26,Outside services,Covers,,0,\r\n") != std::string::npos);
  // Every record has six fields (no field of this report holds a comma unquoted).
  size_t records = 0;
  for (size_t i = 0; (i = en.find("\r\n", i)) != std::string::npos; i += 2) ++records;
  // header + per service 10 measures + 2 per party size: midi 3 sizes, soir 1, outside 0.
  CHECK(records == 1 + (10 + 6) + (10 + 2) + 10);
  const std::string fr = report_csv(s, Language::Fr);
  CHECK(fr.rfind("Date,Service,Mesure,Taille de la tablée,Valeur,Objectif\r\n", 0) == 0);
  CHECK(fr.find("2026-11-26,soir,Liste d'attente\u00a0: installés,,1,\r\n") != std::string::npos);
  CHECK(fr.find("2026-11-26,Hors service,Couverts,,0,\r\n") != std::string::npos);
}
