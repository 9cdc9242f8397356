// The database refuses what the engine refuses (migration 016 against the
// decoders of engine/src/codec_*.cpp and engine/include/foh/engine/limits.hpp):
// the same edge values go to foh::decode_* and to PostgreSQL (as the service
// role, whose writes the CHECKs bind as well), and both must accept or both
// refuse. A row the database keeps but a terminal cannot decode once stopped
// every terminal that pulled it.
#include <doctest/doctest.h>

#include <string>

#include "client.hpp"
#include "foh/engine/codec.hpp"
#include "foh/engine/limits.hpp"

using namespace fohtest;
using nlohmann::json;

namespace {

enum class Kind { Reservation, Waitlist };

json base(Kind k, const std::string& r) {
  if (k == Kind::Reservation)
    return {{"id", uuid()},         {"restaurant_id", r}, {"guest_name", "Edge"}, {"party_size", 2},
            {"date", "2026-12-30"}, {"time", "19:00:00"}, {"status", "Pending"}};
  return {{"id", uuid()},
          {"restaurant_id", r},
          {"guest_name", "Edge"},
          {"party_size", 2},
          {"date", "2026-12-30"},
          {"status", "waiting"},
          {"notification_token", uuid()}};
}

// Sends `value` in `column` both ways; returns whether the engine accepted
// (the caller lists the expectation too, so a limit dropped on both sides
// still fails).
void agree(Kind k, const std::string& r, const std::string& column, const json& value,
           bool expected) {
  json row = base(k, r);
  row[column] = value;
  std::string shown = value.is_string() && value.get<std::string>().size() > 40
                          ? std::to_string(value.get<std::string>().size()) + " bytes"
                          : value.dump();
  CAPTURE(column);
  CAPTURE(shown);
  bool engine = k == Kind::Reservation ? static_cast<bool>(foh::decode_reservation(row, "row"))
                                       : static_cast<bool>(foh::decode_waitlist_entry(row, "row"));
  Resp db = post(k == Kind::Reservation ? "/rest/v1/reservations" : "/rest/v1/waitlist_entries",
                 row, service());
  CAPTURE(db.raw.substr(0, 300));
  CHECK(engine == expected);
  CHECK((db.status == 201) == engine);
  if (db.status != 201) CHECK((db.status >= 400 && db.status < 500));
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("limits agree: times of day") {
  std::string r = seed_restaurant("Limits time");
  for (Kind k : {Kind::Reservation, Kind::Waitlist}) {
    agree(k, r, "time", "00:00:00", true);
    agree(k, r, "time", "23:59", true);
    agree(k, r, "time", "23:59:59", true);
    agree(k, r, "time", "24:00", false);
    agree(k, r, "time", "24:00:00", false);
    agree(k, r, "time", "23:59:60", false);
    agree(k, r, "time", "25:00", false);
  }
}

TEST_CASE("limits agree: dates") {
  std::string r = seed_restaurant("Limits date");
  for (Kind k : {Kind::Reservation, Kind::Waitlist}) {
    agree(k, r, "date", "0001-01-01", true);
    agree(k, r, "date", "9999-12-31", true);
    agree(k, r, "date", "2024-02-29", true);
    agree(k, r, "date", "2026-02-29", false);
    agree(k, r, "date", "10000-01-01", false);
    agree(k, r, "date", "0001-01-01 BC", false);
    agree(k, r, "date", "infinity", false);
  }
}

TEST_CASE("limits agree: timestamps are finite and of years 1..9999") {
  std::string r = seed_restaurant("Limits timestamps");
  for (Kind k : {Kind::Reservation, Kind::Waitlist}) {
    agree(k, r, "created_at", "2026-12-01T10:00:00+01:00", true);
    agree(k, r, "created_at", "2026-12-01T10:00:00.123456Z", true);
    agree(k, r, "created_at", "9999-12-29T00:00:00Z", true);
    agree(k, r, "created_at", "-infinity", false);
    agree(k, r, "created_at", "infinity", false);
    agree(k, r, "created_at", "10000-01-01T00:00:00Z", false);
  }
  agree(Kind::Reservation, r, "seated_at", "-infinity", false);
  agree(Kind::Waitlist, r, "notified_at", "infinity", false);
  agree(Kind::Waitlist, r, "called_at", "2026-12-01T10:00:00Z", true);
}

TEST_CASE("limits agree: party size, duration, arrived_count") {
  std::string r = seed_restaurant("Limits numbers");
  for (Kind k : {Kind::Reservation, Kind::Waitlist}) {
    agree(k, r, "party_size", 0, false);
    agree(k, r, "party_size", 1, true);
    agree(k, r, "party_size", 99, true);
    agree(k, r, "party_size", 100, false);
  }
  agree(Kind::Reservation, r, "duration", 0, false);
  agree(Kind::Reservation, r, "duration", 1, true);
  agree(Kind::Reservation, r, "duration", 1440, true);
  agree(Kind::Reservation, r, "duration", 1441, false);
  agree(Kind::Reservation, r, "arrived_count", -1, false);
  agree(Kind::Reservation, r, "arrived_count", 0, true);
  agree(Kind::Reservation, r, "arrived_count", 99, true);
  agree(Kind::Reservation, r, "arrived_count", 100, false);
  agree(Kind::Waitlist, r, "position_in_queue", -1, false);
  agree(Kind::Waitlist, r, "position_in_queue", 0, true);
}

TEST_CASE("limits agree: text lengths, in characters") {
  namespace L = foh::limits;
  std::string r = seed_restaurant("Limits text");
  struct Bound {
    Kind kind;
    const char* column;
    size_t max;
  };
  for (Bound b : {Bound{Kind::Reservation, "guest_name", L::kMaxNameChars},
                  Bound{Kind::Reservation, "table_number", L::kMaxTableNumberChars},
                  Bound{Kind::Reservation, "guest_phone", L::kMaxPhoneChars},
                  Bound{Kind::Reservation, "guest_email", L::kMaxEmailChars},
                  Bound{Kind::Reservation, "notes", L::kMaxNotesChars},
                  Bound{Kind::Reservation, "source", L::kMaxNameChars},
                  Bound{Kind::Waitlist, "guest_name", L::kMaxNameChars},
                  Bound{Kind::Waitlist, "guest_phone", L::kMaxPhoneChars},
                  Bound{Kind::Waitlist, "guest_email", L::kMaxEmailChars},
                  Bound{Kind::Waitlist, "notes", L::kMaxNotesChars}}) {
    // "é" is two bytes and one character on both sides.
    agree(b.kind, r, b.column, repeat("é", b.max), true);
    agree(b.kind, r, b.column, repeat("é", b.max + 1), false);
  }
  // The 600 KB combination of 200 000 table names.
  agree(Kind::Reservation, r, "table_number", repeat("1+", 200000) + "1", false);
  agree(Kind::Reservation, r, "notes", std::string(50 << 20 >> 4, 'n'), false);  // 3 MB
}

// 028: a customer's tags, each and how many (the card every terminal pulls).
TEST_CASE("limits agree: a customer's tags") {
  namespace L = foh::limits;
  std::string r = seed_restaurant("Limits tags");
  int n = 0;
  auto both = [&](const json& tags, bool expected) {
    json row = {{"id", uuid()},
                {"restaurant_id", r},
                {"name", "Edge"},
                {"phone", "06 12 00 00 " + std::to_string(10 + n++)},
                {"tags", tags}};
    const bool engine = static_cast<bool>(foh::decode_customer(row, "row"));
    Resp db = post("/rest/v1/customers", row, service());
    CAPTURE(tags.size());
    CAPTURE(db.raw.substr(0, 300));
    CHECK(engine == expected);
    CHECK((db.status == 201) == engine);
    if (db.status != 201) CHECK((db.status >= 400 && db.status < 500));
  };
  both(json::array({repeat("é", L::kMaxTagChars)}), true);
  both(json::array({"VIP", repeat("é", L::kMaxTagChars + 1)}), false);
  both(json(std::vector<std::string>(L::kMaxTags, "VIP")), true);
  both(json(std::vector<std::string>(L::kMaxTags + 1, "VIP")), false);
  both(json(std::vector<std::string>(5000, repeat("x", 1000))), false);  // 5 MB of tags
}
