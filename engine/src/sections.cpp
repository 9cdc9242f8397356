// Server sections: one service's table -> server map, covers per server, the
// rotation assign reads, and a server's initials for the floor.
#include "foh/engine/sections.hpp"

#include <algorithm>
#include <map>

#include "foh/engine/rules.hpp"

namespace foh {

std::optional<Uuid> service_id_at(const Venue& v, Date d, TimeOfDay t) {
  auto s = service_at(d, t, v.services);
  if (!s || !*s) return std::nullopt;
  return (*s)->id;
}

const Uuid* Sections::server_of(const Uuid& table_id) const {
  auto it = server_of_table.find(table_id);
  return it == server_of_table.end() ? nullptr : &it->second;
}

Sections sections_of(const std::vector<ServerSection>& rows, Date date,
                     const std::optional<Uuid>& service_id) {
  Sections s;
  for (const ServerSection& r : rows)
    if (r.date == date && r.service_id == service_id && r.team_member_id)
      s.server_of_table[r.table_id] = *r.team_member_id;
  return s;
}

int Rotation::recent_of(const Uuid& team_member_id) const {
  auto it = recent_covers.find(team_member_id);
  return it == recent_covers.end() ? 0 : it->second;
}

namespace {

// When the party sat down: seated_at in local time, else its booked time.
LocalInstant seated_time(const Reservation& r, int utc_offset_s) {
  if (r.seated_at)
    if (auto t = LocalInstant::from_timestamp(*r.seated_at, utc_offset_s)) return *t;
  return LocalInstant::at(r.date, r.time);
}

}  // namespace

std::vector<ServerCovers> covers_by_server(const Venue& v, const DayBook& day,
                                           const Sections& sections,
                                           const std::optional<Uuid>& service_id,
                                           LocalInstant now) {
  std::map<Uuid, ServerCovers> by_id;
  for (const auto& [table, server] : sections.server_of_table) {
    ServerCovers& c = by_id[server];
    c.team_member_id = server;
    ++c.tables;
  }
  const int64_t since = now.seconds - int64_t{kRotationMinutes} * 60;
  for (const Reservation& r : day.reservations) {
    if (!r.table_id) continue;
    const bool seated = r.status == ReservationStatus::Seated;
    if (!seated && r.status != ReservationStatus::Completed) continue;
    const Uuid* server = sections.server_of(*r.table_id);
    if (!server || service_id_at(v, r.date, r.time) != service_id) continue;
    ServerCovers& c = by_id[*server];
    const int covers = r.arrived_count.value_or(r.party_size);
    if (seated) c.seated_now += covers;
    c.this_service += covers;
    LocalInstant at = seated_time(r, day.utc_offset_s);
    if (at.seconds > since && at.seconds <= now.seconds) c.recent += covers;
  }
  std::vector<ServerCovers> out;
  out.reserve(by_id.size());
  for (const TeamMember& m : v.team_members) {
    auto it = by_id.find(m.id);
    if (it == by_id.end()) continue;
    out.push_back(it->second);
    by_id.erase(it);
  }
  for (auto& [id, c] : by_id) out.push_back(c);
  return out;
}

Rotation rotation_at(const Venue& v, const DayBook& day, LocalInstant now) {
  Rotation r;
  const std::optional<Uuid> service = service_id_at(v, now.date(), now.time());
  r.sections = sections_of(day.server_sections, day.date, service);
  if (r.sections.empty()) return r;
  for (const ServerCovers& c : covers_by_server(v, day, r.sections, service, now))
    r.recent_covers[c.team_member_id] = c.recent;
  return r;
}

namespace {

// The code point at s[i] and its length in bytes (a stray byte: itself, 1).
char32_t code_point(const std::string& s, size_t i, size_t& len) {
  const auto b = static_cast<unsigned char>(s[i]);
  len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (len == 1 || i + len > s.size()) {
    len = 1;
    return b;
  }
  char32_t cp = b & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

void append_upper(std::string& out, char32_t cp) {
  if (cp >= U'a' && cp <= U'z') cp -= 0x20;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) cp -= 0x20;  // à..þ -> À..Þ
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_separator(char32_t cp) { return cp == U' ' || cp == U'-' || cp == U'.' || cp == U'\''; }

}  // namespace

std::string initials(const std::string& display_name) {
  std::vector<char32_t> word_starts, letters;
  bool in_word = false;
  for (size_t i = 0, len = 0; i < display_name.size(); i += len) {
    char32_t cp = code_point(display_name, i, len);
    if (is_separator(cp)) {
      in_word = false;
      continue;
    }
    if (!in_word) word_starts.push_back(cp);
    in_word = true;
    letters.push_back(cp);
  }
  const std::vector<char32_t>& from = word_starts.size() >= 2 ? word_starts : letters;
  std::string out;
  for (size_t k = 0; k < std::min<size_t>(2, from.size()); ++k) append_upper(out, from[k]);
  return out;
}

}  // namespace foh
