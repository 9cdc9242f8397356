#pragma once
// Standalone first run: the cache is the store, seeded with the demo restaurant.
#include <string>

#include "foh/engine/calendar.hpp"
#include "foh/engine/result.hpp"

namespace foh::net {
class Cache;
}

namespace foh::app {

// The assets folder: `hint` when given, else ./assets, <exe>/../../assets
// (build/bin in a checkout), <exe>/../share/foh/assets. Error names the places tried.
Result<std::string> find_assets(const std::string& hint);

// Seeds an empty cache from assets/demo/restaurant.json and day.json; the
// demo day is moved to `today` so a fresh terminal shows a live service.
// Errors name the file, row and field.
Status seed_demo(net::Cache& cache, const std::string& assets, Date today);

}  // namespace foh::app
