#pragma once
// The exact optimum for the seating-quality benchmark: an integer program
// (maximise covers seated, each request on at most one table or declared
// combination, no table holding two overlapping requests) written as an LP
// file and solved by Debian's `cbc` binary (coinor-cbc). A tool, not engine.
#include <iosfwd>
#include <string>
#include <vector>

#include "foh/engine/result.hpp"

namespace foh::bench {

struct IpOption {           // a table or a declared combination
  std::vector<int> tables;  // member table indices
};
struct IpJob {  // a request at a fixed time
  int party = 0;
  int start = 0, end = 0;    // minutes, [start, end)
  std::vector<int> options;  // options whose capacity admits the party
  bool forced = false;       // must be seated (an accepted reservation)
};
// "Seat `job` unless the seated blockers weigh at least `need`": how a bound
// states a rule such as "never refuse a party while a table is free".
struct IpForcing {
  struct Blocker {
    int job = 0, option = -1;  // -1: seated on any option
    int weight = 1;
  };
  int job = 0, need = 0;
  std::vector<Blocker> blockers;
};
struct IpInstance {
  int table_count = 0;
  std::vector<IpOption> options;
  std::vector<IpJob> jobs;
  std::vector<IpForcing> forcings;
};
struct IpSolution {
  int covers = 0;
  double best_possible = 0;        // cbc's proven upper bound (= covers when proven optimal)
  std::vector<int> option_of_job;  // -1 = not seated
  bool proven_optimal = false;
};

// Objective: max sum party * x[j,o]; per job sum_o x[j,o] <= 1; per table and
// per start instant s, the jobs running at s on options holding the table sum
// to <= 1 (clique constraints of an interval graph: a tight formulation).
void write_lp(const IpInstance& ip, std::ostream& out);

// Writes DIR/model.lp, runs `cbc model.lp sec LIMIT solve solu DIR/solution.txt`,
// reads the solution back and checks it is feasible.
Result<IpSolution> solve_with_cbc(const IpInstance& ip, const std::string& dir, int seconds_limit);

// Feasibility of an assignment against the instance (used on cbc's answer and
// on the heuristics' plans alike).
bool feasible(const IpInstance& ip, const std::vector<int>& option_of_job, std::string* why);

}  // namespace foh::bench
