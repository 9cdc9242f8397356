#include "foh/engine/model.hpp"

#include <array>
#include <utility>

namespace foh {
namespace {

// One table per enum: the seed's spelling for each value, in enum order.
constexpr std::array kReservationStatus{"Pending",   "Confirmed", "Arrived", "Seated",
                                        "Completed", "Cancelled", "No-show"};
constexpr std::array kTableShape{"round", "square", "rectangular"};
constexpr std::array kRole{"Admin", "Manager", "Server"};
constexpr std::array kWaitlistStatus{"waiting",   "notified", "called",
                                     "converted", "expired",  "cancelled"};

template <class E, size_t N>
std::optional<E> parse_enum(std::string_view s, const std::array<const char*, N>& names) {
  for (size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

const char* to_string(ReservationStatus s) { return kReservationStatus[static_cast<size_t>(s)]; }
const char* to_string(TableShape s) { return kTableShape[static_cast<size_t>(s)]; }
const char* to_string(Role r) { return kRole[static_cast<size_t>(r)]; }
const char* to_string(WaitlistStatus s) { return kWaitlistStatus[static_cast<size_t>(s)]; }

std::optional<ReservationStatus> parse_reservation_status(std::string_view s) {
  return parse_enum<ReservationStatus>(s, kReservationStatus);
}
std::optional<TableShape> parse_table_shape(std::string_view s) {
  return parse_enum<TableShape>(s, kTableShape);
}
std::optional<Role> parse_role(std::string_view s) { return parse_enum<Role>(s, kRole); }
std::optional<WaitlistStatus> parse_waitlist_status(std::string_view s) {
  return parse_enum<WaitlistStatus>(s, kWaitlistStatus);
}

bool is_live(ReservationStatus s) {
  return s == ReservationStatus::Pending || s == ReservationStatus::Confirmed ||
         s == ReservationStatus::Arrived || s == ReservationStatus::Seated;
}

}  // namespace foh
