#pragma once
// net internals: what the engine needs of a row beyond its decoder (issue 11).
#include <string>
#include <string_view>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh::net {

// The timestamps the engine computes with must parse: a waitlist entry's
// created_at orders the queue and its quotes, so one "-infinity" would
// otherwise take the order from every entry of the day.
Status timestamps_readable(std::string_view table, const Json& row);

// The reason a row is set aside, without the table and id the quarantine
// row already names: `time: malformed time "24:00"`.
std::string set_aside_reason(const Error& e, std::string_view row_where);

}  // namespace foh::net
