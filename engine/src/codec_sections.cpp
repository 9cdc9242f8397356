// server_sections (migration 026): its columns listed once, in
// section_columns(), which both the decoder and the encoder walk.
#include "foh/engine/codec.hpp"
#include "json_row.hpp"

namespace foh {
namespace {

using detail::JsonRow;
using detail::Need;

// Writes what the decoder reads, with the same calls (JsonRow's names).
struct RowWriter {
  Json& j;
  void uuid(const char* key, const Uuid& v, Need need = Need::Required) {
    if (need == Need::Optional)
      detail::put_ref(j, key, v);
    else
      j[key] = v;
  }
  void opt_uuid(const char* key, const std::optional<Uuid>& v) { detail::put_opt(j, key, v); }
  void date(const char* key, const Date& v) { j[key] = v.str(); }
  void text(const char* key, const std::string& v) { detail::put_ts(j, key, v); }
};

// Every column of server_sections, in the order errors are reported.
template <class Row, class Section>
void section_columns(Row& row, Section& s) {
  row.uuid("id", s.id);
  row.uuid("restaurant_id", s.restaurant_id, Need::Optional);
  row.date("date", s.date);
  row.opt_uuid("service_id", s.service_id);
  row.uuid("table_id", s.table_id);
  row.opt_uuid("team_member_id", s.team_member_id);
  row.text("updated_at", s.updated_at);  // a timestamp: omitted when empty
}

}  // namespace

Result<ServerSection> decode_server_section(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  ServerSection s;
  section_columns(row, s);
  if (!row.ok()) return row.error();
  s.extra = row.extra();
  return s;
}

Json encode(const ServerSection& s) {
  Json j = detail::with_extra(s.extra);
  RowWriter w{j};
  section_columns(w, s);
  return j;
}

}  // namespace foh
