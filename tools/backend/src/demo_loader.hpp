#pragma once
// Loads the demo restaurant (R.json) and one day (D.json) of assets/demo/ into
// the database, as the gateway's own user, row by row: a row the database
// refuses (e.g. an overlap) is reported by table and index and skipped.
#include <string>

#include "foh/engine/result.hpp"

struct pg_conn;

namespace foh::backend {

// Returns the restaurant's id.
Result<std::string> load_demo(pg_conn* conn, const std::string& restaurant_file,
                              const std::string& day_file);

}  // namespace foh::backend
