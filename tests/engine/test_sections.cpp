// Server sections (issue 13 item 3): the service's table -> server map, covers
// per server, initials, and assign's rotation between equally good tables.
#include <doctest/doctest.h>

#include <map>
#include <random>

#include "fixtures.hpp"
#include "foh/engine/assign.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/sections.hpp"

using namespace foh;
using namespace foh::test;
using RS = ReservationStatus;

namespace {

TeamMember member(std::string id, std::string name) {
  TeamMember m;
  m.id = std::move(id);
  m.restaurant_id = "rest-1";
  m.display_name = std::move(name);
  return m;
}

ServerSection section(const std::string& table, std::optional<Uuid> server,
                      std::optional<Uuid> service = std::nullopt, Date date = kThursday) {
  ServerSection s;
  s.id = "sec-" + table + (service ? "-" + *service : "");
  s.restaurant_id = "rest-1";
  s.table_id = table;
  s.date = date;
  s.service_id = std::move(service);
  s.team_member_id = std::move(server);
  return s;
}

LocalInstant at(const std::string& hhmm) {
  return LocalInstant::at(kThursday, *TimeOfDay::parse(hhmm));
}

// Eight equal four-tops: a1..a4 are Léa's, b1..b4 Marc's; open all day.
Venue two_sections_venue() {
  std::vector<Table> ts;
  for (const char* id : {"a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"})
    ts.push_back(table(
        id,
        std::string(id).substr(0, 1) == "a" ? std::string("A") + id[1] : std::string("B") + id[1],
        2, 4));
  Venue v = only(ts);
  v.team_members = {member("lea", "Léa"), member("marc", "Marc")};
  return v;
}

DayBook two_sections_day() {
  DayBook d = day_of();
  for (const char* id : {"a1", "a2", "a3", "a4"}) d.server_sections.push_back(section(id, "lea"));
  for (const char* id : {"b1", "b2", "b3", "b4"}) d.server_sections.push_back(section(id, "marc"));
  return d;
}

SeatRequest walk_in(std::string id, int party, const std::string& hhmm) {
  SeatRequest r;
  r.id = std::move(id);
  r.party_size = party;
  r.date = kThursday;
  r.time = *TimeOfDay::parse(hhmm);
  return r;
}

// Seats walk-ins every 10 minutes from 19:00 (parties 2, 4, 3, 2, 4, 3),
// with or without rotation; returns the server of each party's table.
std::vector<std::string> evening(bool rotate, std::vector<std::string>* reasons = nullptr) {
  Venue v = two_sections_venue();
  DayBook day = two_sections_day();
  const int parties[] = {2, 4, 3, 2, 4, 3};
  std::vector<std::string> servers;
  for (int i = 0; i < 6; ++i) {
    char hhmm[6];
    std::snprintf(hhmm, sizeof hhmm, "19:%02d", i * 10);
    SeatRequest req = walk_in("w" + std::to_string(i), parties[i], hhmm);
    Rotation rot = rotation_at(v, day, at(hhmm));
    if (rotate) req.rotation = &rot;
    auto d = suggest_table(v, day, req);
    REQUIRE(d.ok());
    REQUIRE(d->accepted);
    if (reasons) reasons->push_back(d->reason);
    Reservation r = booking_of(req, v);
    r.table_id = d->table_ids.front();
    r.table_number = d->table_number;
    r.status = RS::Seated;
    r.seated_at = at(hhmm).str();
    day.reservations.push_back(r);
    servers.push_back(*rot.sections.server_of(*r.table_id));
  }
  return servers;
}

}  // namespace

TEST_CASE("sections: one service's map, taken-back tables and other services left out") {
  std::vector<ServerSection> rows = {section("t1", "lea", "soir"), section("t2", "marc", "soir"),
                                     section("t3", std::nullopt, "soir"),
                                     section("t4", "lea", "midi"),
                                     section("t5", "lea", "soir", kFriday)};
  Sections s = sections_of(rows, kThursday, "soir");
  CHECK(s.server_of_table.size() == 2);
  REQUIRE(s.server_of("t1"));
  CHECK(*s.server_of("t1") == "lea");
  CHECK(*s.server_of("t2") == "marc");
  CHECK(s.server_of("t3") == nullptr);  // taken back
  CHECK(s.server_of("t4") == nullptr);  // lunch
  CHECK(s.server_of("t5") == nullptr);  // Friday
  Venue v = venue();
  CHECK(service_id_at(v, kThursday, *TimeOfDay::parse("19:30")) == std::optional<Uuid>("soir"));
  CHECK(service_id_at(v, kThursday, *TimeOfDay::parse("16:00")) == std::nullopt);
}

TEST_CASE("sections: covers per server, seated now, this service and the last 30 minutes") {
  Venue v = venue();
  v.team_members = {member("marc", "Marc"), member("lea", "Léa")};
  DayBook d = day_of({reservation("r1", "t1", "1", kThursday, "19:00", 2, RS::Completed),
                      reservation("r2", "t2", "2", kThursday, "19:40", 2, RS::Seated),
                      reservation("r3", "t3", "3", kThursday, "20:00", 4, RS::Seated),
                      reservation("r4", "t4", "4", kThursday, "20:15", 3, RS::Confirmed),
                      reservation("r5", "t3", "3", kThursday, "12:30", 4, RS::Completed)});
  d.reservations[1].seated_at = "2026-11-26T19:45:00";   // local
  d.reservations[2].seated_at = "2026-11-26T19:05:00Z";  // UTC, +1 h: 20:05 local
  d.reservations[2].arrived_count = 3;                   // three of four came
  d.utc_offset_s = 3600;
  d.server_sections = {section("t1", "lea", "soir"), section("t2", "lea", "soir"),
                       section("t3", "marc", "soir"), section("t4", "marc", "soir")};
  Sections s = sections_of(d.server_sections, kThursday, "soir");
  auto c = covers_by_server(v, d, s, "soir", at("20:10"));
  REQUIRE(c.size() == 2);
  CHECK(c[0].team_member_id == "marc");  // venue order
  CHECK(c[0].tables == 2);
  CHECK(c[0].seated_now == 3);
  CHECK(c[0].this_service == 3);  // lunch's r5 is another service; r4 not seated
  CHECK(c[0].recent == 3);        // 20:05
  CHECK(c[1].team_member_id == "lea");
  CHECK(c[1].seated_now == 2);
  CHECK(c[1].this_service == 4);
  CHECK(c[1].recent == 2);  // 19:45; r1 has no seated_at: 19:00, too long ago
  Rotation r = rotation_at(v, d, at("20:10"));
  CHECK(r.recent_of("marc") == 3);
  CHECK(r.recent_of("lea") == 2);
  CHECK(r.recent_of("nobody") == 0);
}

TEST_CASE("sections: rotation shares a busy evening between two sections that compete") {
  // Without rotation, equal tables are taken in floor order: Léa gets the first four parties.
  std::vector<std::string> plain = evening(false);
  CHECK(plain == std::vector<std::string>{"lea", "lea", "lea", "lea", "marc", "marc"});
  // With rotation, the section that seated fewer covers in the last 30 minutes gets the next.
  std::vector<std::string> reasons;
  std::vector<std::string> rotated = evening(true, &reasons);
  // Covers in the 30 minutes before each party (a seating exactly 30 minutes
  // ago no longer counts): 19:00 2 -> Léa (0/0: floor order); 19:10 4 -> Marc
  // (Léa 2, Marc 0); 19:20 3 -> Léa (2/4); 19:30 2 -> Léa (3/4); 19:40 4 -> Marc
  // (5/0); 19:50 3 -> Léa (2/4). Léa seats 10 covers, Marc 8, instead of 11/7.
  CHECK(rotated == std::vector<std::string>{"lea", "marc", "lea", "lea", "marc", "lea"});
  CHECK(reasons[0].find("rotation") == std::string::npos);  // equal covers: floor order decided
  CHECK(reasons[1].find(", rotation: Marc's section, 0 covers in the last 30 minutes") !=
        std::string::npos);
  CHECK(reasons[2].find(", rotation: L\u00e9a's section, 2 covers in the last 30 minutes") !=
        std::string::npos);
}

TEST_CASE("sections: rotation never makes a worse table win, and says nothing then") {
  // Léa has the two-top and many recent covers, Marc an idle four-top: a couple
  // still gets the exact fit.
  Venue v = only({table("t2", "2", 1, 2), table("t4", "4", 1, 4)});
  v.team_members = {member("lea", "Léa"), member("marc", "Marc")};
  DayBook d = day_of({reservation("r1", std::nullopt, "", kThursday, "18:00", 6, RS::Completed)});
  d.server_sections = {section("t2", "lea"), section("t4", "marc")};
  Rotation rot;
  rot.sections = sections_of(d.server_sections, kThursday, std::nullopt);
  rot.recent_covers = {{"lea", 12}, {"marc", 0}};
  SeatRequest req = walk_in("w", 2, "19:00");
  req.rotation = &rot;
  auto dec = suggest_table(v, d, req);
  REQUIRE(dec.ok());
  CHECK(dec->table_number == "2");
  CHECK(dec->reason.find("rotation") == std::string::npos);
  // Between two equal tables, one in no section: the sectioned one first.
  Venue eq = only({table("a", "A", 1, 4), table("b", "B", 1, 4)});
  eq.team_members = v.team_members;
  DayBook d2 = day_of();
  d2.server_sections = {section("b", "marc")};
  rot.sections = sections_of(d2.server_sections, kThursday, std::nullopt);
  auto dec2 = suggest_table(eq, d2, req);
  REQUIRE(dec2.ok());
  CHECK(dec2->table_number == "B");
  CHECK(dec2->reason.find("rotation: Marc's section") != std::string::npos);
}

TEST_CASE("sections: rotation only reorders ties (random days, the test restaurant)") {
  std::mt19937 rng(13);
  const Venue v = venue();
  int differed = 0;
  for (int round = 0; round < 300; ++round) {
    DayBook d = day_of();
    std::uniform_int_distribution<int> minute(0, 200), party(1, 6), who(0, 2);
    for (int k = 0; k < 6; ++k) {
      const Table& t = v.tables[rng() % v.tables.size()];
      int m = 19 * 60 + minute(rng) % 180;
      char hhmm[6];
      std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", m / 60, m % 60);
      d.reservations.push_back(reservation("r" + std::to_string(k), t.id, t.name, kThursday, hhmm,
                                           std::min(party(rng), t.capacity_max)));
    }
    Rotation rot;
    for (const Table& t : v.tables)
      if (int w = who(rng); w < 2) rot.sections.server_of_table[t.id] = w ? "marc" : "lea";
    rot.recent_covers = {{"lea", static_cast<int>(rng() % 8)},
                         {"marc", static_cast<int>(rng() % 8)}};
    int m = 19 * 60 + minute(rng) % 180;
    SeatRequest req = walk_in("x", party(rng), TimeOfDay::from_minutes(m).hhmm());
    auto plain = suggest_table(v, d, req);
    req.rotation = &rot;
    auto rotated = suggest_table(v, d, req);
    REQUIRE(plain.ok());
    REQUIRE(rotated.ok());
    REQUIRE(plain->accepted == rotated->accepted);
    if (!plain->accepted) continue;
    if (plain->table_ids != rotated->table_ids) ++differed;
    auto cap = [&](const Decision& dec) {
      for (const Table& t : v.tables)
        if (t.id == dec.table_ids.front()) return t.capacity_max;
      return -1;
    };
    // Same size, same combination or not, same window and spare seats: only which table.
    CHECK(cap(*plain) == cap(*rotated));
    CHECK(plain->table_ids.size() == rotated->table_ids.size());
    CHECK(plain->moved.size() == rotated->moved.size());
    auto tail = [](std::string s) {
      s = s.substr(s.find(')'));
      return s.substr(0, s.find(", rotation"));
    };
    CHECK(tail(plain->reason) == tail(rotated->reason));
  }
  CHECK(differed > 0);  // the rotation did choose
}

TEST_CASE("sections: the reason in French") {
  Venue v = two_sections_venue();
  DayBook d = two_sections_day();
  Rotation rot;
  rot.sections = sections_of(d.server_sections, kThursday, std::nullopt);
  rot.recent_covers = {{"lea", 5}, {"marc", 1}};
  SeatRequest req = walk_in("w", 2, "19:00");
  req.rotation = &rot;
  AssignOptions fr;
  fr.language = Language::Fr;
  auto dec = suggest_table(v, d, req, fr);
  REQUIRE(dec.ok());
  CHECK(dec->table_number == "B1");
  CHECK(
      dec->reason.find(", rotation\u00a0: rang de Marc, 1 couvert ces 30 derni\u00e8res minutes") !=
      std::string::npos);
}

TEST_CASE("sections: initials and the codec") {
  CHECK(initials("Marie Leroy") == "ML");
  CHECK(initials("léa") == "LÉ");
  CHECK(initials("Jean-Pierre Éluard") == "JP");
  CHECK(initials("Zoé") == "ZO");
  CHECK(initials("") == "");
  ServerSection s = section("t1", "lea", "soir");
  s.updated_at = "2026-11-26T18:00:00Z";
  s.extra = {{"note", "x"}};
  Json j = encode(s);
  CHECK(j["team_member_id"] == "lea");
  CHECK(j["service_id"] == "soir");
  CHECK(j["note"] == "x");
  auto back = decode_server_section(j, "server_sections[0]");
  REQUIRE(back.ok());
  CHECK(*back == s);
  j["team_member_id"] = nullptr;
  j["service_id"] = nullptr;
  auto taken = decode_server_section(j, "server_sections[0]");
  REQUIRE(taken.ok());
  CHECK(!taken->team_member_id);
  j.erase("table_id");
  auto bad = decode_server_section(j, "server_sections[0]");
  REQUIRE(!bad.ok());
  CHECK(bad.error().where == "server_sections[0].table_id");
  DayBook day = two_sections_day();
  auto round = decode_day(encode(day), "day");
  REQUIRE(round.ok());
  CHECK(round->server_sections == day.server_sections);
}
