// BEGIN IMMEDIATE / COMMIT / ROLLBACK on a cache connection.
#include "foh/net/transaction.hpp"

#include "foh/net/cache.hpp"

namespace foh::net {

Transaction::Transaction(Cache& cache) : cache_(cache), begun_(cache.exec("BEGIN IMMEDIATE")) {}

Transaction::~Transaction() {
  // A destructor cannot report; a ROLLBACK that fails leaves SQLite rolling back itself.
  if (begun_ && !committed_) (void)cache_.exec("ROLLBACK");
}

Status Transaction::commit() {
  if (!begun_) return begun_;
  if (committed_) return Error{cache_.path(), "transaction already committed"};
  auto st = cache_.exec("COMMIT");
  if (st) committed_ = true;
  return st;
}

}  // namespace foh::net
