#pragma once
// What an online policy that must seat every party it can could reach at
// best: request k (in booking order) is accepted iff the parties accepted so
// far plus k can all be seated, re-planning every not-yet-seated table
// (cbc proves it). A benchmark reference, not engine: it moves freely.
#include <string>
#include <vector>

#include "optimum.hpp"

namespace foh::bench {

struct RepackBound {
  std::vector<int> option_of_job;  // the final plan, -1 = refused
  int cbc_calls = 0;
  int unproven = 0;  // cbc hit its time limit: counted as refused
};

// `ring`: 0 re-plans every accepted party connected to k through overlapping
// spans (the true bound); 1 only the parties whose spans overlap k's, the
// others stay put (what a local repack can reach).
// `min_party`: smaller parties are accepted only on a free table, never by a
// repack (assign's AssignOptions::moves_from_party).
RepackBound accept_iff_repack(const IpInstance& ip, const std::string& dir, int ring,
                              int min_party = 1);

// Requests every rule-abiding online policy must accept, whatever it did
// before: k is forced when even the earlier requests that overlap it, each
// put where it blocks most of k's single tables, cannot cover them all. The
// best plan seating all of these bounds every policy that never refuses a
// party while a table is free (forced jobs marked in the returned instance).
IpInstance with_forced_requests(const IpInstance& ip, int* forced_count);

// The rule "never refuse a party while a table is free" as constraints on the
// exact program: k must be seated unless the earlier requests seated that
// overlap it, each counted for the most of k's single tables one placement of
// it can hold, cover them all. True whatever the policy placed where and
// whatever it moved, and it uses only the requests the plan itself seats, so
// the optimum of this program bounds every rule-abiding online policy, even
// one that knows the future.
IpInstance with_seat_while_free_rule(const IpInstance& ip);

// The same rule for policies that never move a party: each request sits
// where it was first put, so k must be seated while any single table that
// admits it holds no earlier party overlapping it. Exact for such policies
// (combinations aside, which only loosens it): its optimum is the best any
// policy that never moves can reach, even one that knows the future.
IpInstance with_seat_while_free_rule_no_moves(const IpInstance& ip);

}  // namespace foh::bench
