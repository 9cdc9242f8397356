#pragma once
// Shared helpers of foh-netbench: timing, medians, the demo venue.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "foh/engine/model.hpp"

namespace bench {

using Clock = std::chrono::steady_clock;
inline double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}
inline double median(const std::vector<double>& v) { return percentile(v, 0.5); }

foh::Venue demo_venue();
// n reservations on `date` spread over the venue's tables without overlap
// (Cancelled beyond what the tables can hold, so any count fits).
std::vector<foh::Reservation> make_day(const foh::Venue& v, foh::Date date, int n);

// tools/backend/local.sh's way in: a command's stdout, and one KEY=value line of it.
std::string sh(const std::string& cmd);
std::string env_value(const std::string& out, const std::string& key);

int run_local(int argc, char** argv);
int run_backend(int argc, char** argv);
int run_store(int argc, char** argv);
int run_pull(int argc, char** argv);

}  // namespace bench
