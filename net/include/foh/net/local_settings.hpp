#pragma once
// This terminal's own values, kept in its cache file and never synced: the
// restaurant it serves, the login lockout state, the SMS quota seen last.
// (The venue's settings are the engine's foh::Settings, synced with the
// restaurant row.)
#include <optional>
#include <string>
#include <string_view>

#include "foh/engine/result.hpp"

namespace foh::net {

class Cache;

// The key/value table of one connection: cheap to make where it is used.
class LocalSettings {
 public:
  explicit LocalSettings(Cache& cache) : cache_(cache) {}

  std::optional<std::string> get(std::string_view key);  // none when never set
  Status set(std::string_view key, std::string_view value);

 private:
  Cache& cache_;
};

}  // namespace foh::net
