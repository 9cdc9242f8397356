// The outbox: order, idempotency keys, states, a host's rewrite in place.
#include <doctest/doctest.h>

#include "foh/net/cache.hpp"
#include "foh/net/outbox.hpp"

using namespace foh;
using namespace foh::net;

namespace {
std::unique_ptr<Cache> memory_cache() { return std::move(Cache::open(":memory:")).value(); }
}  // namespace

TEST_CASE("the outbox keeps order, idempotency keys and states") {
  auto c = memory_cache();
  Outbox outbox(*c);
  std::string key = new_uuid();
  auto a = outbox.enqueue("reservations", OutboxOp::Upsert, {{"id", "a"}}, key, "t1");
  auto b =
      outbox.enqueue("reservations", OutboxOp::Status, {{"id", "b"}, {"to", "Seated"}}, "", "t2");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(*a < *b);
  CHECK_FALSE(outbox.enqueue("reservations", OutboxOp::Upsert, {{"id", "c"}}, key, "t3")
                  .ok());  // key unique
  CHECK_FALSE(
      outbox.enqueue("reservations", OutboxOp::Upsert, {{"x", 1}}, "", "t3").ok());  // no id
  auto all = outbox.entries();
  REQUIRE(all.size() == 2);
  CHECK(all[0].idempotency_key == key);
  CHECK(all[0].row_id() == "a");
  CHECK(all[1].op == OutboxOp::Status);
  CHECK(new_uuid().size() == 36);
  CHECK(new_uuid() != new_uuid());

  REQUIRE(outbox.mark(*a, OutboxState::Conflicted, "23P01").ok());
  REQUIRE(outbox.attempted(*b, "timeout").ok());
  CHECK(outbox.count(OutboxState::Pending) == 1);
  CHECK(outbox.count(OutboxState::Conflicted) == 1);
  CHECK(outbox.entry(*b)->attempts == 1);
  CHECK(outbox.entry(*b)->last_error == "timeout");
  CHECK(outbox.has_for("reservations", "a"));
  REQUIRE(outbox.rewrite(*a, OutboxOp::Upsert, {{"id", "a"}, {"v", 2}}, OutboxState::Pending).ok());
  CHECK(outbox.entry(*a)->row["v"] == 2);
  CHECK(outbox.entries()[0].seq == *a);  // same place in the order
  REQUIRE(outbox.remove(*a).ok());
  CHECK_FALSE(outbox.has_for("reservations", "a"));
}

TEST_CASE("a rewrite changes one entry in place and clears its error; the rest keep theirs") {
  auto c = memory_cache();
  Outbox outbox(*c);
  std::vector<int64_t> seqs;
  for (const char* id : {"r1", "r2", "r3"})
    seqs.push_back(outbox.enqueue("reservations", OutboxOp::Upsert, {{"id", id}}, "", "t").value());
  REQUIRE(outbox.mark(seqs[1], OutboxState::Conflicted, "23P01").ok());
  REQUIRE(outbox.mark(seqs[2], OutboxState::Failed, "22P02").ok());
  REQUIRE(outbox
              .rewrite(seqs[1], OutboxOp::Patch, {{"id", "r2"}, {"table_number", "9"}},
                       OutboxState::Pending)
              .ok());
  auto all = outbox.entries();
  REQUIRE(all.size() == 3);
  CHECK(all[1].seq == seqs[1]);
  CHECK(all[1].op == OutboxOp::Patch);
  CHECK(all[1].state == OutboxState::Pending);
  CHECK(all[1].last_error.empty());
  CHECK(all[1].row["table_number"] == "9");
  CHECK(all[2].state == OutboxState::Failed);  // untouched
  CHECK(all[2].last_error == "22P02");
  CHECK(all[0].row == Json{{"id", "r1"}});
  // Filters and limits keep the push order.
  auto pending = outbox.entries(OutboxState::Pending, 1);
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].seq == seqs[0]);
  CHECK(outbox.entries(OutboxState::Failed).front().seq == seqs[2]);
  CHECK(outbox.count() == 3);
}

TEST_CASE("the outbox names the rows it holds, per table, whatever their state") {
  auto c = memory_cache();
  Outbox outbox(*c);
  REQUIRE(outbox.enqueue("reservations", OutboxOp::Upsert, {{"id", "r1"}}, "", "t").ok());
  auto z = outbox.enqueue("zones", OutboxOp::Delete, {{"id", "z1"}}, "", "t");
  REQUIRE(z.ok());
  REQUIRE(outbox.mark(*z, OutboxState::Failed, "403").ok());
  CHECK(outbox.row_ids("reservations") == std::unordered_set<Uuid>{"r1"});
  CHECK(outbox.row_ids("zones") == std::unordered_set<Uuid>{"z1"});
  CHECK(outbox.row_ids("tables").empty());
  CHECK(outbox.has_for("zones", "z1"));
  CHECK_FALSE(outbox.has_for("reservations", "z1"));
  CHECK_FALSE(outbox.entry(*z + 1));
  // Two Outbox objects over one connection see the same table.
  CHECK(Outbox(*c).count(OutboxState::Failed) == 1);
}

TEST_CASE("outbox ops and states read back from their text") {
  for (auto op : {OutboxOp::Upsert, OutboxOp::Delete, OutboxOp::Status, OutboxOp::Patch})
    CHECK(parse_outbox_op(to_string(op)) == op);
  for (auto st : {OutboxState::Pending, OutboxState::Conflicted, OutboxState::Failed})
    CHECK(parse_outbox_state(to_string(st)) == st);
  CHECK_FALSE(parse_outbox_op("merge"));
  CHECK_FALSE(parse_outbox_state("sent"));
}
