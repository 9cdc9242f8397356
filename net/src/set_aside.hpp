#pragma once
// net internals: what the engine needs of a row beyond its decoder (issue 11),
// and a read's bad row set aside (Quarantine::hold) and named.
#include <string>
#include <string_view>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/cache.hpp"

namespace foh::net {

// The timestamps the engine computes with must parse: a waitlist entry's
// created_at orders the queue and its quotes, so one "-infinity" would
// otherwise take the order from every entry of the day.
Status timestamps_readable(std::string_view table, const Json& row);

// The reason a row is set aside, without the table and id the quarantine
// row already names: `time: malformed time "24:00"`.
std::string set_aside_reason(const Error& e, std::string_view row_where);

// A read's bad row: into the quarantine (Quarantine::hold) and named in
// `report` when given, also when the quarantine write fails (said in its reason).
void set_aside(Cache& cache, std::string_view table, const Uuid& id, std::string_view raw,
               std::string reason, SetAsideRows* report);

}  // namespace foh::net
