#include "catalog.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "pg_json.hpp"

namespace foh::backend {

bool TableInfo::has(const std::string& column) const {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

const char* kColumnsSql =
    "select table_name::text, column_name::text, udt_name::text from information_schema.columns "
    "where table_schema = 'public' order by table_name, ordinal_position";

const char* kKeysSql =
    "select tc.table_name::text, kcu.column_name::text "
    "from information_schema.table_constraints tc "
    "join information_schema.key_column_usage kcu "
    "  on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = "
    "tc.constraint_name "
    "where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY' "
    "order by tc.table_name, kcu.ordinal_position";

const char* kFunctionsSql =
    "select p.proname::text, coalesce(array_to_json(p.proargnames)::text, '[]'), "
    "  coalesce((select json_agg(format_type(a.t, null) order by a.n) "
    "            from unnest(p.proargtypes::oid[]) with ordinality a(t, n))::text, '[]'), "
    "  p.pronargdefaults::text, p.proretset::text "
    "from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prokind = 'f' "
    "  and p.prorettype <> 'trigger'::regtype order by p.proname, p.oid";

const char* kForeignKeysSql =
    "select cl.relname::text, a.attname::text, rc.relname::text, ra.attname::text "
    "from pg_constraint c "
    "join pg_class cl on cl.oid = c.conrelid join pg_class rc on rc.oid = c.confrelid "
    "join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1] "
    "join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1] "
    "where c.contype = 'f' and cardinality(c.conkey) = 1 "
    "  and cl.relnamespace = 'public'::regnamespace and rc.relnamespace = 'public'::regnamespace "
    "order by 1, 2";

}  // namespace

Result<Catalog, ApiError> Catalog::load(PgTx& tx) {
  Catalog cat;
  auto cols = tx.exec(kColumnsSql);
  if (!cols.ok()) return cols.error();
  for (const auto& row : cols.value().data) {
    auto& t = cat.tables_[*row[0]];
    t.name = *row[0];
    t.columns.push_back(*row[1]);
    if (!renders_as_json_text(*row[2])) t.json_text = false;
  }
  auto keys = tx.exec(kKeysSql);
  if (!keys.ok()) return keys.error();
  for (const auto& row : keys.value().data) {
    auto it = cat.tables_.find(*row[0]);
    if (it != cat.tables_.end()) it->second.primary_key.push_back(*row[1]);
  }
  auto fks = tx.exec(kForeignKeysSql);
  if (!fks.ok()) return fks.error();
  for (const auto& row : fks.value().data)
    cat.foreign_keys_.push_back(ForeignKey{*row[0], *row[1], *row[2], *row[3]});
  auto fns = tx.exec(kFunctionsSql);
  if (!fns.ok()) return fns.error();
  for (const auto& row : fns.value().data) {
    if (cat.functions_.count(*row[0])) continue;  // overloads: the first one only
    FunctionInfo f;
    f.name = *row[0];
    auto names = nlohmann::json::parse(*row[1]);
    auto types = nlohmann::json::parse(*row[2]);
    int ndefaults = std::stoi(*row[3]);
    int nargs = static_cast<int>(types.size());
    for (int i = 0; i < nargs; ++i) {
      FunctionArg a;
      a.name = i < static_cast<int>(names.size()) ? names[i].get<std::string>() : "";
      a.type = types[i].get<std::string>();
      a.has_default = i >= nargs - ndefaults;
      f.args.push_back(a);
    }
    f.returns_set = *row[4] == "true";
    cat.functions_[f.name] = f;
  }
  return cat;
}

Catalog Catalog::from(std::vector<TableInfo> tables, std::vector<FunctionInfo> functions,
                      std::vector<ForeignKey> foreign_keys) {
  Catalog cat;
  for (auto& t : tables) cat.tables_[t.name] = std::move(t);
  for (auto& f : functions) cat.functions_[f.name] = std::move(f);
  cat.foreign_keys_ = std::move(foreign_keys);
  return cat;
}

const TableInfo* Catalog::table(const std::string& name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

const FunctionInfo* Catalog::function(const std::string& name) const {
  auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : &it->second;
}

}  // namespace foh::backend
