// Server sections (issue 13 item 3): a Manager gives a table to a server, or
// takes it back, for one service of one date. One tap, one row write.
#include <openssl/sha.h>

#include <cstdio>

#include "foh/engine/codec.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/net/rows.hpp"
#include "foh/net/store.hpp"
#include "store_write.hpp"

namespace foh::net {

// A name-based UUID (RFC 4122 version 5 layout, SHA-1) of the section's key:
// every terminal giving this table for this service writes the same row, so
// two managers' taps meet in one row (the last write wins) instead of a
// second row the database's unique key would refuse.
Uuid section_id(const Uuid& restaurant_id, Date date, const std::optional<Uuid>& service_id,
                const Uuid& table_id) {
  const std::string key = "foh:server_sections:" + restaurant_id + ":" + date.str() + ":" +
                          service_id.value_or("") + ":" + table_id;
  unsigned char h[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(key.data()), key.size(), h);
  h[6] = static_cast<unsigned char>((h[6] & 0x0f) | 0x50);  // version 5
  h[8] = static_cast<unsigned char>((h[8] & 0x3f) | 0x80);  // RFC 4122 variant
  char out[37];
  std::snprintf(out, sizeof out,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", h[0], h[1],
                h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13], h[14],
                h[15]);
  return out;
}

Result<ServerSection> Store::set_section(const Uuid& table_id, Date date,
                                         const std::optional<Uuid>& service_id,
                                         const std::optional<Uuid>& team_member_id,
                                         const Actor& by) {
  if (!may_authorize(by.role, action::kSections))
    return Error{std::string(Rows<ServerSection>::table),
                 "giving tables to servers needs a Manager or Admin", "sections_need_manager"};
  if (!Rows<Table>(cache_).json(table_id))
    return Error{Rows<Table>::where(table_id), "unknown table", "unknown_table"};
  if (team_member_id && !Rows<TeamMember>(cache_).json(*team_member_id))
    return Error{Rows<TeamMember>::where(*team_member_id), "unknown team member", "unknown_member"};
  ServerSection s;
  s.restaurant_id = restaurant_id(cache_);
  s.id = section_id(s.restaurant_id, date, service_id, table_id);
  std::optional<Json> before;
  if (auto j = Rows<ServerSection>(cache_).json(s.id)) {
    auto d = Entity<ServerSection>::decode(*j, "cache: " + Rows<ServerSection>::where(s.id));
    if (d) {
      s = std::move(d).value();
      before = encode(s);
    } else {
      before = *j;  // an unreadable copy: the whole row goes out again
    }
  }
  s.table_id = table_id;
  s.date = date;
  s.service_id = service_id;
  s.team_member_id = team_member_id;
  s.updated_at = now_iso();
  if (auto w = edit_write(before, s))
    if (auto st = commit_rows({*w}, s.updated_at); !st) return st.error();
  return s;
}

}  // namespace foh::net
