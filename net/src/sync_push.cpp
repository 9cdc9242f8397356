// Push (tools/backend/SYNC.md): the outbox in order, idempotently (client
// UUIDs + upsert merge-duplicates, consecutive upserts of a table as one
// array POST; edits as a PATCH of the changed columns; status changes through
// the replay-safe RPC, one call each). A refused write is never dropped:
// 23P01 marks it conflicted (the engine proposes another table after the next
// pull), another 4xx marks it failed, visible; a 401 stops the round with
// "login required"; anything retryable ends the round and is tried again.
#include <set>

#include "foh/engine/assign.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/sync_state.hpp"
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

const char* kUpsertPrefer = "Prefer: resolution=merge-duplicates,return=minimal";

RestResponse push_status(RestClient& rest, const OutboxEntry& e) {
  Json meta = e.row.value("metadata", Json::object());
  meta.erase("provisional");
  Json body = {{"p_id", e.row_id()}, {"p_to", e.row.value("to", "")}, {"p_metadata", meta}};
  if (e.row.value("from", Json()).is_string() && e.row.value("from", "") != "")
    body["p_from"] = e.row["from"];
  // The columns that changed with the status go in the same call; entries
  // written before the event id existed are replayed by the status test.
  if (Json patch = e.row.value("patch", Json::object()); !patch.empty()) body["p_patch"] = patch;
  if (auto id = e.row.value("event_id", ""); !id.empty()) body["p_event_id"] = id;
  return rest.post("/rest/v1/rpc/change_reservation_status", body);
}

RestResponse push_patch(RestClient& rest, const OutboxEntry& e) {
  Json body = upsert_body(e.row);
  body.erase("id");
  auto r = rest.patch("/rest/v1/" + e.table + "?id=eq." + url_encode(e.row_id()), body,
                      {"Prefer: return=representation"});
  if (r.ok() && r.body.is_array() && r.body.empty()) {
    // No row matched: the edit has nothing to apply to (deleted, or not ours).
    r.error = RestError{RestErrorKind::Http,        404, "FOH_NO_ROW", "no such row on the backend",
                        e.table + " " + e.row_id(), ""};
  }
  return r;
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
      return rest.post(base + "?on_conflict=id", upsert_body(e.row), {kUpsertPrefer});
    }
    case OutboxOp::Delete:
      return rest.del(base + "?id=eq." + url_encode(e.row_id()));
    case OutboxOp::Status:
      return push_status(rest, e);
    case OutboxOp::Patch:
      return push_patch(rest, e);
  }
  return {};
}

// Pushed and acknowledged: the entries leave the outbox in one transaction.
// The backend's stored rows come back with the next pull.
Status remove_pushed(Cache& c, const std::vector<const OutboxEntry*>& done) {
  Transaction tx(c);
  if (!tx.begun()) return tx.begun();
  for (const auto* e : done)
    if (auto st = Outbox(c).remove(e->seq); !st) return st;
  return tx.commit();
}

Status refuse(Cache& c, const OutboxEntry& e, const RestError& err) {
  Transaction tx(c);
  if (!tx.begun()) return tx.begun();
  if (err.is_overlap()) {
    if (auto st = Outbox(c).mark(e.seq, OutboxState::Conflicted, err.text()); !st) return st;
    Conflict conflict;
    conflict.reservation_id = e.row_id();
    conflict.outbox_seq = e.seq;
    conflict.message = err.details.empty() ? err.message : err.message + " (" + err.details + ")";
    if (auto st = SyncState(c).put_conflict(conflict); !st) return st;
  } else if (auto st = Outbox(c).mark(e.seq, OutboxState::Failed, err.text()); !st) {
    return st;
  }
  return tx.commit();
}

std::vector<std::string> sorted_keys(const Json& row) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : row.items()) keys.push_back(k);
  return keys;  // nlohmann's object keeps its keys sorted
}

}  // namespace

// The pending upserts from `i` on that go out together: the same table,
// consecutive in the outbox (rows held behind a refused entry are skipped),
// the same columns (PostgREST takes an array's columns from its first object)
// and each row once (one upsert statement may not touch a row twice).
std::vector<const OutboxEntry*> Sync::Worker::upsert_run(const std::vector<OutboxEntry>& entries,
                                                         std::size_t& i, const Held& held) {
  std::vector<const OutboxEntry*> run{&entries[i]};
  const auto keys = sorted_keys(entries[i].row);
  std::set<Uuid> ids{entries[i].row_id()};
  std::size_t j = i + 1;
  for (; j < entries.size() && run.size() < static_cast<std::size_t>(cfg.upsert_batch); ++j) {
    const OutboxEntry& e = entries[j];
    if (held.count({e.table, e.row_id()})) continue;
    if (e.op != OutboxOp::Upsert || e.table != entries[i].table || ids.count(e.row_id()) ||
        sorted_keys(e.row) != keys)
      break;
    run.push_back(&e);
    ids.insert(e.row_id());
  }
  i = j;
  return run;
}

// A retryable failure (offline, 5xx, 429, an unusable answer): the entry
// stays pending, in place; the round ends and the loop backs off.
Status Sync::Worker::transient(const OutboxEntry& e, const RestError& err) {
  // An attempt the cache cannot count is the graver failure: a disk, not a network.
  if (auto noted = Outbox(*cache).attempted(e.seq, err.text()); !noted) return noted;
  return Error{"push #" + std::to_string(e.seq) + " " + e.table, err.text()};
}

// The token of the manager who approved this status change on another
// member's session (add_signer), when it differs from the one in use.
const std::string* Sync::Worker::signer_token(const OutboxEntry& e) {
  if (e.op != OutboxOp::Status) return nullptr;
  {
    // Taken here, not at the round's start: the approval comes just before
    // its change is written, possibly while a round is already pushing.
    std::lock_guard lock(mu);
    for (auto& [member, token] : new_signers) signers[member] = std::move(token);
    new_signers.clear();
  }
  auto by = e.row.find("by");
  if (by == e.row.end() || !by->is_string()) return nullptr;
  auto it = signers.find(by->get<std::string>());
  return it == signers.end() || it->second == rest->config().bearer ? nullptr : &it->second;
}

Status Sync::Worker::push_single(const OutboxEntry& e, Held& held) {
  RestResponse r;
  if (const std::string* signer = signer_token(e)) {
    const std::string in_use = rest->config().bearer;
    rest->set_bearer(*signer);
    r = push_entry(*rest, e, cfg.kiosk);
    rest->set_bearer(in_use);
    if (r.error.is_auth()) {
      // The approval's token expired before the change could go out: it goes
      // with the session's token next round (and is refused, visibly, when
      // that member may not make it).
      signers.erase(e.row.value("by", ""));
      return transient(e, r.error);
    }
  } else {
    r = push_entry(*rest, e, cfg.kiosk);
  }
  if (r.ok()) {
    if (auto st = remove_pushed(*cache, {&e}); !st) return st;
    pushed(1);
    return ok();
  }
  if (r.error.is_auth()) {
    apply(LinkEvent::Refused, r.error.text());
    return Error{"push #" + std::to_string(e.seq) + " " + e.table, r.error.text()};
  }
  if (r.error.kind != RestErrorKind::Http || r.error.retryable()) return transient(e, r.error);
  // Refused (4xx): kept, visible, and the row's later changes wait behind it.
  if (auto st = refuse(*cache, e, r.error); !st) return st;
  held.insert({e.table, e.row_id()});
  std::lock_guard lock(mu);
  data_changed = true;
  return ok();
}

Status Sync::Worker::push_upserts(const std::vector<const OutboxEntry*>& run, Held& held) {
  Json rows = Json::array();
  for (const auto* e : run) rows.push_back(upsert_body(e->row));
  auto r = rest->post("/rest/v1/" + run.front()->table + "?on_conflict=id", rows, {kUpsertPrefer});
  if (r.ok()) {
    if (auto st = remove_pushed(*cache, run); !st) return st;
    pushed(static_cast<int64_t>(run.size()));
    return ok();
  }
  if (r.error.is_auth()) {
    apply(LinkEvent::Refused, r.error.text());
    return Error{"push " + run.front()->table, r.error.text()};
  }
  if (r.error.kind != RestErrorKind::Http || r.error.retryable())
    return transient(*run.front(), r.error);
  // One row was refused and the statement with it: entry by entry, so the
  // refused one is named and marked, and the others go through.
  for (const auto* e : run)
    if (auto st = push_single(*e, held); !st) return st;
  return ok();
}

void Sync::Worker::pushed(int64_t n) {
  std::lock_guard lock(mu);
  status.entries_pushed += n;
  data_changed = true;
}

Status Sync::Worker::push() {
  // Rows with a conflicted or failed entry wait: their later changes stay
  // behind it, in order.
  Held held;
  for (auto state : {OutboxState::Conflicted, OutboxState::Failed})
    for (const auto& e : Outbox(*cache).entries(state, 100000)) held.insert({e.table, e.row_id()});
  const auto entries = Outbox(*cache).entries(OutboxState::Pending, cfg.push_batch);
  for (std::size_t i = 0; i < entries.size();) {
    if (stopping) return Error{"push", "stopped"};
    const OutboxEntry& e = entries[i];
    if (held.count({e.table, e.row_id()})) {
      ++i;
      continue;
    }
    if (e.op != OutboxOp::Upsert || cfg.kiosk) {
      ++i;
      if (auto st = push_single(e, held); !st) return st;
      continue;
    }
    auto run = upsert_run(entries, i, held);
    auto st = run.size() == 1 ? push_single(*run.front(), held) : push_upserts(run, held);
    if (!st) return st;
  }
  return ok();
}

void Sync::Worker::propose_for_conflicts() {
  SyncState sync_state(*cache);
  auto conflicts = sync_state.conflicts();
  if (conflicts.empty()) return;
  auto venue = cache->load_venue();
  if (!venue) return;
  for (auto& c : conflicts) {
    if (c.proposal) continue;
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
    if (!d)
      c.proposal = TableChoice{{}, {}, "no proposal: " + d.error().text()};
    else if (d->accepted)
      c.proposal = static_cast<const TableChoice&>(*d);
    else
      c.proposal = TableChoice{{}, {}, "no free table: " + d->reason};
    if (!sync_state.put_conflict(c)) continue;  // unstored, the proposal is made again next round
    std::lock_guard lock(mu);
    data_changed = true;
  }
}

}  // namespace foh::net
