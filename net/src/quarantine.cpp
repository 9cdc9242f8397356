// Rows the engine cannot read (issue 11): PostgreSQL accepts time "24:00",
// created_at "-infinity" or a date "0001-01-01 BC", another backend may send
// anything. Such a row is set aside in the quarantine table with the reason,
// left out of the day, and decoded again on every pull, so one bad row never
// stops a terminal and fixing it at the backend is enough.
#include "foh/net/quarantine.hpp"

#include <sqlite3.h>

#include <functional>
#include <vector>

#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/entities.hpp"
#include "set_aside.hpp"
#include "sqlite_stmt.hpp"

namespace foh::net {

namespace {

using Check = std::function<Status(const Json&, const std::string&)>;

template <class Decode>
Check check_of(Decode decode) {
  return [decode](const Json& j, const std::string& where) -> Status {
    auto r = decode(j, where);
    if (!r) return r.error();
    return ok();
  };
}

// The engine's decoder of each synced table (entities.hpp).
const Check* decoder_of(std::string_view table) {
  static const std::vector<std::pair<std::string_view, Check>> kDecoders = [] {
    std::vector<std::pair<std::string_view, Check>> out;
    for_each_entity([&](auto entity) {
      using E = decltype(entity);
      out.emplace_back(E::table, check_of(&E::decode));
    });
    return out;
  }();
  for (const auto& [name, check] : kDecoders)
    if (table == name) return &check;
  return nullptr;
}

std::string row_id_of(const Json& row) {
  auto it = row.is_object() ? row.find("id") : row.end();
  return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Status release(Cache& c, std::string_view table, const Uuid& id) {
  Stmt s(c, "DELETE FROM quarantine WHERE tbl = ? AND row_id = ?");
  s.bind(1, table).bind(2, id);
  if (!s.run()) return s.error("quarantine " + std::string(table) + " " + id);
  return ok();
}

}  // namespace

std::string set_aside_reason(const Error& e, std::string_view row_where) {
  std::string_view where = e.where;
  if (where.substr(0, row_where.size()) == row_where) where.remove_prefix(row_where.size());
  if (!where.empty() && where.front() == '.') where.remove_prefix(1);
  return where.empty() ? e.message : std::string(where) + ": " + e.message;
}

void set_aside(Cache& cache, std::string_view table, const Uuid& id, std::string_view raw,
               std::string reason, SetAsideRows* report) {
  Status st = Quarantine(cache).hold(table, id, raw, reason);
  if (!report) return;
  if (!st) reason += " (not set aside: " + st.error().text() + ")";
  report->push_back({std::string(table), id, std::move(reason)});
}

Status timestamps_readable(std::string_view table, const Json& row) {
  if (table != Entity<WaitlistEntry>::table) return ok();
  const std::string at = row.value("created_at", "");
  if (!LocalInstant::from_timestamp(at, 0))
    return Error{std::string(table) + " " + row_id_of(row) + ".created_at",
                 "not a timestamp: \"" + at + "\""};
  return ok();
}

Status readable_row(std::string_view table, const Json& row) {
  const Check* decode = decoder_of(table);
  if (!decode) return ok();
  if (!row.is_object()) return Error{std::string(table), "the row is not a JSON object"};
  if (auto st = (*decode)(row, std::string(table) + " " + row_id_of(row)); !st) return st;
  return timestamps_readable(table, row);
}

Status Quarantine::put_pulled_row(std::string_view table, const Json& row) {
  const std::string id = row_id_of(row);
  if (auto readable = readable_row(table, row); !readable)
    return hold(table, id, row.dump(),
                set_aside_reason(readable.error(), std::string(table) + " " + id));
  if (auto st = cache_.put_row(table, row); !st) return st;
  // Usually empty: one indexed lookup, no write.
  Stmt s(cache_, "SELECT 1 FROM quarantine WHERE tbl = ? AND row_id = ?");
  s.bind(1, table).bind(2, id);
  if (!s.step()) return ok();
  s.reset();
  return release(cache_, table, id);
}

Status Quarantine::hold(std::string_view table, const Uuid& id, std::string_view raw,
                        std::string_view reason) {
  const std::string now = utc_now_iso();
  Stmt s(cache_,
         "INSERT INTO quarantine (tbl, row_id, json, reason, first_seen, last_seen)"
         " VALUES (?,?,?,?,?,?) ON CONFLICT (tbl, row_id) DO UPDATE SET"
         " json = excluded.json, reason = excluded.reason, last_seen = excluded.last_seen");
  s.bind(1, table).bind(2, id).bind(3, raw).bind(4, reason).bind(5, now).bind(6, now);
  if (!s.run()) return s.error("quarantine " + std::string(table) + " " + id);
  s.reset();
  if (!is_synced_table(table)) return ok();
  return cache_.delete_row(table, id);
}

std::vector<QuarantinedRow> Quarantine::rows() {
  Stmt s(cache_,
         "SELECT tbl, row_id, json, reason, first_seen, last_seen FROM quarantine"
         " ORDER BY first_seen, tbl, row_id");
  std::vector<QuarantinedRow> out;
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
  return out;
}

int64_t Quarantine::count() {
  Stmt s(cache_, "SELECT count(*) FROM quarantine");
  return s.step() ? s.int64(0) : 0;
}

Result<int> Quarantine::retry() {
  if (count() == 0) return 0;
  Transaction tx(cache_);
  if (!tx.begun()) return tx.begun().error();
  int released = 0;
  for (const QuarantinedRow& q : rows()) {
    if (!is_synced_table(q.table)) continue;
    auto row = Json::parse(q.raw, nullptr, false);
    if (row.is_discarded() || row_id_of(row) != q.row_id || !readable_row(q.table, row)) continue;
    // A newer copy may have come meanwhile (a local write): it stays.
    if (!cache_.has_row(q.table, q.row_id))
      if (auto st = cache_.put_row(q.table, row); !st) return st.error();
    if (auto st = release(cache_, q.table, q.row_id); !st) return st.error();
    ++released;
  }
  if (auto st = tx.commit(); !st) return st.error();
  return released;
}

}  // namespace foh::net
