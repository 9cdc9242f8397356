// Per-day lookups for the screens, built once per data change.
#include "view/day_index.hpp"

#include <algorithm>

#include "foh/engine/floor.hpp"
#include "foh/engine/pacing.hpp"
#include "foh/engine/rules.hpp"

namespace foh::ui {

DayIndex DayIndex::build(const Venue& v, const DayBook& day, const Floor& f) {
  DayIndex ix;
  const Settings& s = v.restaurant.settings;
  ix.bookings_.reserve(day.reservations.size());
  for (const Reservation& r : day.reservations) {
    Span sp = span_of(r, s, v.services);
    Uuid service = r.service_id.value_or("");
    if (service.empty())
      if (auto at = service_at(r.date, r.time, v.services); at && *at) service = (*at)->id;
    ix.bookings_.push_back(Booking{&r, sp.start, sp.end, f.tables_of(r), std::move(service)});
  }
  std::stable_sort(ix.bookings_.begin(), ix.bookings_.end(),
                   [](const Booking& a, const Booking& b) { return a.start < b.start; });
  for (int i = 0; i < static_cast<int>(ix.bookings_.size()); ++i) {
    const Booking& b = ix.bookings_[i];
    ix.by_id_.emplace(b.r->id, i);
    for (const Uuid& t : b.tables) ix.by_table_[t].push_back(i);
  }
  // Pacing's own count, so the screen shows exactly what the rule checks.
  for (const SlotCovers& c : foh::covers_per_slot(day.reservations, day.date, s, v.services))
    ix.covers_.emplace_back(c.start_minute, c.covers);
  for (const Table& t : f.tables()) ix.by_plan_[t.floor_plan_id].push_back(&t);
  for (auto& [plan, tables] : ix.by_plan_)
    std::sort(tables.begin(), tables.end(), [](const Table* a, const Table* b) {
      // Numeric names in number order ("2" before "10"), then by text.
      if (a->name.size() != b->name.size()) return a->name.size() < b->name.size();
      return a->name < b->name;
    });
  for (const DailyTableOverride& o : day.table_overrides) ix.overrides_[o.table_id] = &o;
  for (const Table& t : f.tables())
    if (f.is_unavailable(t.id)) ix.blocked_.insert(t.id);
  for (const Customer& c : day.customers) ix.customers_[c.id] = &c;
  return ix;
}

const Customer* DayIndex::customer(const Uuid& customer_id) const {
  auto it = customers_.find(customer_id);
  return it == customers_.end() ? nullptr : it->second;
}

const Customer* DayIndex::customer_of(const Reservation& r) const {
  return r.customer_id ? customer(*r.customer_id) : nullptr;
}

const Booking* DayIndex::booking(const Uuid& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &bookings_[it->second];
}

const std::vector<int>& DayIndex::on_table(const Uuid& table_id) const {
  auto it = by_table_.find(table_id);
  return it == by_table_.end() ? empty_ : it->second;
}

const std::vector<const Table*>& DayIndex::tables_of_plan(const Uuid& plan) const {
  auto it = by_plan_.find(plan);
  return it == by_plan_.end() ? no_tables_ : it->second;
}

bool DayIndex::is_blocked(const Uuid& table_id) const { return blocked_.count(table_id) != 0; }

const DailyTableOverride* DayIndex::override_of(const Uuid& table_id) const {
  auto it = overrides_.find(table_id);
  return it == overrides_.end() ? nullptr : it->second;
}

const Booking* DayIndex::seated_at(const Uuid& table_id, int64_t) const {
  // A seated party holds the table until it is completed, even past its end.
  for (int i : on_table(table_id)) {
    const Booking& b = bookings_[i];
    if (b.r->status == ReservationStatus::Seated) return &b;
  }
  return nullptr;
}

const Booking* DayIndex::next_on(const Uuid& table_id, int64_t minute) const {
  const Booking* best = nullptr;
  for (int i : on_table(table_id)) {
    const Booking& b = bookings_[i];
    bool waiting = b.r->status == ReservationStatus::Pending ||
                   b.r->status == ReservationStatus::Confirmed ||
                   b.r->status == ReservationStatus::Arrived;
    // Late parties (start already past) still count as "next" until they come or no-show.
    if (waiting && b.end > minute && (!best || b.start < best->start)) best = &b;
  }
  return best;
}

}  // namespace foh::ui
