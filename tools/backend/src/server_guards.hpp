#pragma once
// What every route of foh-backend shares: timeouts, the body cap, PostgREST
// JSON for httplib's own errors, an exception handler that never shows an
// exception's text to a client, a log line that cannot be forged, and
// /health, which asks PostgreSQL.
#include <chrono>

#include "pg_pool.hpp"

namespace httplib {
class Server;
}

namespace foh::backend {

// One read or write on a socket may wait this long for progress.
inline constexpr std::chrono::seconds kSocketTimeout{5};
// How long /health waits for a pooled connection before it answers 503.
inline constexpr std::chrono::milliseconds kHealthPoolWait{1000};
// /health's `select 1` may take this long.
inline constexpr std::chrono::milliseconds kHealthQueryTimeout{1000};

void install_guards(httplib::Server& server);

// GET /health: 200 {"ok":true} after a `select 1` through the pool; 503 with
// PostgREST's error JSON when PostgreSQL cannot be reached or no connection
// comes free in time.
void mount_health(httplib::Server& server, PgPool& pool);

}  // namespace foh::backend
