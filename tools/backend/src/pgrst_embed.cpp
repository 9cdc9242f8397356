// One level of PostgREST's resource embedding: select=*,reservation_events(*)
// on reservations (to-many: a JSON array per row) or select=*,customers(name)
// (to-one: an object or null), found through the single foreign key between
// the two tables. The embedded rows are read as the caller, so RLS applies.
#include <string>
#include <vector>

#include "pgrst_query.hpp"

namespace foh::backend {
namespace {

std::string columns_sql(const std::vector<std::string>& columns) {
  if (columns.empty()) return "*";
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + quote_ident(c);
  return out;
}

// The select-list expression of one embed, given its foreign key.
std::string embed_sql(const TableInfo& parent, const Embed& e, const ForeignKey& fk, bool to_many) {
  std::string from =
      "select " + columns_sql(e.columns) + " from public." + quote_ident(e.table) + " _c where _c.";
  std::string up = quote_ident(parent.name) + ".";
  if (to_many)
    return "coalesce((select json_agg(_e) from (" + from + quote_ident(fk.column) + " = " + up +
           quote_ident(fk.ref_column) + ") _e), '[]'::json) as " + quote_ident(e.name);
  return "(select to_json(_e) from (" + from + quote_ident(fk.ref_column) + " = " + up +
         quote_ident(fk.column) + " limit 1) _e) as " + quote_ident(e.name);
}

}  // namespace

ApiStatus resolve_embeds(const Catalog& catalog, const TableInfo& parent, QueryParts& q) {
  for (Embed& e : q.embeds) {
    const TableInfo* child = catalog.table(e.table);
    auto no_relation =
        pgrst(400, "PGRST200",
              "Could not find a relationship between '" + parent.name + "' and '" + e.table +
                  "' in the schema cache",
              std::nullopt, "foh-backend embeds one level through a single-column foreign key.");
    if (!child) return no_relation;
    for (const auto& c : e.columns)
      if (!child->has(c))
        return pgrst(400, "42703", "column " + e.table + "." + c + " does not exist");
    std::vector<std::pair<const ForeignKey*, bool>> found;  // (key, to_many)
    for (const ForeignKey& fk : catalog.foreign_keys()) {
      if (fk.table == child->name && fk.ref_table == parent.name)
        found.emplace_back(&fk, true);
      else if (fk.table == parent.name && fk.ref_table == child->name)
        found.emplace_back(&fk, false);
    }
    if (found.empty()) return no_relation;
    if (found.size() > 1)
      return pgrst(300, "PGRST201",
                   "Could not embed because more than one relationship was found for '" +
                       parent.name + "' and '" + e.table + "'");
    e.sql = embed_sql(parent, e, *found[0].first, found[0].second);
  }
  return Ok{};
}

}  // namespace foh::backend
