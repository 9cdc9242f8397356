#pragma once
// The shell tests' cache: opened at `path` (":memory:" or a file) and seeded
// with the demo restaurant on `day`, as a standalone terminal's first run.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "app/seed.hpp"
#include "foh/net/cache.hpp"

namespace foh::test {

inline std::unique_ptr<net::Cache> demo_cache(const std::string& path, Date day) {
  auto c = net::Cache::open(path);
  REQUIRE_MESSAGE(c.ok(), c.error().text());
  auto assets = app::find_assets("");
  REQUIRE_MESSAGE(assets.ok(), assets.error().text());
  auto seeded = app::seed_demo(**c, *assets, day);
  REQUIRE_MESSAGE(seeded.ok(), seeded.error().text());
  return std::move(*c);
}

}  // namespace foh::test
