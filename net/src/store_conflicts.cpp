// A host's decision on an overlap conflict found by sync: the proposed table,
// another table, or cancelling. The conflicted outbox entry is rewritten in
// place (same order) and goes back to pending; the guest's data never leaves.
#include "foh/engine/codec.hpp"
#include "foh/engine/status.hpp"
#include "foh/net/entities.hpp"
#include "foh/net/rows.hpp"
#include "foh/net/store.hpp"
#include "sqlite_stmt.hpp"
#include "store_write.hpp"

namespace foh::net {

namespace {

constexpr std::string_view kReservations = Entity<Reservation>::table;

// The conflicted entry once the host decided, in its op's own form: a new
// row keeps being an upsert of the whole row; an edit (patch) or a status
// change carries the new table, or becomes the cancel as a status change.
std::pair<OutboxOp, Json> decided(const OutboxEntry& e, const Reservation& r,
                                  const std::optional<ReservationEvent>& cancel) {
  Json row = encode(r);
  if (e.op == OutboxOp::Upsert) return {OutboxOp::Upsert, row};
  Json patch = e.op == OutboxOp::Status ? e.row.value("patch", Json::object()) : e.row;
  patch.erase("id");
  patch.erase("status");
  if (!cancel) {
    patch["table_id"] = row["table_id"];
    patch["table_number"] = row["table_number"];
    if (e.op == OutboxOp::Patch) {
      patch["id"] = r.id;
      return {OutboxOp::Patch, patch};
    }
    Json out = e.row;
    out["patch"] = patch;
    return {OutboxOp::Status, out};
  }
  patch.erase("table_id");  // the table it could not have stays with the backend's row
  patch.erase("table_number");
  return {OutboxOp::Status, Json{{"id", r.id},
                                 {"from", nullptr},
                                 {"to", to_string(r.status)},
                                 {"metadata", cancel->metadata},
                                 {"patch", patch},
                                 {"event_id", cancel->id}}};
}

// Writes the decided row, rewrites the conflicted entry and the row's later
// upserts (they carry the old table), and clears the conflict: one transaction.
Status apply_decision(Cache& cache, const Conflict& c, const Reservation& r,
                      const std::optional<ReservationEvent>& event) {
  Outbox outbox(cache);
  auto entry = outbox.entry(c.outbox_seq);
  if (!entry)
    return Error{"outbox #" + std::to_string(c.outbox_seq), "the conflicted entry is gone",
                 "conflict_gone"};
  return in_one_transaction(cache, [&]() -> Status {
    Json row = encode(r);
    if (auto st = Rows<Reservation>(cache).put_json(row); !st) return st;
    if (event)
      if (auto st = Rows<ReservationEvent>(cache).put_json(provisional(*event)); !st) return st;
    if (event && entry->op == OutboxOp::Upsert) {
      // A new booking the backend refused, cancelled: nobody else ever had it,
      // and the database (like the engine) creates no booking Cancelled. It
      // stays in this terminal's cache, with its event, and is not sent; nor
      // are the later changes queued behind it.
      for (const auto& e : outbox.entries(std::nullopt, 100000))
        if (e.seq >= c.outbox_seq && e.table == kReservations && e.row_id() == r.id)
          if (auto st = outbox.remove(e.seq); !st) return st;
      return SyncState(cache).remove_conflict(r.id);
    }
    auto [op, content] = decided(*entry, r, event);
    if (auto st = outbox.rewrite(c.outbox_seq, op, content, OutboxState::Pending); !st) return st;
    for (const auto& e : outbox.entries(std::nullopt, 100000)) {
      if (e.seq <= c.outbox_seq || e.table != kReservations || e.row_id() != r.id ||
          e.op != OutboxOp::Upsert)
        continue;
      Json later = e.row;
      later["table_id"] = row["table_id"];
      later["table_number"] = row["table_number"];
      if (auto st = outbox.rewrite(e.seq, e.op, later, e.state); !st) return st;
    }
    return SyncState(cache).remove_conflict(r.id);
  });
}

}  // namespace

Result<Reservation> Store::resolve_with(const Uuid& reservation_id, const TableChoice& pick,
                                        const Actor& by) {
  auto c = SyncState(cache_).conflict_of(reservation_id);
  if (!c)
    return Error{"reservations " + reservation_id, "no conflict waits for this reservation",
                 "conflict_gone"};
  if (pick.table_ids.empty())
    return Error{"reservations " + reservation_id, "no table chosen", "no_table"};
  auto r = cache_.reservation(reservation_id);
  if (!r) return r.error();
  Reservation next = *r;
  next.table_id = pick.table_ids.front();
  next.table_number = pick.table_number;
  next.updated_at = now_iso();
  if (auto st = check_free({next}, by.language); !st) return st.error();
  if (auto st = apply_decision(cache_, *c, next, std::nullopt); !st) return st.error();
  return next;
}

Result<Reservation> Store::resolve_accept_proposal(const Uuid& reservation_id, const Actor& by) {
  auto c = SyncState(cache_).conflict_of(reservation_id);
  if (!c)
    return Error{"reservations " + reservation_id, "no conflict waits for this reservation",
                 "conflict_gone"};
  if (!c->proposal || c->proposal->table_ids.empty())
    return Error{"reservations " + reservation_id,
                 "no table to propose (" + (c->proposal ? c->proposal->reason : "") +
                     "): pick a table or cancel",
                 "no_proposal"};
  return resolve_with(reservation_id, *c->proposal, by);
}

Result<Reservation> Store::resolve_pick_table(const Uuid& reservation_id, const TableChoice& pick,
                                              const Actor& by) {
  return resolve_with(reservation_id, pick, by);
}

Result<Reservation> Store::resolve_cancel(const Uuid& reservation_id, const Actor& by) {
  auto c = SyncState(cache_).conflict_of(reservation_id);
  if (!c)
    return Error{"reservations " + reservation_id, "no conflict waits for this reservation",
                 "conflict_gone"};
  auto r = cache_.reservation(reservation_id);
  if (!r) return r.error();
  TransitionContext ctx = context(by, now_iso(), std::nullopt, {{"reason", "overlap conflict"}});
  auto t = transition(*r, ReservationStatus::Cancelled, ctx);
  if (!t) return t.error();
  t->reservation.updated_at = ctx.now_timestamp;
  if (auto st = apply_decision(cache_, *c, t->reservation, t->event); !st) return st.error();
  return t->reservation;
}

Status Store::retry_failed(int64_t seq) {
  auto e = Outbox(cache_).entry(seq);
  if (!e) return Error{"outbox #" + std::to_string(seq), "no such entry", "outbox_gone"};
  if (e->state != OutboxState::Failed)
    return Error{"outbox #" + std::to_string(seq), "only a failed entry is retried",
                 "retry_only_failed"};
  return Outbox(cache_).mark(seq, OutboxState::Pending, "");
}

}  // namespace foh::net
