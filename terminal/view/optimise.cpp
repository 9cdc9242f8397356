// The re-plan preview: what moves, from which table to which, in time order.
#include "view/optimise.hpp"

#include <algorithm>
#include <tuple>

namespace foh::ui {
namespace {

const Reservation* find(const DayBook& d, const Uuid& id) {
  for (const Reservation& r : d.reservations)
    if (r.id == id) return &r;
  return nullptr;
}

// "19:45  Martin (4): 2 → 7" (French: "Martin (4) : 2 → 7").
std::string line(const Reservation& r, const std::string& from, const std::string& to, Language l) {
  const std::string who = r.guest_name.empty() ? std::string("—") : r.guest_name;
  return r.time.hhmm() + "  " + who + " (" + std::to_string(r.party_size) + ")" + colon(l) + from +
         " → " + to;
}

}  // namespace

OptimisePreview preview_of(const OptimiseResult& result, const DayBook& before, Language l) {
  OptimisePreview p;
  p.covers_before = result.covers_before;
  p.covers_after = result.covers_after;
  std::vector<std::pair<const Reservation*, std::string>> rows;
  for (const Move& m : result.moved) {
    const Reservation* r = find(before, m.reservation_id);
    if (!r) continue;  // not on the day shown: nothing a host could check
    p.moves.push_back(m);
    rows.emplace_back(r, line(*r, m.from_table_number, m.to_table_number, l));
  }
  for (const Uuid& id : result.seated) {
    const Reservation* was = find(before, id);
    const Reservation* now = find(result.day, id);
    if (!was || was->table_id || !now || !now->table_id) continue;  // not a tableless booking
    // moved_by writes the first table and the number ("7+8") names the rest.
    p.moves.push_back(Move{id, {}, {*now->table_id}, "", now->table_number});
    rows.emplace_back(was, line(*was, tr(l, "opt.no_table"), now->table_number, l));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first->time.seconds, a.first->guest_name) <
           std::tie(b.first->time.seconds, b.first->guest_name);
  });
  for (auto& row : rows) p.lines.push_back(std::move(row.second));
  return p;
}

}  // namespace foh::ui
