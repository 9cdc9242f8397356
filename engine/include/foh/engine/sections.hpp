#pragma once
// Server sections (issue 13 item 3): which server has which table during a
// service, the covers each server's section holds and has seated, and the
// rotation assign uses between equally good tables (assign.hpp). Pure: the
// day's rows and "now" are inputs.
#include <optional>
#include <unordered_map>
#include <vector>

#include "foh/engine/calendar.hpp"
#include "foh/engine/model.hpp"

namespace foh {

// Rotation looks this far back: the section that seated the fewest covers in
// the last 30 minutes gets the next party (issue 13).
inline constexpr int kRotationMinutes = 30;

// The service a time of `d` belongs to: its id, or nullopt when the
// restaurant has no services (open all day) or is closed then.
std::optional<Uuid> service_id_at(const Venue& v, Date d, TimeOfDay t);

// One service's sections: table -> server. Rows of other dates or services,
// and rows whose server was taken back (null), are left out.
struct Sections {
  std::unordered_map<Uuid, Uuid> server_of_table;
  const Uuid* server_of(const Uuid& table_id) const;
  bool empty() const { return server_of_table.empty(); }
};
Sections sections_of(const std::vector<ServerSection>& rows, Date date,
                     const std::optional<Uuid>& service_id);

// What one server's section holds and has seated.
struct ServerCovers {
  Uuid team_member_id;
  int tables = 0;        // tables in the section
  int seated_now = 0;    // covers seated at its tables now (status Seated)
  int this_service = 0;  // covers seated there this service (Seated or Completed)
  int recent = 0;        // of those, seated in the last kRotationMinutes before `now`
};
// One entry per server who has tables, in venue.team_members order (then
// by id for members the venue does not list). A party's seating time is its
// seated_at (restaurant-local with day.utc_offset_s), else its booked time; a
// party belongs to the service its booked time falls in.
std::vector<ServerCovers> covers_by_server(const Venue& v, const DayBook& day,
                                           const Sections& sections,
                                           const std::optional<Uuid>& service_id, LocalInstant now);

// Assign's rotation input: the sections, and the covers each section seated
// in the last kRotationMinutes (servers absent from recent_covers: none).
struct Rotation {
  Sections sections;
  std::unordered_map<Uuid, int> recent_covers;
  int recent_of(const Uuid& team_member_id) const;
};
// The rotation of the service open at `now` on `day` (its sections and their
// recent covers); empty sections when none are set.
Rotation rotation_at(const Venue& v, const DayBook& day, LocalInstant now);

// "ML" for "Marie Leroy", "LÉ" for "Léa" (first letters of the first two
// words, else the first two letters; UTF-8 aware, upper-cased for ASCII and
// Latin-1 letters).
std::string initials(const std::string& display_name);

}  // namespace foh
