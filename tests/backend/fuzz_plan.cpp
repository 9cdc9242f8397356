// libFuzzer target: arbitrary bytes -> an HTTP request's parts -> the
// gateway's planner (request_plan.hpp) against a catalog written here, so no
// database is needed. The planner may refuse (an ApiError) but never crash,
// hang, overflow the stack or read out of bounds (built with AddressSanitizer);
// every error must also render as JSON.
//
// Input layout, lines split at '\n': method, path, query string
// ("a=1&b=2", not URL-decoded: decoded text can hold any byte anyway), then
// "Name: value" header lines up to an empty line; the rest is the body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "request_plan.hpp"

using namespace foh::backend;

namespace {

TableInfo table(std::string name, std::vector<std::string> columns) {
  TableInfo t;
  t.name = std::move(name);
  t.columns = std::move(columns);
  t.primary_key = {"id"};
  return t;
}

// A few of the real schema's tables and functions (migrations/002, 007).
const Catalog& catalog() {
  static const Catalog c = Catalog::from(
      {table("reservations", {"id", "restaurant_id", "table_id", "table_number", "date", "time",
                              "party_size", "status", "notes", "created_at", "updated_at"}),
       table("waitlist_entries", {"id", "restaurant_id", "name", "phone", "party_size", "notes",
                                  "status", "created_at", "token"}),
       table("reservation_events", {"id", "reservation_id", "restaurant_id", "from_status",
                                    "to_status", "changed_by", "metadata", "created_at"}),
       table("tables", {"id", "restaurant_id", "name", "capacity"})},
      {FunctionInfo{"waitlist_position", {{"p_token", "uuid", false}}, false},
       FunctionInfo{"change_reservation_status",
                    {{"p_id", "uuid", false},
                     {"p_to", "text", false},
                     {"p_from", "text", true},
                     {"p_metadata", "jsonb", true}},
                    false},
       FunctionInfo{"sync_horizon", {}, true}},
      {{"reservation_events", "reservation_id", "reservations", "id"},
       {"reservations", "table_id", "tables", "id"}});
  return c;
}

std::string_view next_line(std::string_view& in) {
  size_t nl = in.find('\n');
  std::string_view line = in.substr(0, nl);
  in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  return line;
}

QueryParams parse_params(std::string_view q) {
  QueryParams out;
  while (!q.empty()) {
    size_t amp = q.find('&');
    std::string_view item = q.substr(0, amp);
    size_t eq = item.find('=');
    out.emplace(std::string(item.substr(0, eq)),
                eq == std::string_view::npos ? "" : std::string(item.substr(eq + 1)));
    q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  RequestView r;
  r.method = next_line(in);
  r.path = next_line(in);
  r.params = parse_params(next_line(in));
  while (!in.empty()) {
    std::string_view line = next_line(in);
    if (line.empty()) break;
    size_t colon = line.find(':');
    r.headers.emplace_back(
        std::string(line.substr(0, colon)),
        colon == std::string_view::npos ? "" : std::string(line.substr(colon + 1)));
  }
  r.body = in;
  auto planned = plan_request(r, catalog());
  if (!planned.ok()) (void)planned.error().body().dump();
  return 0;
}
