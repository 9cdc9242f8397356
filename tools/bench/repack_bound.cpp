#include "repack_bound.hpp"

#include <algorithm>

namespace foh::bench {
namespace {

bool overlap(const IpJob& a, const IpJob& b) { return a.start < b.end && b.start < a.end; }

bool free_for(const IpInstance& ip, const std::vector<int>& plan, int job, int option) {
  for (size_t j = 0; j < plan.size(); ++j) {
    if (plan[j] < 0 || !overlap(ip.jobs[j], ip.jobs[job])) continue;
    for (int a : ip.options[plan[j]].tables)
      for (int b : ip.options[option].tables)
        if (a == b) return false;
  }
  return true;
}

// Accepted parties that may move for k: the overlap-connected component
// (ring 0) or the direct overlaps (ring 1).
std::vector<int> movable_for(const IpInstance& ip, const std::vector<int>& plan, int k, int ring) {
  std::vector<int> set{k};
  std::vector<char> in(plan.size(), 0);
  in[k] = 1;
  for (size_t head = 0; head < set.size(); ++head) {
    if (ring == 1 && head > 0) break;
    for (size_t j = 0; j < plan.size(); ++j)
      if (!in[j] && plan[j] >= 0 && overlap(ip.jobs[j], ip.jobs[set[head]])) {
        in[j] = 1;
        set.push_back(static_cast<int>(j));
      }
  }
  return set;
}

// How many of `tables` one placement of job j can hold at most.
int most_blocked(const IpInstance& ip, const IpJob& j, const std::vector<char>& tables) {
  int most = 0;
  for (int o : j.options) {
    int n = 0;
    for (int t : ip.options[o].tables) n += tables[t];
    most = std::max(most, n);
  }
  return most;
}

// The single tables that admit `job`, marked, and how many there are.
std::vector<char> single_tables_of(const IpInstance& ip, const IpJob& job, int* count) {
  std::vector<char> mark(ip.table_count, 0);
  *count = 0;
  for (int o : job.options)
    if (ip.options[o].tables.size() == 1) *count += !mark[ip.options[o].tables[0]]++;
  return mark;
}

}  // namespace

RepackBound accept_iff_repack(const IpInstance& ip, const std::string& dir, int ring,
                              int min_party) {
  RepackBound out;
  std::vector<int>& plan = out.option_of_job;
  plan.assign(ip.jobs.size(), -1);
  for (int k = 0; k < static_cast<int>(ip.jobs.size()); ++k) {
    for (int o : ip.jobs[k].options)
      if (free_for(ip, plan, k, o)) {
        plan[k] = o;
        break;
      }
    if (plan[k] >= 0 || ip.jobs[k].options.empty() || ip.jobs[k].party < min_party) continue;
    std::vector<int> moving = movable_for(ip, plan, k, ring);
    std::vector<int> fixed;  // accepted, overlapping a moving party, staying put
    for (size_t j = 0; j < plan.size(); ++j) {
      if (plan[j] < 0 || std::count(moving.begin(), moving.end(), static_cast<int>(j))) continue;
      for (int m : moving)
        if (overlap(ip.jobs[j], ip.jobs[m])) {
          fixed.push_back(static_cast<int>(j));
          break;
        }
    }
    IpInstance sub;
    sub.table_count = ip.table_count;
    sub.options = ip.options;
    for (int j : moving) {
      sub.jobs.push_back(ip.jobs[j]);
      sub.jobs.back().forced = j != k;
    }
    for (int j : fixed) {
      sub.jobs.push_back(ip.jobs[j]);
      sub.jobs.back().options = {plan[j]};
      sub.jobs.back().forced = true;
    }
    ++out.cbc_calls;
    auto sol = solve_with_cbc(sub, dir, 60);
    if (!sol || !sol->proven_optimal) {
      ++out.unproven;
      continue;
    }
    if (sol->option_of_job[0] < 0) continue;
    for (size_t i = 0; i < moving.size(); ++i) plan[moving[i]] = sol->option_of_job[i];
  }
  return out;
}

IpInstance with_forced_requests(const IpInstance& ip, int* forced_count) {
  IpInstance out = ip;
  *forced_count = 0;
  for (size_t k = 0; k < ip.jobs.size(); ++k) {
    int free = 0;
    const std::vector<char> singles = single_tables_of(ip, ip.jobs[k], &free);
    int blocked = 0;
    for (size_t j = 0; j < k && blocked < free; ++j)
      if (overlap(ip.jobs[j], ip.jobs[k])) blocked += most_blocked(ip, ip.jobs[j], singles);
    out.jobs[k].forced = blocked < free;
    *forced_count += out.jobs[k].forced;
  }
  return out;
}

IpInstance with_seat_while_free_rule(const IpInstance& ip) {
  IpInstance out = ip;
  for (size_t k = 0; k < ip.jobs.size(); ++k) {
    IpForcing f;
    f.job = static_cast<int>(k);
    const std::vector<char> singles = single_tables_of(ip, ip.jobs[k], &f.need);
    if (f.need == 0) continue;
    for (size_t j = 0; j < k; ++j)
      if (overlap(ip.jobs[j], ip.jobs[k]))
        if (int w = std::min(f.need, most_blocked(ip, ip.jobs[j], singles)); w > 0)
          f.blockers.push_back({static_cast<int>(j), -1, w});
    out.forcings.push_back(std::move(f));
  }
  return out;
}

IpInstance with_seat_while_free_rule_no_moves(const IpInstance& ip) {
  IpInstance out = ip;
  for (size_t k = 0; k < ip.jobs.size(); ++k) {
    std::vector<char> seen(ip.table_count, 0);
    for (int o : ip.jobs[k].options) {
      if (ip.options[o].tables.size() != 1) continue;
      int t = ip.options[o].tables[0];
      if (seen[t]++) continue;
      IpForcing f;  // k is seated unless an earlier party overlapping it sits on t
      f.job = static_cast<int>(k);
      f.need = 1;
      for (size_t j = 0; j < k; ++j) {
        if (!overlap(ip.jobs[j], ip.jobs[k])) continue;
        for (int oj : ip.jobs[j].options) {
          const auto& m = ip.options[oj].tables;
          if (std::find(m.begin(), m.end(), t) != m.end())
            f.blockers.push_back({static_cast<int>(j), oj, 1});
        }
      }
      out.forcings.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace foh::bench
