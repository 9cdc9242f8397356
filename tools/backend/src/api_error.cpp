#include "api_error.hpp"

namespace foh::backend {

nlohmann::json ApiError::body() const {
  nlohmann::json j;
  j["code"] = code;
  j["message"] = message;
  j["details"] = details ? nlohmann::json(*details) : nlohmann::json(nullptr);
  j["hint"] = hint ? nlohmann::json(*hint) : nlohmann::json(nullptr);
  return j;
}

int status_for_sqlstate(const std::string& s, bool authenticated) {
  auto starts = [&](const char* p) { return s.rfind(p, 0) == 0; };
  if (s == "42501") return authenticated ? 403 : 401;
  if (s == "23503" || s == "23505" || s == "23P01") return 409;
  if (s == "25006") return 405;
  if (s == "53400") return 500;
  if (s == "P0001") return 400;
  if (s == "42883" || s == "42P01") return 404;
  if (s == "42P17") return 500;
  if (starts("08") || starts("53")) return 503;
  if (starts("0L") || starts("0P") || starts("28")) return 403;
  for (const char* p :
       {"09", "25", "2D", "38", "39", "3B", "40", "54", "55", "57", "58", "F0", "HV", "P0", "XX"})
    if (starts(p)) return 500;
  return 400;
}

ApiError pgrst(int status, std::string code, std::string message,
               std::optional<std::string> details, std::optional<std::string> hint) {
  return ApiError{status, std::move(code), std::move(message), std::move(details), std::move(hint),
                  {}};
}

}  // namespace foh::backend
