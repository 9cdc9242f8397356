// server_sections (migration 026): its columns listed once, in
// section_columns(), which both the decoder and the encoder walk.
#include "foh/engine/codec.hpp"
#include "json_row.hpp"
#include "json_writer.hpp"

namespace foh {
namespace {

using detail::JsonRow;
using detail::JsonWriter;
using detail::Need;

// Every column of server_sections, in the order errors are reported.
template <class Io, class Section>
void section_columns(Io& io, Section& s) {
  io.uuid("id", s.id);
  io.uuid("restaurant_id", s.restaurant_id, Need::Optional);
  io.date("date", s.date);
  io.opt_uuid("service_id", s.service_id);
  io.uuid("table_id", s.table_id);
  io.opt_uuid("team_member_id", s.team_member_id);
  io.unchecked_timestamp("updated_at", s.updated_at);
}

}  // namespace

Result<ServerSection> decode_server_section(const Json& j, const std::string& where) {
  JsonRow row(j, where);
  ServerSection s;
  section_columns(row, s);
  return row.finish(std::move(s));
}

Json encode(const ServerSection& s) {
  JsonWriter w(s.extra);
  section_columns(w, s);
  return w.take();
}

}  // namespace foh
