#include "assign_index.hpp"

#include <algorithm>

namespace foh::detail {
namespace {

constexpr int kOpenWindow = 180;  // minutes: a free window this long counts as "open"

bool movable_status(ReservationStatus s) {
  return s == ReservationStatus::Pending || s == ReservationStatus::Confirmed;
}

// Parties of one size booked for one span share the answer "is anything free?".
uint64_t stuck_key(const Placed& p) {
  return (static_cast<uint64_t>(p.party) << 56) ^ (static_cast<uint64_t>(p.span.start) << 16) ^
         static_cast<uint64_t>(p.span.end - p.span.start);
}

}  // namespace

SeatingIndex::SeatingIndex(const Floor& floor, const std::vector<Reservation>& reservations,
                           const Settings& settings, const std::vector<Service>& services)
    : floor_(&floor), settings_(&settings), services_(&services) {
  const auto& tables = floor.tables();
  const int n = static_cast<int>(tables.size());
  single_of_table_.assign(n, -1);
  bookings_.assign(n, {});
  for (int t = 0; t < n; ++t) {
    if (floor.unavailable_at(t)) continue;
    Option o;
    o.member_begin = static_cast<int>(members_.size());
    o.member_count = 1;
    o.cap_min = tables[t].capacity_min;
    o.cap_max = tables[t].capacity_max;
    o.combinable = !floor.combinations_with(t).empty();
    o.fill_group = tables[t].fill_group;
    o.table = t;
    members_.push_back(t);
    options_.push_back(o);
  }
  const auto& combos = floor.combinations();
  for (int c = 0; c < static_cast<int>(combos.size()); ++c) {
    const auto& m = combos[c].members;
    if (std::any_of(m.begin(), m.end(), [&](int t) { return floor.unavailable_at(t); })) continue;
    Option o;
    o.member_begin = static_cast<int>(members_.size());
    o.member_count = static_cast<int>(m.size());
    o.cap_min = 1;  // "it may seat any party up to that value"
    o.cap_max = combos[c].seats;
    o.combination = true;
    o.fill_group = tables[m.front()].fill_group;
    o.table = m.front();
    o.combo = c;
    members_.insert(members_.end(), m.begin(), m.end());
    options_.push_back(o);
  }
  std::stable_sort(options_.begin(), options_.end(), [](const Option& a, const Option& b) {
    if (a.combination != b.combination) return !a.combination;
    return a.cap_max < b.cap_max;
  });
  first_combination_ = static_cast<int>(options_.size());
  for (int o = 0; o < static_cast<int>(options_.size()); ++o) {
    largest_ = std::max(largest_, options_[o].cap_max);
    if (options_[o].combination)
      first_combination_ = std::min(first_combination_, o);
    else
      single_of_table_[options_[o].table] = o;
  }
  shortest_turn_ = settings.default_duration;
  for (const auto& [party, minutes] : settings.turn_times)
    shortest_turn_ = std::min(shortest_turn_, minutes);
  placed_.reserve(reservations.size() + 64);
  for (const Reservation& r : reservations) {
    Placed p;
    if (is_live(r.status)) p.held = floor.held_by(r);
    // A live booking holding no table is a party to seat too (optimise_day):
    // it needs its span and party, though it blocks nothing.
    if (is_live(r.status)) {
      p.span = span_of(r, settings, services);
      p.party = r.party_size;
      p.movable = movable_status(r.status);
      if (p.held.count > 0) p.option = option_of_held(p.held);
    }
    p.alike = alike_id(p);
    placed_.push_back(p);
    insert_bookings(static_cast<int>(placed_.size()) - 1);
  }
}

int SeatingIndex::option_of_held(const HeldTables& held) const {
  if (held.count == 1) return single_of_table_[held.index[0]];
  int c = floor_->combination_of(held);
  if (c < 0) return -1;
  for (int o = first_combination_; o < static_cast<int>(options_.size()); ++o)
    if (options_[o].combo == c) return o;
  return -1;
}

int SeatingIndex::first_single_for(int party) const {
  auto it = std::lower_bound(options_.begin(), options_.begin() + first_combination_, party,
                             [](const Option& o, int p) { return o.cap_max < p; });
  return static_cast<int>(it - options_.begin());
}

int SeatingIndex::first_combination_for(int party) const {
  auto it = std::lower_bound(options_.begin() + first_combination_, options_.end(), party,
                             [](const Option& o, int p) { return o.cap_max < p; });
  return static_cast<int>(it - options_.begin());
}

bool SeatingIndex::is_free(int o, Span span, const Overlay* ov) const {
  const int* m = members(o);
  const int count = options_[o].member_count;
  for (int k = 0; k < count; ++k) {
    for (const Booking& b : bookings_[m[k]]) {
      if (b.start >= span.end) break;
      if (overlaps(span, Span{b.start, b.end}) && !(ov && ov->is_lifted(b.res))) return false;
    }
  }
  if (!ov) return true;
  for (int i = 0; i < ov->placed_count; ++i) {
    const auto& p = ov->placed[i];
    if (!overlaps(span, p.span)) continue;
    const int* pm = members(p.option);
    for (int a = 0; a < count; ++a)
      for (int b = 0; b < options_[p.option].member_count; ++b)
        if (m[a] == pm[b]) return false;
  }
  return true;
}

int SeatingIndex::blockers(int o, Span span, const Overlay* ov, int* out, int max) const {
  int found = 0;
  const int* m = members(o);
  for (int k = 0; k < options_[o].member_count; ++k) {
    for (const Booking& b : bookings_[m[k]]) {
      if (b.start >= span.end) break;
      if (!overlaps(span, Span{b.start, b.end}) || (ov && ov->is_lifted(b.res))) continue;
      if (std::find(out, out + found, b.res) != out + found) continue;
      if (found == max) return max + 1;
      out[found++] = b.res;
    }
  }
  return found;
}

int SeatingIndex::gap_cost(int o, Span span) const {
  int cost = 0;
  const int* m = members(o);
  auto window_cost = [&](int64_t gap) {
    if (gap <= 0) return 0;
    if (gap < shortest_turn_) return static_cast<int>(3 * gap);  // dead time nobody can use
    return static_cast<int>(std::min<int64_t>(gap, kOpenWindow));
  };
  for (int k = 0; k < options_[o].member_count; ++k) {
    int64_t before = kOpenWindow, after = kOpenWindow;
    for (const Booking& b : bookings_[m[k]]) {
      if (b.end <= span.start) before = std::min(before, span.start - b.end);
      if (b.start >= span.end) {
        after = std::min(after, b.start - span.end);
        break;
      }
    }
    cost += window_cost(before) + window_cost(after);
  }
  return cost;
}

void SeatingIndex::insert_bookings(int res) {
  const Placed& p = placed_[res];
  for (int k = 0; k < p.held.count; ++k) {
    auto& list = bookings_[p.held.index[k]];
    Booking b{p.span.start, p.span.end, res};
    auto it = std::upper_bound(list.begin(), list.end(), b.start,
                               [](int64_t s, const Booking& x) { return s < x.start; });
    list.insert(it, b);
  }
}

void SeatingIndex::erase_bookings(int res) {
  const Placed& p = placed_[res];
  for (int k = 0; k < p.held.count; ++k) {
    auto& list = bookings_[p.held.index[k]];
    list.erase(
        std::remove_if(list.begin(), list.end(), [&](const Booking& b) { return b.res == res; }),
        list.end());
  }
}

int SeatingIndex::add(const Reservation& r, int option) {
  Placed p;
  p.span = span_of(r, *settings_, *services_);
  p.party = r.party_size;
  p.movable = movable_status(r.status);
  p.alike = alike_id(p);
  placed_.push_back(p);
  int res = static_cast<int>(placed_.size()) - 1;
  if (option >= 0) move(res, option);
  return res;
}

void SeatingIndex::new_search() const {
  if (++search_ == 0) {  // wrapped: clear the old stamps
    std::fill(stuck_.begin(), stuck_.end(), 0);
    search_ = 1;
  }
}

int SeatingIndex::alike_id(const Placed& p) {
  auto [it, added] = alike_.try_emplace(stuck_key(p), static_cast<int>(alike_.size()));
  if (added) stuck_.push_back(0);
  return it->second;
}

void SeatingIndex::unplace(int res) {
  erase_bookings(res);
  placed_[res].option = -1;
  placed_[res].held = HeldTables{};
}

void SeatingIndex::move(int res, int option) {
  erase_bookings(res);
  Placed& p = placed_[res];
  p.option = option;
  p.held = HeldTables{};
  const int* m = members(option);
  for (int k = 0; k < options_[option].member_count; ++k) p.held.add(m[k]);
  insert_bookings(res);
}

}  // namespace foh::detail
