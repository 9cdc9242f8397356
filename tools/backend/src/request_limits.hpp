#pragma once
// What a request may be before anything parses it: bodies bounded in size and
// JSON nesting (nlohmann's dump() and destructor of a parsed value recurse, so
// a body nested 100 000 deep overflowed the stack while it was re-serialised)
// and text that is valid UTF-8 (a name echoed in an error message made
// nlohmann's dump() throw). Checked by a linear scan, no recursion, no
// allocation, so a hostile body costs one pass over its bytes.
#include <cstddef>
#include <optional>
#include <string_view>

#include "api_error.hpp"

namespace foh::backend {

// Deepest JSON nesting a body may have. A terminal's deepest body (an array of
// rows with a jsonb column holding an object) is 4 levels; 64 leaves room.
inline constexpr int kMaxJsonDepth = 64;
// Largest JSON body the gateway parses (400 PGRST102 past it). The biggest a
// terminal sends is an array upsert of ~500 rows (~0.5 MB); the benchmark's
// bulk insert of 20 000 reservations is ~6 MB.
inline constexpr size_t kMaxJsonBodyBytes = 8u << 20;
// Largest request body at all: httplib stops reading there (413), so a request
// never holds more in memory.
inline constexpr size_t kMaxBodyBytes = 16u << 20;

// The nesting depth of a JSON text: brackets outside strings, in one pass.
// Stops counting (and returns kMaxJsonDepth + 1) as soon as the limit is
// passed; malformed JSON is left to the parser.
int json_depth(std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool valid_utf8(std::string_view text);

// The checks a JSON request body passes before it is parsed: size, UTF-8 and
// depth (400 PGRST102). nullopt: go ahead and parse it.
ApiStatus check_json_body(std::string_view body);

// 400 PGRST100 naming what was not UTF-8 ("path", "query string", a header's name).
ApiError not_utf8(const std::string& where);

}  // namespace foh::backend
