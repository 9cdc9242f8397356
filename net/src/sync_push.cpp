// Push (tools/backend/SYNC.md): the outbox in order, idempotently (client
// UUIDs + upsert merge-duplicates; status changes through the replay-safe
// RPC). A refused write is never dropped: 23P01 marks it conflicted (the
// engine proposes another table after the next pull), another 4xx marks it
// failed, visible; a 401 stops the round with "login required".
#include <set>

#include "foh/engine/assign.hpp"
#include "foh/net/cache.hpp"
#include "sync_worker.hpp"

namespace foh::net {

namespace {

// Columns the backend maintains; sending them is pointless (and an empty
// timestamp would be a bad value).
Json upsert_body(Json row) {
  for (const char* k : {"updated_at", "sync_xid", "sync_seq"}) row.erase(k);
  if (auto it = row.find("created_at"); it != row.end() && (it->is_null() || *it == ""))
    row.erase(it);
  return row;
}

RestResponse push_entry(RestClient& rest, const OutboxEntry& e, bool kiosk) {
  const std::string base = "/rest/v1/" + e.table;
  switch (e.op) {
    case OutboxOp::Upsert: {
      if (kiosk) {
        // anon may insert, not read or update: a replay meets its own row
        // (23505 on the id), which means it already arrived.
        auto r = rest.post(base, upsert_body(e.row), {"Prefer: return=minimal"});
        if (r.error.code == "23505") r.error = RestError{};
        return r;
      }
      return rest.post(base + "?on_conflict=id", upsert_body(e.row),
                       {"Prefer: resolution=merge-duplicates,return=representation"});
    }
    case OutboxOp::Delete:
      return rest.del(base + "?id=eq." + url_encode(e.row_id()), {"Prefer: return=representation"});
    case OutboxOp::Status: {
      Json meta = e.row.value("metadata", Json::object());
      meta.erase("provisional");
      Json body = {{"p_id", e.row_id()}, {"p_to", e.row.value("to", "")}, {"p_metadata", meta}};
      if (e.row.value("from", "") != "") body["p_from"] = e.row["from"];
      auto r = rest.post("/rest/v1/rpc/change_reservation_status", body);
      // Columns that go with the status (arrived_count, seated_at): a PATCH
      // of the same values is replay-safe and writes no event.
      Json patch = e.row.value("patch", Json::object());
      if (!r.ok() || patch.empty()) return r;
      return rest.patch(base + "?id=eq." + url_encode(e.row_id()), patch,
                        {"Prefer: return=representation"});
    }
  }
  return {};
}

// The stored rows the backend answered with replace the local copy, unless
// a later local change of the same row still waits in the outbox.
Status accept_pushed(Cache& c, const OutboxEntry& e, const Json& body) {
  Transaction tx(c);
  if (!tx.begun()) return tx.begun();
  if (auto st = c.outbox_remove(e.seq); !st) return st;
  std::string table = e.op == OutboxOp::Status ? "reservations" : e.table;
  Json rows = body.is_array() ? body : Json::array({body});
  for (const auto& row : rows) {
    if (!row.is_object() || !row.contains("id") || e.op == OutboxOp::Delete) continue;
    if (c.has_outbox_for(table, row.value("id", ""))) continue;
    if (auto st = c.put_row(table, row); !st) return st;
  }
  return tx.commit();
}

Status refuse(Cache& c, const OutboxEntry& e, const RestError& err) {
  Transaction tx(c);
  if (!tx.begun()) return tx.begun();
  if (err.is_overlap()) {
    if (auto st = c.outbox_mark(e.seq, OutboxState::Conflicted, err.text()); !st) return st;
    Conflict conflict;
    conflict.reservation_id = e.row_id();
    conflict.outbox_seq = e.seq;
    conflict.message = err.details.empty() ? err.message : err.message + " (" + err.details + ")";
    if (auto st = c.put_conflict(conflict); !st) return st;
  } else if (auto st = c.outbox_mark(e.seq, OutboxState::Failed, err.text()); !st) {
    return st;
  }
  return tx.commit();
}

}  // namespace

Status Sync::Worker::push() {
  // Rows with a conflicted or failed entry wait: their later changes stay
  // behind it, in order.
  std::set<std::pair<std::string, Uuid>> held;
  for (auto state : {OutboxState::Conflicted, OutboxState::Failed})
    for (const auto& e : cache->outbox(state, 100000)) held.insert({e.table, e.row_id()});
  for (const auto& e : cache->outbox(OutboxState::Pending, cfg.push_batch)) {
    if (stopping) return Error{"push", "stopped"};
    std::pair<std::string, Uuid> key{e.op == OutboxOp::Status ? "reservations" : e.table, e.row_id()};
    if (held.count(key) || held.count({e.table, e.row_id()})) continue;
    auto r = push_entry(*rest, e, cfg.kiosk);
    if (r.ok()) {
      if (auto st = accept_pushed(*cache, e, r.body); !st) return st;
      std::lock_guard lock(status_mu);
      ++status.entries_pushed;
      data_changed = true;
      continue;
    }
    std::string where = "push #" + std::to_string(e.seq) + " " + e.table;
    if (r.error.is_auth()) {
      set_state(Connectivity::LoginRequired, r.error.text());
      return Error{where, r.error.text()};
    }
    if (r.error.kind == RestErrorKind::Http && !r.error.retryable()) {
      if (auto st = refuse(*cache, e, r.error); !st) return st;
      held.insert(key);
      data_changed = true;
      continue;
    }
    // Offline, 5xx, 429 or an unusable answer: the entry stays pending, in
    // place; the next round replays it (idempotent).
    cache->outbox_attempted(e.seq, r.error.text());
    return Error{where, r.error.text()};
  }
  return ok();
}

void Sync::Worker::propose_for_conflicts() {
  auto conflicts = cache->conflicts();
  if (conflicts.empty()) return;
  auto venue = cache->load_venue();
  if (!venue) return;
  for (auto& c : conflicts) {
    if (!c.proposal_reason.empty()) continue;
    auto r = cache->reservation(c.reservation_id);
    if (!r) continue;
    auto day = cache->load_day(r->date);
    if (!day) continue;
    std::erase_if(day->reservations, [&](const Reservation& x) { return x.id == r->id; });
    SeatRequest req{r->id, r->party_size, r->date, r->time, r->duration, std::nullopt};
    AssignOptions opts;
    opts.allow_moves = false;  // a proposal never moves other guests behind a host's back
    opts.check_pacing = false;
    auto d = suggest_table(*venue, *day, req, opts);
    if (!d) {
      c.proposal_reason = "no proposal: " + d.error().text();
    } else if (d->accepted) {
      c.proposed_table_ids = d->table_ids;
      c.proposed_table_number = d->table_number;
      c.proposal_reason = d->reason;
    } else {
      c.proposal_reason = "no free table: " + d->reason;
    }
    cache->put_conflict(c);
    std::lock_guard lock(status_mu);
    data_changed = true;
  }
}

}  // namespace foh::net
