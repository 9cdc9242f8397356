#include "app/seed.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "foh/engine/codec.hpp"
#include "foh/net/cache.hpp"

namespace foh::app {

namespace fs = std::filesystem;

namespace {

std::string exe_dir() {
  std::error_code ec;
  const fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.parent_path().string();
}

Result<Json> read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{path, "cannot read the file"};
  std::ostringstream buf;
  buf << in.rdbuf();
  Json j = Json::parse(buf.str(), nullptr, false);
  if (j.is_discarded()) return Error{path, "not valid JSON"};
  return j;
}

// The demo is one busy day; a terminal opened on another date shows it on that date.
void move_day(DayBook& day, Date to) {
  day.date = to;
  for (auto& r : day.reservations) r.date = to;
  for (auto& w : day.waitlist) w.date = to;
  for (auto& o : day.table_overrides) o.date = to;
  for (auto& t : day.extra_tables) t.date = to;
  for (auto& n : day.floor_notes) n.date = to;
}

}  // namespace

Result<std::string> find_assets(const std::string& hint) {
  std::vector<std::string> tried;
  std::vector<std::string> candidates;
  if (!hint.empty())
    candidates.push_back(hint);
  else {
    candidates.push_back("assets");
    if (const std::string exe = exe_dir(); !exe.empty()) {
      candidates.push_back(exe + "/../../assets");
      candidates.push_back(exe + "/../share/foh/assets");
    }
  }
  for (const auto& c : candidates) {
    std::error_code ec;
    if (fs::is_directory(c, ec)) return fs::weakly_canonical(c, ec).string();
    tried.push_back(c);
  }
  std::string list;
  for (const auto& t : tried) list += (list.empty() ? "" : ", ") + t;
  return Error{"--assets", "no assets folder found (tried " + list + ")"};
}

Status seed_demo(net::Cache& cache, const std::string& assets, Date today) {
  const std::string rpath = assets + "/demo/restaurant.json";
  const std::string dpath = assets + "/demo/day.json";
  auto rj = read_json(rpath);
  if (!rj) return rj.error();
  auto venue = decode_venue(*rj, rpath);
  if (!venue) return venue.error();
  std::optional<DayBook> day;
  if (std::ifstream(dpath)) {
    auto dj = read_json(dpath);
    if (!dj) return dj.error();
    auto d = decode_day(*dj, dpath);
    if (!d) return d.error();
    day = std::move(*d);
    move_day(*day, today);
  }
  return cache.seed(*venue, day ? &*day : nullptr);
}

}  // namespace foh::app
