#pragma once
// PostgREST's error JSON {code, message, details, hint} and its HTTP statuses
// (docs.postgrest.org, "Errors": SQLSTATE -> HTTP status table).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "foh/engine/result.hpp"  // the backend's results: foh::Result<T, ApiError>

namespace foh::backend {

struct ApiError {
  int status = 500;
  std::string code;  // SQLSTATE or PGRSTnnn / FOH_*
  std::string message;
  std::optional<std::string> details, hint;
  // Headers PostgREST sends with this error too (416: Content-Range */total).
  std::vector<std::pair<std::string, std::string>> headers;

  nlohmann::json body() const;
};

// The HTTP status PostgREST gives a PostgreSQL error. 42501 is 403 for a caller
// with a token (authenticated, service_role) and 401 for anon.
// Done, or PostgREST's error why not: [[nodiscard]] as every Result.
using ApiStatus = StatusOf<ApiError>;

int status_for_sqlstate(const std::string& sqlstate, bool authenticated);

ApiError pgrst(int status, std::string code, std::string message,
               std::optional<std::string> details = std::nullopt,
               std::optional<std::string> hint = std::nullopt);

}  // namespace foh::backend
