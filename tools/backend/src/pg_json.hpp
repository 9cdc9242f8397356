#pragma once
// A result set in libpq's text format, written as the JSON array PostgREST
// answers (what json_agg would give), without asking PostgreSQL for JSON.
// PostgreSQL's json_agg costs ~70 us a row for a 40-column reservation on the
// dev VM, its text output ~7 us: a pull page of 1 000 rows went from ~85 to
// ~15 ms. Only the types below are rendered here; the catalog sends a table
// with any other column type through json_agg (renders_as_json_text()).
#include <optional>
#include <string>

struct pg_result;

namespace foh::backend {

// Whether a column of this type (pg_type.typname, `_x` for an array of x)
// is rendered by write_json_rows exactly as PostgreSQL's to_json would.
bool renders_as_json_text(const std::string& type_name);

// Appends the rows of `r` to `out` as a JSON array of objects keyed by
// column name. Needs DateStyle ISO (the server default). nullopt when a
// column has a type it does not know (then nothing is appended).
std::optional<size_t> write_json_rows(const pg_result* r, std::string& out);

}  // namespace foh::backend
