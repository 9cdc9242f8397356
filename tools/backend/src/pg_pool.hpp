#pragma once
// A small pool of libpq connections shared by the HTTP worker threads. libpq
// stays out of this header: connections are opaque PGconn pointers.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/result.hpp"

struct pg_conn;

namespace foh::backend {

class PgPool {
 public:
  class Lease {  // returns the connection to the pool when it goes out of scope
   public:
    Lease(PgPool* pool, pg_conn* conn) : pool_(pool), conn_(conn) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), conn_(o.conn_) { o.conn_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    pg_conn* get() const { return conn_; }

   private:
    PgPool* pool_;
    pg_conn* conn_;
  };

  // Opens `size` connections; an Error names the connection problem (the
  // connection string is not repeated: it may hold a password).
  static Result<std::unique_ptr<PgPool>> open(const std::string& conninfo, int size);
  ~PgPool();
  Lease acquire();  // waits for a free connection
  // Waits at most `wait` for one; nullopt if none came free (a health check
  // must answer even when every connection is busy).
  std::optional<Lease> try_acquire(std::chrono::milliseconds wait);

 private:
  PgPool() = default;
  void release(pg_conn* c);
  Lease take(std::unique_lock<std::mutex>& lock);

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<pg_conn*> free_;
  std::vector<pg_conn*> all_;
};

}  // namespace foh::backend
