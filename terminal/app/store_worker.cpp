#include "app/store_worker.hpp"

#include <algorithm>
#include <cassert>
#include <thread>

namespace foh::app {

Result<std::unique_ptr<StoreWorker>> StoreWorker::open(const std::string& path, Jobs& jobs) {
  if (path.empty() || path == ":memory:")
    return Error{"--db", "the Store's worker needs a cache file, not \"" + path + "\""};
  auto cache = net::Cache::open(path);
  if (!cache) return cache.error();
  return std::unique_ptr<StoreWorker>(new StoreWorker(std::move(*cache), jobs));
}

StoreWorker::StoreWorker(std::unique_ptr<net::Cache> cache, Jobs& jobs)
    : cache_(std::move(cache)), jobs_(jobs) {
  store_ = std::make_unique<net::Store>(*cache_, [this] { return stamp_; });
}

StoreWorker::~StoreWorker() { jobs_.finish(Lane::Store); }

JobId StoreWorker::run(JobKind kind, std::string key, std::chrono::system_clock::time_point stamp,
                       Work work) {
  assert(lane_of(kind) == Lane::Store);  // this connection is used by that lane only
  auto id = std::make_shared<JobId>(0);
  const int delay = delay_ms_;
  const JobId started =
      jobs_.start(kind, [this, id, stamp, delay, work = std::move(work)](const Jobs::Cancelled&) {
        if (delay > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        stamp_ = stamp;
        Jobs::Landing landing = work(*store_);
        return Jobs::Landing([this, id, landing = std::move(landing)] {
          std::erase_if(keys_, [&](const auto& k) { return k.first == *id; });
          if (landing) landing();
        });
      });
  *id = started;
  keys_.emplace_back(started, std::move(key));
  return started;
}

bool StoreWorker::pending(std::string_view key) const {
  return !key.empty() &&
         std::any_of(keys_.begin(), keys_.end(), [key](const auto& k) { return k.second == key; });
}

std::vector<std::string> StoreWorker::keys() const {
  std::vector<std::string> out;
  for (const auto& [id, key] : keys_)
    if (!key.empty()) out.push_back(key);
  return out;
}

}  // namespace foh::app
