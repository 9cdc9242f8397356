// Tables joined for the day by a host, and split again (engine day_join.hpp):
// a daily_table_overrides row's joined_with, written like a block.
#include "foh/engine/codec.hpp"
#include "foh/engine/day_join.hpp"
#include "foh/engine/floor.hpp"
#include "foh/net/store.hpp"
#include "store_kept.hpp"
#include "store_write.hpp"

namespace foh::net {

namespace {
// A live party on the joined pair as a combination ("3+4"): splitting would
// leave it on half its table.
const Reservation* on_pair(const KeptDay& d, int a, int b) {
  for (const Reservation& r : d.book.reservations) {
    if (!is_live(r.status) || r.date != d.book.date) continue;
    HeldTables held = d.floor.held_by(r);
    if (held.contains(a) && held.contains(b)) return &r;
  }
  return nullptr;
}

}  // namespace

Status Store::join_tables(const Uuid& a, const Uuid& b, Date date, const Actor& /*by*/) {
  auto kept = kept_->day(cache_, date);  // the day as cached, every status, and its floor
  if (!kept) return kept.error();
  const KeptDay& d = **kept;
  if (auto st = check_join(d.floor, d.book, a, b); !st) return st;
  DailyTableOverride o;
  std::optional<Json> before;
  for (const auto& row : d.book.table_overrides)
    if (row.table_id == a && row.date == date) {
      o = row;
      before = encode(o);
    }
  if (!before) {
    o.id = new_uuid();
    o.restaurant_id = restaurant_id(cache_);
    o.table_id = a;
    o.date = date;
  }
  o.joined_with = b;
  o.updated_at = now_iso();
  auto w = edit_write(before, o);
  return w ? commit_rows({*w}, o.updated_at) : ok();
}

Result<Uuid> Store::split_tables(const Uuid& t, Date date, const Actor& /*by*/) {
  auto kept = kept_->day(cache_, date);
  if (!kept) return kept.error();
  const KeptDay& d = **kept;
  const Table* table = d.floor.table(t);
  const std::string name = table ? table->name : t;
  auto rows = joins_of(d.book, t);
  if (rows.empty())
    return Error{"daily_table_overrides.joined_with",
                 "table " + name + " is not joined today",
                 "split_not_joined",
                 {name}};
  const Uuid partner =
      rows.front()->table_id == t ? *rows.front()->joined_with : rows.front()->table_id;
  if (const Reservation* r = on_pair(d, d.floor.index_of(t), d.floor.index_of(partner)))
    return Error{"daily_table_overrides.joined_with",
                 r->guest_name + " (" + std::to_string(r->party_size) + ") is booked on " +
                     r->table_number + ": move the party first",
                 "split_booked",
                 {r->guest_name, std::to_string(r->party_size), r->table_number}};
  const std::string now = now_iso();
  std::vector<RowWrite> writes;
  for (const DailyTableOverride* row : rows) {
    DailyTableOverride o = *row;
    Json before = encode(o);
    o.joined_with.reset();
    o.updated_at = now;
    if (auto w = edit_write(before, o)) writes.push_back(*w);
  }
  if (auto st = commit_rows(writes, now); !st) return st.error();
  return partner;
}

}  // namespace foh::net
