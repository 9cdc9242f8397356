// check_move: the refusals in the order the host reads them: the table, its
// seats, the hours, then who holds it.
#include "foh/engine/move_check.hpp"

#include <optional>

#include "foh/engine/floor.hpp"
#include "foh/engine/rules.hpp"
#include "phrases.hpp"

namespace foh {

MoveVerdict check_move(const Reservation& r, const std::vector<Uuid>& table_ids,
                       const std::string& table_number, TimeOfDay t,
                       const std::vector<Reservation>& day, const Floor& f, const Settings& s,
                       const std::vector<Service>& services, Language l) {
  Reservation moved = r;
  moved.table_id = table_ids.empty() ? std::nullopt : std::optional<Uuid>(table_ids.front());
  moved.table_number = table_number;
  moved.time = t;
  int seats = 0, min_seats = 0;
  for (const Uuid& id : table_ids)
    if (const Table* tb = f.table(id)) {
      seats += tb->capacity_max, min_seats += tb->capacity_min;
      if (f.is_unavailable(id)) return {false, phrase::move_blocked(l, tb->name)};
    }
  if (table_ids.size() == 1 && (r.party_size > seats || r.party_size < min_seats))
    return {false, phrase::move_seats(l, table_number, min_seats, seats, r.party_size)};
  if (!service_at(r.date, t, services)) return {false, phrase::move_closed(l, t)};
  auto clash = conflicts_with(moved, day, f, s, services);
  if (!clash.empty()) return {false, phrase::move_overlaps(l, *clash.front())};
  return {true, {}};
}

}  // namespace foh
