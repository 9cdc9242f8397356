#pragma once
// Per-day lookups the screens need every frame, built once when the data
// changes (not per frame): which reservations hold each table, in time order,
// with their spans from the engine's rules; reservations in time order;
// covers per pacing slot; tables per floor plan.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "foh/engine/model.hpp"

namespace foh {
class Floor;
}

namespace foh::ui {

struct Booking {  // one reservation as the screens see it
  const Reservation* r = nullptr;
  int64_t start = 0, end = 0;  // local minutes since epoch, [start, end) (engine span_of)
  std::vector<Uuid> tables;    // Floor::tables_of
  Uuid service_id;             // its own, else the service open at its time (empty: none)
};

class DayIndex {
 public:
  static DayIndex build(const Venue& v, const DayBook& day, const Floor& f);

  const std::vector<Booking>& bookings() const { return bookings_; }  // by start time
  const Booking* booking(const Uuid& reservation_id) const;
  // Bookings holding the table (all statuses), by start time.
  const std::vector<int>& on_table(const Uuid& table_id) const;
  // Tables of a floor plan (venue tables + the day's extra tables), in name order.
  const std::vector<const Table*>& tables_of_plan(const Uuid& floor_plan_id) const;
  // Covers starting in each pacing slot (engine pacing.hpp): service-day minute -> covers.
  const std::vector<std::pair<int64_t, int>>& covers_per_slot() const { return covers_; }
  bool is_blocked(const Uuid& table_id) const;  // hidden or blocked today
  // Override position of the day (daily_table_overrides), if any.
  const DailyTableOverride* override_of(const Uuid& table_id) const;

  // The customer a reservation names (customer_id), when the day holds it
  // (DayBook::customers): its tags (allergy, VIP), notes and counts.
  const Customer* customer_of(const Reservation& r) const;
  const Customer* customer(const Uuid& customer_id) const;

  // The Seated booking at the table (a seated party holds it until completed).
  const Booking* seated_at(const Uuid& table_id, int64_t minute) const;
  // The next live not-yet-seated booking on the table starting at or after `minute`.
  const Booking* next_on(const Uuid& table_id, int64_t minute) const;

 private:
  std::vector<Booking> bookings_;
  std::unordered_map<Uuid, int> by_id_;
  std::unordered_map<Uuid, std::vector<int>> by_table_;
  std::unordered_map<Uuid, std::vector<const Table*>> by_plan_;
  std::unordered_map<Uuid, const DailyTableOverride*> overrides_;
  std::vector<std::pair<int64_t, int>> covers_;
  std::unordered_set<Uuid> blocked_;
  std::unordered_map<Uuid, const Customer*> customers_;
  std::vector<int> empty_;
  std::vector<const Table*> no_tables_;
};

}  // namespace foh::ui
