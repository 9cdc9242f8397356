#include "pg_pool.hpp"

#include <libpq-fe.h>

#include <memory>

namespace foh::backend {
namespace {

constexpr const char* kConnectTimeoutSeconds = "3";

// Session settings of every pooled connection (again after a reset):
// - generic plans for the SQL inside our triggers and functions: with custom
//   plans PostgreSQL re-planned the overlap trigger's candidate query on each
//   reservation written (~0.7 of ~1.5 ms a row in a 1 000-row upsert here);
//   the gateway's own statements are unnamed, so not cached either way;
// - DateStyle ISO, which pg_json.hpp's timestamp rendering relies on.
void prepare_session(PGconn* c) {
  PQclear(PQexec(c, "set plan_cache_mode = force_generic_plan; set datestyle = 'ISO, YMD'"));
}

}  // namespace

PgPool::Lease::~Lease() {
  if (conn_) pool_->release(conn_);
}

Result<std::unique_ptr<PgPool>> PgPool::open(const std::string& conninfo, int size) {
  std::unique_ptr<PgPool> pool(new PgPool());
  for (int i = 0; i < size; ++i) {
    // connect_timeout first: the caller's conninfo (expanded from dbname)
    // overrides it if it sets one. Reconnects (PQreset) use the same values,
    // so a request never waits long on a database that is gone.
    const char* keys[] = {"connect_timeout", "dbname", nullptr};
    const char* values[] = {kConnectTimeoutSeconds, conninfo.c_str(), nullptr};
    PGconn* c = PQconnectdbParams(keys, values, 1);
    if (PQstatus(c) != CONNECTION_OK) {
      std::string why = PQerrorMessage(c);
      PQfinish(c);
      return Error{"--db", "cannot connect to PostgreSQL: " + why};
    }
    prepare_session(c);
    pool->all_.push_back(c);
    pool->free_.push_back(c);
  }
  return pool;
}

PgPool::~PgPool() {
  for (PGconn* c : all_) PQfinish(c);
}

PgPool::Lease PgPool::acquire() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !free_.empty(); });
  return take(lock);
}

std::optional<PgPool::Lease> PgPool::try_acquire(std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  if (!cv_.wait_for(lock, wait, [&] { return !free_.empty(); })) return std::nullopt;
  return take(lock);
}

PgPool::Lease PgPool::take(std::unique_lock<std::mutex>& lock) {
  PGconn* c = free_.back();
  free_.pop_back();
  lock.unlock();
  // A connection the server dropped is reopened before use.
  if (PQstatus(c) != CONNECTION_OK) {
    PQreset(c);
    if (PQstatus(c) == CONNECTION_OK) prepare_session(c);
  }
  return Lease(this, c);
}

void PgPool::release(pg_conn* c) {
  // A connection left inside a transaction (a bug or a lost client) is rolled
  // back so that the next request starts clean.
  if (PQtransactionStatus(c) != PQTRANS_IDLE && PQstatus(c) == CONNECTION_OK)
    PQclear(PQexec(c, "ROLLBACK"));
  {
    std::lock_guard lock(mu_);
    free_.push_back(c);
  }
  cv_.notify_one();
}

}  // namespace foh::backend
