#include "instance.hpp"

#include "foh/engine/rules.hpp"

namespace foh::bench {

Instance make_instance(const Venue& v, const Floor& floor,
                       const std::vector<SeatRequest>& requests) {
  Instance in;
  in.ip.table_count = static_cast<int>(floor.tables().size());
  std::vector<std::pair<int, int>> capacity;  // per option: min, max
  for (int t = 0; t < in.ip.table_count; ++t) {
    if (floor.unavailable_at(t)) continue;
    in.ip.options.push_back({{t}});
    in.option_tables.push_back({floor.tables()[t].id});
    capacity.push_back({floor.tables()[t].capacity_min, floor.tables()[t].capacity_max});
  }
  for (const Combination& c : floor.combinations()) {
    bool usable = true;
    for (int m : c.members) usable = usable && !floor.unavailable_at(m);
    if (!usable) continue;
    in.ip.options.push_back({c.members});
    in.option_tables.push_back(c.table_ids);
    capacity.push_back({1, c.seats});
  }
  for (const SeatRequest& r : requests) {
    Reservation res;
    res.date = r.date;
    res.time = r.time;
    res.party_size = r.party_size;
    res.duration = r.duration;
    Span span = span_of(res, v.restaurant.settings, v.services);
    IpJob job;
    job.party = r.party_size;
    job.start = static_cast<int>(span.start - r.date.days_since_epoch() * 1440);
    job.end = job.start + static_cast<int>(span.end - span.start);
    for (int o = 0; o < static_cast<int>(capacity.size()); ++o)
      if (capacity[o].first <= r.party_size && r.party_size <= capacity[o].second)
        job.options.push_back(o);
    in.ip.jobs.push_back(std::move(job));
  }
  return in;
}

std::vector<int> first_fit(const IpInstance& ip) {
  std::vector<int> plan(ip.jobs.size(), -1);
  std::vector<std::vector<std::pair<int, int>>> busy(ip.table_count);
  for (size_t j = 0; j < ip.jobs.size(); ++j) {
    const IpJob& job = ip.jobs[j];
    for (int o : job.options) {
      bool free = true;
      for (int t : ip.options[o].tables)
        for (auto [s, e] : busy[t]) free = free && !(s < job.end && job.start < e);
      if (!free) continue;
      for (int t : ip.options[o].tables) busy[t].push_back({job.start, job.end});
      plan[j] = o;
      break;
    }
  }
  return plan;
}

int covers_of(const IpInstance& ip, const std::vector<int>& option_of_job) {
  int covers = 0;
  for (size_t j = 0; j < ip.jobs.size(); ++j)
    if (option_of_job[j] >= 0) covers += ip.jobs[j].party;
  return covers;
}

}  // namespace foh::bench
