#include "demo_loader.hpp"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "statements.hpp"

namespace foh::backend {
namespace {

Result<nlohmann::json> read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{path, "cannot open"};
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Error{path, "not a JSON object"};
  return j;
}

// A savepoint command that fails leaves the transaction aborted: no later row
// could be stored, so the load stops there.
Status savepoint(PgTx& tx, const char* sql) {
  auto done = tx.exec(sql);
  if (!done) return Error{"database", done.error().message};
  return ok();
}

// Inserts rows (upsert by primary key, so a second load refreshes). Returns
// the number stored; rows refused are reported and skipped.
Result<int> load_rows(PgTx& tx, const Catalog& cat, const std::string& table,
                      const nlohmann::json& rows, const nlohmann::json& fill,
                      const std::string& where) {
  const TableInfo* t = cat.table(table);
  if (!t) return Error{where, "unknown table " + table};
  if (!rows.is_array()) return Error{where + ": " + table, "must be an array"};
  int stored = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].is_object())
      return Error{where + ": " + table + "[" + std::to_string(i) + "]", "not an object"};
    nlohmann::json row = nlohmann::json::object();
    for (const auto& [k, v] : rows[i].items())
      if (t->has(k)) row[k] = v;  // columns the database lacks are not ours to store
    for (const auto& [k, v] : fill.items())
      if (t->has(k) && !row.contains(k)) row[k] = v;
    QueryParts q;
    Preferences p;
    p.resolution = Resolution::Merge;
    auto st = insert_statement(*t, q, p, row);
    if (!st.ok())
      return Error{where + ": " + table + "[" + std::to_string(i) + "]", st.error().message};
    if (auto saved = savepoint(tx, "savepoint row"); !saved) return saved.error();
    auto r = tx.exec(st.value().sql, st.value().params);
    if (!r.ok()) {
      if (auto back = savepoint(tx, "rollback to savepoint row"); !back) return back.error();
      std::cerr << "foh-backend: " << where << ": " << table << "[" << i
                << "] skipped: " << r.error().message << "\n";
      continue;
    }
    if (auto kept = savepoint(tx, "release savepoint row"); !kept) return kept.error();
    ++stored;
  }
  return stored;
}

}  // namespace

Result<std::string> load_demo(pg_conn* conn, const std::string& restaurant_file,
                              const std::string& day_file) {
  auto venue = read_json(restaurant_file);
  if (!venue) return venue.error();
  auto day = read_json(day_file);
  if (!day) return day.error();
  PgTx tx(conn, true);
  if (!tx.begun()) return Error{"database", tx.begin_error().message};
  auto cat = Catalog::load(tx);
  if (!cat.ok()) return Error{"database", cat.error().message};
  const Catalog& c = cat.value();
  const nlohmann::json& restaurant = (*venue)["restaurant"];
  if (!restaurant.is_object() || !restaurant.contains("id") || !restaurant["id"].is_string())
    return Error{restaurant_file + ": restaurant", "needs an object with an id"};
  std::string rid = restaurant["id"].get<std::string>();
  nlohmann::json fill = {{"restaurant_id", rid}};
  nlohmann::json day_fill = {{"restaurant_id", rid}};
  if ((*day).contains("date")) day_fill["date"] = (*day)["date"];

  auto r =
      load_rows(tx, c, "restaurants", nlohmann::json::array({restaurant}), {}, restaurant_file);
  if (!r) return r.error();
  for (const char* t : {"floor_plans", "zones", "tables", "services", "team_members"}) {
    if (!venue->contains(t)) continue;
    auto n = load_rows(tx, c, t, (*venue)[t], fill, restaurant_file);
    if (!n) return n.error();
  }
  for (const char* t : {"customers", "reservations", "waitlist_entries", "daily_table_overrides",
                        "daily_extra_tables", "daily_floor_notes"}) {
    if (!day->contains(t)) continue;
    auto n = load_rows(tx, c, t, (*day)[t], day_fill, day_file);
    if (!n) return n.error();
  }
  if (auto err = tx.commit(); !err.ok()) return Error{"database", err.error().message};
  return rid;
}

}  // namespace foh::backend
