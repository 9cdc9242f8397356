#pragma once
// The gateway's request parsing as one pure function: a request's method,
// path, query parameters, headers and body, against the schema cache, become
// the Statement to run or the ApiError to answer. No socket, no database, no
// clock: the HTTP handlers call it, and so does the libFuzzer target
// (tests/backend/fuzz_plan.cpp) with arbitrary bytes.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog.hpp"
#include "pgrst_query.hpp"
#include "statements.hpp"

namespace foh::backend {

inline constexpr std::string_view kRestPrefix = "/rest/v1/";
inline constexpr std::string_view kRpcPrefix = "/rest/v1/rpc/";

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct RequestView {
  std::string method;  // GET HEAD POST PATCH DELETE
  std::string path;    // URL-decoded, e.g. /rest/v1/reservations
  QueryParams params;  // URL-decoded
  HeaderList headers;  // names in any case; a Range header under kItemRangeHeader
  std::string_view body;
};

// Invalid UTF-8 in the path, a query parameter or a header: PGRST100 naming where.
ApiStatus check_request_text(const RequestView& r);

// /rest/v1/TABLE (GET, HEAD, POST, PATCH, DELETE) or /rest/v1/rpc/NAME (POST).
// Checks text and body limits before it parses anything.
Result<Statement, ApiError> plan_request(const RequestView& r, const Catalog& catalog);

// Prefer: return=representation, resolution=..., count=exact; Accept: object.
Preferences preferences_of(const HeaderList& headers);

}  // namespace foh::backend
