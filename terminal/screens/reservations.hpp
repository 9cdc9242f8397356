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
#include "view/optimise.hpp"
#include "widgets/validate.hpp"

namespace foh::ui {

enum class ReservationsMode { List, Timeline, Form };

// The booking form, new or editing one booking; every field validated inline,
// nothing recorded until valid, nor while the engine refuses the booking (no
// service, pacing) unless a Manager overrides it.
struct BookingForm {
  std::optional<Reservation> editing;  // the booking as it was; none = a new booking
  std::optional<Date> date;            // none = the day shown
  std::string party = "2";
  std::string time = "20:00";
  std::string duration;                  // minutes, empty = turn time
  std::string name, phone, notes, tags;  // tags comma-separated
  bool submitted = false;                // show messages of untouched fields after the first OK
  // The engine's table for the booking (view/booking_edit.hpp's propose_booking),
  // refreshed on change: its reason ("Table 12 - exact fit", or why none, or
  // its refusal) and the other bookings it moves to free the table.
  Decision proposal;
  std::string suggestion_key;     // what `proposal` was made for
  bool table_on_save = false;     // another day than the one shown: proposed on save
  bool override_refusal = false;  // the host asks to save it anyway (a Manager's PIN)
  // The guest's card (booking_guest.cpp): the customer linked (picked from
  // those the host's typing finds, or the booking's own), the tags and notes
  // the host gives it. A phone with no customer becomes one on save.
  std::optional<Customer> guest;        // linked, as found
  std::vector<std::string> guest_tags;  // as edited (the linked customer's at first)
  std::string guest_notes, new_tag;
  bool guest_loaded = false;      // an edited booking's customer looked up once
  bool guest_unlinked = false;    // the host unlinked the booking's customer
  std::string guest_query;        // the last query the shell was asked to search
  std::vector<Customer> matches;  // the shell's answer to guest_query
};

// A booking from the form that is not a plain new one: an edit (r.id set),
// or a booking whose refusal a Manager overrides.
struct BookingCommand {
  Reservation r;
  std::optional<Customer> guest;  // the card saved with it (id empty: a new one)
  std::vector<Move> moves;
  bool override_refusal = false;
};

// A no-show or cancel waiting for the host's confirmation (a popup naming the guest).
struct StatusConfirm {
  Uuid reservation_id;
  ReservationStatus to = ReservationStatus::Cancelled;
};

// A move to other tables judged by the engine's check_move: the tables as
// the Store gets them, their reason the yes (worded) or why not.
struct DropVerdict {
  bool allowed = false;
  TableChoice choice;  // what the drop books: "7" or "7+8"
};

// A reservation being dragged on the timeline.
struct TimelineDrag {
  Uuid reservation_id;
  float grab_dx = 0;    // pixels between pointer and bar start
  Uuid over_table;      // table row under the pointer
  int over_minute = 0;  // snapped start minute (service-day minutes)
  DropVerdict verdict;  // the engine's, for the drop place: the table or the combination with it
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
  std::optional<Uuid> timeline_plan;  // floor plan shown on the timeline (first when empty)
  std::string refusal;                // last refused drop, shown until the next drag
  bool timeline_on_now = false;       // scrolled to now since the timeline last opened
  // The plan and picked booking the timeline last brought into view, and how
  // many frames it has tried (the scroll range is known a frame late).
  std::string timeline_in_view;
  int timeline_view_tries = 0;
  std::optional<OptimisePreview> optimise;  // shown instead of the list or timeline until closed
  std::optional<StatusConfirm> confirm;     // no-show / cancel asked, not yet confirmed
};

struct ReservationsIntents {
  std::optional<Reservation> create;     // id empty: net makes the UUID; table from the suggestion
  std::vector<Move> create_moves;        // with `create`: the suggestion's moves
  std::optional<Customer> create_guest;  // with `create`: its card (id empty: a new one)
  std::optional<std::string> find_guests;  // search customers by name or phone (form.matches)
  std::optional<BookingCommand> save;      // an edit, or a refusal overridden (manager PIN asked)
  std::optional<MoveCommand> move;         // timeline drop the engine accepted
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
// The reservation the form describes (call only when validate_form(f).ok()):
// an edit keeps the booking's other columns.
Reservation reservation_from_form(const BookingForm& f, const Desk& d);
// The form filled with `r`, to edit it.
BookingForm edit_form(const Reservation& r);
// Opens the form on `r` (from the list, the timeline or the seat screen).
void start_edit(ReservationsView& v, const Reservation& r);
// A drop on the timeline or a table the host picks: the engine's check_move
// (engine/move_check.hpp) over the desk's day; `to` with its reason, the yes
// (worded) or the refusal.
DropVerdict check_move(const Reservation& r, TableChoice to, TimeOfDay t, const Desk& d);
// A drop on `table`: the table alone when it seats the party; else the
// declared combinations with it (capacity_overrides) that seat the party,
// fewest seats first, the first the engine accepts. Refused with the reason
// of the table alone (too small) or of the best combination (taken, blocked);
// the table alone is then the choice.
DropVerdict propose_drop(const Reservation& r, const Table& table, TimeOfDay t, const Desk& d);

void draw_reservations(ReservationsView& v, const Desk& d, ReservationsIntents& out);
void draw_timeline(ReservationsView& v, const Desk& d, ReservationsIntents& out);
void draw_booking_form(ReservationsView& v, const Desk& d, ReservationsIntents& out);
// The guest's part of the form: matches as the host types, the linked
// customer's card, tags and notes (booking_guest.cpp).
void draw_booking_guest(BookingForm& f, const Desk& d, ReservationsIntents& out);
// Links the form to `c` (its tags and notes become the form's). `picked`: the
// host tapped it among the matches, so the booking takes its name and phone
// (what was typed was a search); else they fill only empty fields.
void link_guest(BookingForm& f, const Customer& c, bool picked = false);
// The card to save with the booking: the linked customer as edited, or a new
// one when a phone (or a tag, a note) was given; none otherwise.
std::optional<Customer> guest_card(const BookingForm& f);
// What the host's typing searches: the phone once it has 3 digits, else the
// name once it has 2 letters; empty for nothing.
std::string guest_query(const BookingForm& f);
// No-show and cancel: a red button that asks first (v.confirm), and the popup
// naming the guest whose "yes" records the status change (booking_actions.cpp).
void confirm_button(ReservationsView& v, const Reservation& r, ReservationStatus to, Language l);
void draw_status_confirm(ReservationsView& v, const Desk& d, ReservationsIntents& out);

}  // namespace foh::ui
