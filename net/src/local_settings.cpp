// The terminal's own values: the cache's kv table.
#include "foh/net/local_settings.hpp"

#include "foh/net/cache.hpp"
#include "sqlite_stmt.hpp"

namespace foh::net {

std::optional<std::string> LocalSettings::get(std::string_view key) {
  Stmt s(cache_, "SELECT value FROM kv WHERE key = ?");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

Status LocalSettings::set(std::string_view key, std::string_view value) {
  Stmt s(cache_, "INSERT OR REPLACE INTO kv (key, value) VALUES (?,?)");
  s.bind(1, key).bind(2, value);
  if (!s.run()) return s.error("kv " + std::string(key));
  return ok();
}

}  // namespace foh::net
