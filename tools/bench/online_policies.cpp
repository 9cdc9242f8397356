#include "online_policies.hpp"

#include <algorithm>

#include "day_gen.hpp"

namespace foh::bench {
namespace {

DayBook empty_day(const std::vector<SeatRequest>& requests) {
  DayBook day;
  day.date = requests.empty() ? Date{2026, 11, 21} : requests.front().date;
  return day;
}

bool at_peak(const SeatRequest& r) {
  int m = r.time.seconds / 60;
  return (m >= 12 * 60 && m <= 13 * 60 + 15) || (m >= 19 * 60 + 15 && m <= 20 * 60 + 45);
}

// Covers assign seats of the last `remaining` requests of `future`, from `day`.
int future_covers(const Venue& venue, const DayBook& day, const std::vector<SeatRequest>& future,
                  size_t remaining) {
  auto a = Assigner::create(venue, day);
  int covers = 0;
  for (size_t i = future.size() - std::min(remaining, future.size()); i < future.size(); ++i)
    if (a->assign(future[i]).accepted) covers += future[i].party_size;
  return covers;
}

int64_t futures_covers(const Venue& venue, const DayBook& day, const Futures& futures,
                       size_t remaining) {
  int64_t covers = 0;
  for (const auto& f : futures) covers += future_covers(venue, day, f, remaining);
  return covers;
}

Reservation booked_at(const Venue& venue, const SeatRequest& r, const TableChoice& c) {
  Reservation res = booking_of(r, venue);
  res.table_id = c.table_ids.front();
  res.table_number = c.table_number;
  return res;
}

}  // namespace

int hold_back_covers(const Venue& venue, const std::vector<SeatRequest>& requests,
                     const std::set<int>& sizes) {
  auto a = Assigner::create(venue, empty_day(requests));
  int covers = 0;
  for (const auto& r : requests) {
    if (sizes.count(r.party_size) && at_peak(r)) continue;
    if (a->assign(r).accepted) covers += r.party_size;
  }
  return covers;
}

Futures sample_futures(const Venue& venue, double demand, uint64_t seed, int count) {
  Futures out;
  for (int k = 1; k <= count; ++k) {
    auto day = make_requests(venue, {demand}, seed * 7919 + 104729ULL * k);
    for (auto& r : day) r.id = "future-" + std::to_string(k) + "-" + r.id;
    out.push_back(std::move(day));
  }
  return out;
}

int yield_covers(const Venue& venue, const std::vector<SeatRequest>& requests,
                 const Futures& futures) {
  auto a = Assigner::create(venue, empty_day(requests));
  int covers = 0;
  for (size_t k = 0; k < requests.size(); ++k) {
    const SeatRequest& r = requests[k];
    if (!a->propose(r).accepted) continue;
    size_t remaining = requests.size() - k - 1;
    auto with = Assigner::create(venue, a->day());
    with->assign(r);
    int64_t gain = futures_covers(venue, with->day(), futures, remaining) -
                   futures_covers(venue, a->day(), futures, remaining);
    if (int64_t{r.party_size} * static_cast<int64_t>(futures.size()) + gain < 0) continue;
    a->assign(r);
    covers += r.party_size;
  }
  return covers;
}

int placement_covers(const Venue& venue, const std::vector<SeatRequest>& requests,
                     const Futures& futures, int options) {
  AssignOptions o;
  o.max_alternatives = std::max(0, options - 1);
  DayBook day = empty_day(requests);
  int covers = 0;
  for (size_t k = 0; k < requests.size(); ++k) {
    const SeatRequest& r = requests[k];
    auto a = Assigner::create(venue, day, o);
    Decision d = a->assign(r);
    if (!d.accepted) continue;
    covers += r.party_size;
    size_t remaining = requests.size() - k - 1;
    DayBook best = a->day();  // assign's choice, with its moves
    int64_t best_covers = futures_covers(venue, best, futures, remaining);
    for (const auto& alt : d.alternatives) {
      DayBook other = day;
      other.reservations.push_back(booked_at(venue, r, alt));
      int64_t c = futures_covers(venue, other, futures, remaining);
      if (c > best_covers) best = std::move(other), best_covers = c;
    }
    day = std::move(best);
  }
  return covers;
}

}  // namespace foh::bench
