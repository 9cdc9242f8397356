#pragma once
// Private: a prepared statement with RAII finalize and typed binds/reads.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "foh/engine/result.hpp"
#include "foh/net/cache.hpp"

namespace foh::net {

inline Error sqlite_error(sqlite3* db, std::string where) {
  return Error{std::move(where), std::string("SQLite: ") + sqlite3_errmsg(db)};
}

class Stmt {
 public:
  // Prepared for this use only (statements built once, DDL, pragmas).
  Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st_, nullptr);
    prepared_ = rc_ == SQLITE_OK && st_ != nullptr;
  }
  // The connection's kept statement for `sql` (prepared once, reset after
  // each use): a pull stores tens of thousands of rows with the same few
  // statements. A fresh one when that statement is in use further up.
  Stmt(Cache& cache, std::string_view sql) : db_(cache.db()) {
    st_ = cache.reusable(sql);
    reused_ = st_ != nullptr;
    if (!reused_) {
      rc_ = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st_, nullptr);
    }
    prepared_ = st_ != nullptr;
    if (!prepared_ && rc_ == SQLITE_OK) rc_ = SQLITE_ERROR;
  }
  ~Stmt() {
    if (!reused_) {
      sqlite3_finalize(st_);
      return;
    }
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool prepared() const { return prepared_; }
  Stmt& bind(int i, std::string_view s) {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, const std::string& s) { return bind(i, std::string_view(s)); }
  Stmt& bind(int i, const char* s) { return bind(i, std::string_view(s)); }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(st_, i);
    return *this;
  }
  Stmt& bind_opt(int i, const std::string& s) { return s.empty() ? bind_null(i) : bind(i, s); }

  // SQLITE_ROW -> true; SQLITE_DONE -> false (rc() says which error otherwise).
  bool step() {
    rc_ = prepared() ? sqlite3_step(st_) : rc_;
    return rc_ == SQLITE_ROW;
  }
  // For statements without rows: true when it ran to completion.
  bool run() {
    step();
    return rc_ == SQLITE_DONE;
  }
  int rc() const { return rc_; }
  void reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }

  std::string text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(st_, col))) : std::string();
  }
  // The column's text without a copy; valid until the next step().
  std::string_view view(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(st_, col)))
             : std::string_view();
  }
  int64_t int64(int col) const { return sqlite3_column_int64(st_, col); }
  bool is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  Error error(std::string where) const { return sqlite_error(db_, std::move(where)); }
  // The rowid the connection's last INSERT made (an outbox entry's seq).
  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
  int rc_ = SQLITE_OK;
  bool prepared_ = false;
  bool reused_ = false;
};

}  // namespace foh::net
