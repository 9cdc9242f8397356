#pragma once
// Reservations: the day's list per service (search, status filter, covers per
// slot against pacing), the timeline (tables x time; drag a booking to another
// table or time: the engine's overlap rule accepts or refuses with its
// reason), the new-booking form with the suggested table, status actions and
// undo of the last action; managers re-plan the whole day ("Optimise tonight").
#include <optional>
#include <string>
#include <vector>

#include "desk.hpp"
#include "screens/commands.hpp"
#include "widgets/validate.hpp"

namespace foh::ui {

enum class ReservationsMode { List, Timeline, Form };

// New-booking form; every field validated inline, nothing recorded until valid.
struct BookingForm {
  std::string party = "2";
  std::string time = "20:00";
  std::string duration;                  // minutes, empty = turn time
  std::string name, phone, notes, tags;  // tags comma-separated
  bool submitted = false;                // show messages of untouched fields after the first OK
  std::string suggestion;  // "Table 12 - exact fit" from the engine, refreshed on change
  std::string suggestion_key;
  TableChoice suggested;
};

// A reservation being dragged on the timeline.
struct TimelineDrag {
  Uuid reservation_id;
  float grab_dx = 0;     // pixels between pointer and bar start
  Uuid over_table;       // table row under the pointer
  int over_minute = 0;   // snapped start minute (service-day minutes)
  bool allowed = false;  // engine verdict for the drop place
  std::string reason;    // why not / conflicting booking
  TableChoice choice;    // the table, or the combination with it that seats the party
};

// "Optimise tonight" (managers): the engine's re-plan of the day, shown
// before anything is written (view/optimise.hpp builds it).
struct OptimisePreview {
  std::vector<Move> moves;         // what Apply writes, all or nothing
  std::vector<std::string> lines;  // one per party: "19:45  Martin (4): 2 → 7", in time order
  int covers_before = 0, covers_after = 0;
  std::string refusal;  // Apply refused (stale: the day changed since); Apply is then disabled
};

struct ReservationsView {
  ReservationsMode mode = ReservationsMode::List;
  std::optional<Uuid> service_id;  // empty = whole day
  std::string search;              // name or phone
  std::optional<ReservationStatus> status_filter;
  std::optional<Uuid> selected;
  int arrived_count = 0;  // for partial arrival of the selected
  BookingForm form;
  std::optional<TimelineDrag> drag;
  std::optional<Uuid> timeline_plan;        // floor plan shown on the timeline (first when empty)
  std::string refusal;                      // last refused drop, shown until the next drag
  std::optional<OptimisePreview> optimise;  // shown instead of the list or timeline until closed
};

struct ReservationsIntents {
  std::optional<Reservation> create;  // id empty: net makes the UUID; table from the suggestion
  std::optional<MoveCommand> move;    // timeline drop the engine accepted
  std::optional<StatusCommand> status;
  std::optional<Uuid> undo_last;  // undo the last status change of this reservation (manager PIN
                                  // asked by the shell)
  std::optional<Uuid> select;
  std::optional<Uuid> open_seat;                 // seat this reservation (seat screen)
  bool optimise = false;                         // manager: re-plan the day and preview it
  std::optional<std::vector<Move>> apply_moves;  // the previewed re-plan, applied
};

// View logic, unit-tested: reservations of the list after search/filter/service, in time order.
std::vector<const Reservation*> filtered_reservations(const ReservationsView& v, const Desk& d);
// Validation of the form: the first error per field (None when fine).
struct FormErrors {
  FieldError party, time, duration, name, phone, notes;
  bool ok() const;
};
FormErrors validate_form(const BookingForm& f);
// The reservation the form describes (call only when validate_form(f).ok()).
Reservation reservation_from_form(const BookingForm& f, const Desk& d);
// Engine check of a drop on the timeline: allowed or the refusal reason.
std::pair<bool, std::string> check_move(const Reservation& r, const TableChoice& to, TimeOfDay t,
                                        const Desk& d);
// A drop on `table`: the table alone when it seats the party; else the
// declared combinations with it (capacity_overrides) that seat the party,
// fewest seats first, the first the engine accepts. Refused with the reason
// of the table alone (too small) or of the best combination (taken, blocked).
struct DropVerdict {
  bool allowed = false;
  TableChoice choice;  // what the drop books: "7" or "7+8"
  std::string reason;
};
DropVerdict propose_drop(const Reservation& r, const Table& table, TimeOfDay t, const Desk& d);

void draw_reservations(ReservationsView& v, const Desk& d, ReservationsIntents& out);
void draw_timeline(ReservationsView& v, const Desk& d, ReservationsIntents& out);
void draw_booking_form(ReservationsView& v, const Desk& d, ReservationsIntents& out);

}  // namespace foh::ui
