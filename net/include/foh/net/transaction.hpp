#pragma once
// A transaction on one cache connection (cache.hpp), as SQLiteCpp keeps its
// Transaction apart from its Database.
#include "foh/engine/result.hpp"

namespace foh::net {

class Cache;

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK in the
// destructor unless commit() succeeded. commit() returns after COMMIT, i.e.
// once the change is durable.
class Transaction {
 public:
  explicit Transaction(Cache& cache);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& begun() const { return begun_; }  // BEGIN's result
  Status commit();
  bool committed() const { return committed_; }

 private:
  Cache& cache_;
  Status begun_;
  bool committed_ = false;
};

}  // namespace foh::net
