#include "optimum.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

namespace foh::bench {
namespace {

std::string var(int job, int option) {
  return "x_" + std::to_string(job) + "_" + std::to_string(option);
}

// One term per line keeps every line short: some LP readers cap line length.
void write_sum(std::ostream& out, const std::vector<std::pair<int, int>>& terms,
               const std::vector<IpJob>* weights) {
  for (size_t i = 0; i < terms.size(); ++i) {
    out << (i == 0 ? "   " : " + ");
    if (weights) out << (*weights)[terms[i].first].party << " ";
    out << var(terms[i].first, terms[i].second) << "\n";
  }
}

// For each table, the (job, option) pairs that would occupy it.
std::vector<std::vector<std::pair<int, int>>> users_by_table(const IpInstance& ip) {
  std::vector<std::vector<std::pair<int, int>>> users(ip.table_count);
  for (int j = 0; j < static_cast<int>(ip.jobs.size()); ++j)
    for (int o : ip.jobs[j].options)
      for (int t : ip.options[o].tables) users[t].push_back({j, o});
  return users;
}

// cbc stopped by its time limit: the last bound it proved ("best possible"
// in its progress lines, "Lower bound:" in its summary; cbc minimises the
// negated objective), never below the incumbent; infinity if none was printed.
double best_bound_in_log(const std::string& log, int incumbent) {
  std::ifstream in(log);
  std::string line;
  double bound = HUGE_VAL;
  for (const char* tag : {"best possible ", "Lower bound:"}) {
    in.clear();
    in.seekg(0);
    while (std::getline(in, line))
      if (auto at = line.find(tag); at != std::string::npos)
        bound = std::abs(std::atof(line.c_str() + at + std::strlen(tag)));
  }
  return std::max<double>(bound, incumbent);
}

}  // namespace

void write_lp(const IpInstance& ip, std::ostream& out) {
  std::vector<std::pair<int, int>> all;
  for (int j = 0; j < static_cast<int>(ip.jobs.size()); ++j)
    for (int o : ip.jobs[j].options) all.push_back({j, o});
  out << "Maximize\n obj:\n";
  if (all.empty()) out << "   0 dummy\n";
  write_sum(out, all, &ip.jobs);
  out << "Subject To\n";
  for (int j = 0; j < static_cast<int>(ip.jobs.size()); ++j) {
    if (ip.jobs[j].options.size() < 2 && !ip.jobs[j].forced) continue;
    std::vector<std::pair<int, int>> terms;
    for (int o : ip.jobs[j].options) terms.push_back({j, o});
    out << " job" << j << ":\n";
    write_sum(out, terms, nullptr);
    out << (ip.jobs[j].forced ? "   = 1\n" : "   <= 1\n");
  }
  auto users = users_by_table(ip);
  std::set<std::vector<std::pair<int, int>>> written;
  for (int t = 0; t < ip.table_count; ++t) {
    std::set<int> starts;
    for (auto [j, o] : users[t]) starts.insert(ip.jobs[j].start);
    for (int s : starts) {
      std::vector<std::pair<int, int>> terms;
      for (auto [j, o] : users[t])
        if (ip.jobs[j].start <= s && s < ip.jobs[j].end) terms.push_back({j, o});
      if (terms.size() < 2 || !written.insert(terms).second) continue;
      out << " t" << t << "_" << s << ":\n";
      write_sum(out, terms, nullptr);
      out << "   <= 1\n";
    }
  }
  int row = 0;
  for (const IpForcing& f : ip.forcings) {
    std::vector<std::pair<int, int>> seated, blockers;
    for (int o : ip.jobs[f.job].options) seated.push_back({f.job, o});
    if (seated.empty()) continue;
    out << " f" << row++ << ":\n";
    for (size_t i = 0; i < seated.size(); ++i)
      out << (i == 0 ? "   " : " + ") << f.need << " " << var(f.job, seated[i].second) << "\n";
    for (const auto& b : f.blockers)
      for (int o : ip.jobs[b.job].options)
        if (b.option < 0 || b.option == o) out << " + " << b.weight << " " << var(b.job, o) << "\n";
    out << "   >= " << f.need << "\n";
  }
  out << "Binary\n";
  for (auto [j, o] : all) out << " " << var(j, o) << "\n";
  if (all.empty()) out << " dummy\n";
  out << "End\n";
}

bool feasible(const IpInstance& ip, const std::vector<int>& option_of_job, std::string* why) {
  auto fail = [&](const std::string& w) {
    if (why) *why = w;
    return false;
  };
  if (option_of_job.size() != ip.jobs.size()) return fail("wrong number of jobs");
  std::vector<std::vector<int>> on_table(ip.table_count);
  for (size_t j = 0; j < ip.jobs.size(); ++j) {
    int o = option_of_job[j];
    if (o < 0) continue;
    const auto& opts = ip.jobs[j].options;
    if (std::find(opts.begin(), opts.end(), o) == opts.end())
      return fail("job " + std::to_string(j) + " on an option that does not admit it");
    for (int t : ip.options[o].tables) on_table[t].push_back(static_cast<int>(j));
  }
  for (int t = 0; t < ip.table_count; ++t)
    for (size_t a = 0; a < on_table[t].size(); ++a)
      for (size_t b = a + 1; b < on_table[t].size(); ++b) {
        const auto& x = ip.jobs[on_table[t][a]];
        const auto& y = ip.jobs[on_table[t][b]];
        if (x.start < y.end && y.start < x.end)
          return fail("table " + std::to_string(t) + " holds jobs " +
                      std::to_string(on_table[t][a]) + " and " + std::to_string(on_table[t][b]));
      }
  return true;
}

Result<IpSolution> solve_with_cbc(const IpInstance& ip, const std::string& dir, int seconds_limit) {
  const std::string lp = dir + "/model.lp", sol = dir + "/solution.txt", log = dir + "/cbc.log";
  {
    std::ofstream out(lp);
    if (!out) return Error{lp, "cannot write the LP file"};
    write_lp(ip, out);
  }
  std::remove(sol.c_str());
  std::string cmd = "cbc '" + lp + "' sec " + std::to_string(seconds_limit) + " solve solu '" +
                    sol + "' > '" + log + "' 2>&1";
  if (std::system(cmd.c_str()) != 0) return Error{"cbc", "failed; see " + log};
  std::ifstream in(sol);
  if (!in) return Error{sol, "cbc wrote no solution"};
  IpSolution out;
  out.option_of_job.assign(ip.jobs.size(), -1);
  std::string status;
  std::getline(in, status);
  out.proven_optimal = status.rfind("Optimal", 0) == 0;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string idx, name;
    double value = 0;
    if (!(ls >> idx >> name >> value)) continue;
    if (idx == "**") {  // cbc marks infeasible rows/cols with "**" before the index
      name.clear();
      if (!(ls >> name >> value)) continue;
    }
    int j = 0, o = 0;
    if (value < 0.5 || std::sscanf(name.c_str(), "x_%d_%d", &j, &o) != 2) continue;
    if (j < 0 || j >= static_cast<int>(ip.jobs.size())) return Error{sol, "unknown job " + name};
    out.option_of_job[j] = o;
    out.covers += ip.jobs[j].party;
  }
  out.best_possible = out.proven_optimal ? out.covers : best_bound_in_log(log, out.covers);
  std::string why;
  if (!feasible(ip, out.option_of_job, &why)) return Error{sol, "infeasible answer: " + why};
  return out;
}

}  // namespace foh::bench
