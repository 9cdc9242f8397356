#pragma once
// Opening the cache at start, and what happens when its file is damaged
// (issue 11): a truncated file, a garbled header ("cannot switch to WAL
// mode"), a failed quick_check. The damaged file is kept for support, a fresh
// cache takes its place (filled by the first pull, or seeded in standalone
// mode as a first run is), and the local changes not yet sent are carried
// over where they can still be read.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "foh/net/cache.hpp"
#include "foh/net/outbox.hpp"

namespace foh::net {

struct CacheRecovery {
  std::string path;             // the cache file
  std::string problem;          // what the check found
  std::string kept_as;          // where the damaged file (and its -wal/-shm) went
  int outbox_salvaged = 0;      // unsent changes re-queued in the fresh cache
  std::string message() const;  // one English line for the log, naming the file
};

struct OpenedCache {
  std::unique_ptr<Cache> cache;
  std::optional<CacheRecovery> recovery;  // set when the file was damaged
};

// What is wrong with the cache file at `path`; nullopt when it is sound,
// absent or empty (those open as they are). Reads only. The header and the
// file's size are always checked; PRAGMA quick_check too on caches up to
// 32 MB, and on larger ones after a session that did not end cleanly.
std::optional<std::string> cache_damage(const std::string& path);

// The outbox entries still readable in the damaged file at `path`, in order.
std::vector<OutboxEntry> salvage_outbox(const std::string& path);

// Cache::open, after moving a damaged file aside to
// `path.corrupt-YYYYmmddTHHMMSS` (UTC `now`) with its readable outbox
// entries re-queued, pending, in the fresh cache.
Result<OpenedCache> open_cache(const std::string& path, std::chrono::system_clock::time_point now,
                               CacheOptions opts = {});

}  // namespace foh::net
