// Applying what the screens recorded during a frame, through net's Store.
// Every Store call checks the engine's rules and commits before it returns;
// it runs off the frame, on the Store's worker (App::write), and its result
// (or refusal, with the reason) becomes the message once it lands.
#include "app/app.hpp"
#include "app/guest_card.hpp"
#include "foh/engine/optimise.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/engine/pin.hpp"
#include "i18n.hpp"
#include "view/optimise.hpp"
#include "widgets/guest_texts.hpp"

namespace foh::app {

namespace {

PendingAction pending(PendingAction::Kind kind, const Uuid& reservation_id) {
  PendingAction a;
  a.kind = kind;
  a.reservation_id = reservation_id;
  return a;
}

// "Dupont (4)"; an anonymous walk-in (net names it "Walk-in") in the host's language.
std::string guest(ui::Language l, const Reservation& r) {
  const bool anonymous = r.source == "Walk-in" && r.guest_name == "Walk-in";
  return (r.guest_name.empty() ? std::string("—")
          : anonymous          ? std::string(ui::tr(l, "floor.walk_in"))
                               : r.guest_name) +
         " (" + std::to_string(r.party_size) + ")";
}

// A refused status change as the host reads it: "Dupont (4): cannot go from …"
// (the engine worded it in the actor's language).
std::string refused(const DayBook& day, const Uuid& reservation_id, const Error& e,
                    ui::Language l) {
  for (const Reservation& r : day.reservations)
    if (r.id == reservation_id) return guest(l, r) + ui::colon(l) + ui::error_text(l, e);
  return ui::error_text(l, e);
}

// A reservation moved to another table (and time): read and written on the Store's worker.
Result<Reservation> move_to(net::Store& s, const Uuid& id, const ui::TableChoice& table,
                            std::optional<TimeOfDay> time, const net::Actor& by) {
  auto r = s.cache().reservation(id);
  if (!r) return r.error();
  r->table_id = table.table_ids.empty() ? std::optional<Uuid>{}
                                        : std::optional<Uuid>{table.table_ids.front()};
  r->table_number = table.table_number;
  if (time) r->time = *time;
  return s.update_reservation(*r, by);
}
}  // namespace

void App::apply(const ui::LoginIntents& in) {
  if (in.switch_locale) desk_.locale = *in.switch_locale, shown_.mark_stale();  // names reworded
  if (in.attempt) start_login(*in.attempt);  // checked off the frame (app/waits.cpp)
}

void App::open_seat(ui::PartySource source, const Uuid& id) {
  screens_.seat = ui::SeatView{};
  screens_.seat.command_id = net::new_uuid();
  screens_.seat.source = source;
  if (source == ui::PartySource::Reservation) {
    screens_.seat.reservation_id = id;
    for (const auto& r : shown_.day().reservations)
      if (r.id == id) {
        screens_.seat.party_size = r.party_size;
        screens_.seat.guest_name = r.guest_name;
      }
  } else if (source == ui::PartySource::Waitlist) {
    screens_.seat.waitlist_entry_id = id;
    for (const auto& w : shown_.day().waitlist)
      if (w.id == id) {
        screens_.seat.party_size = w.party_size;
        screens_.seat.guest_name = w.guest_name;
      }
  }
  if (session_.may(Tab::Seat)) screens_.switch_to = Tab::Seat;
}

void App::seat(const ui::SeatCommand& c) {
  const TimeOfDay now = clock_.now().time();
  const net::Actor by = actor();
  const Date today = desk_.today;
  const std::string key = !c.command_id.empty() ? c.command_id : c.reservation_id.value_or("");
  // The proposal's moves and the seating are one transaction in net's Store.
  auto run = [c, by, today, now](net::Store& s) -> Result<Reservation> {
    if (c.source == ui::PartySource::WalkIn)
      return s.seat_walk_in(c.party_size, c.table, today, now, by, c.guest_name, c.moves,
                            c.command_id);
    if (c.source == ui::PartySource::Waitlist && c.waitlist_entry_id)
      return s.waitlist_seat(*c.waitlist_entry_id, c.table, now, by, c.moves, c.command_id);
    if (c.reservation_id)  // more than booked grows the booking ("booked 6, arrived 8")
      return s.seat_reservation(*c.reservation_id, c.table, by, c.moves, c.party_size);
    return Error{"seat", "nothing to seat"};
  };
  write(key, run, [this, c](Result<Reservation> done) { seated(c, done); });
}

void App::seated(const ui::SeatCommand& c, const Result<Reservation>& done) {
  if (!done) return say(ui::error_text(desk_.locale, done.error()), true);
  std::string line = ui::tr(desk_.locale, "shell.seated") + std::string(ui::colon(desk_.locale)) +
                     guest(desk_.locale, *done) + " — " + done->table_number;
  for (const Move& m : c.moves)  // the host tells the moved parties' servers
    for (const auto& r : shown_.day().reservations)
      if (r.id == m.reservation_id)
        line +=
            "; " + guest(desk_.locale, r) + " " + m.from_table_number + " → " + m.to_table_number;
  say(line, false);
  screens_.seat.suggestion.reset();
  screens_.seat.suggestion_key.clear();
  // The seat screen leaves the party it seated: the same spot is no longer a
  // seat button (a second tap seated another walk-in at the next table), and
  // the next pick is a new command.
  if (!c.command_id.empty() && c.command_id == screens_.seat.command_id) {
    ui::SeatView next;
    next.floor = screens_.seat.floor;
    next.no_pick = true;
    next.command_id = net::new_uuid();
    screens_.seat = std::move(next);
  }
}

void App::apply(const ui::FloorIntents& in) {
  if (in.select_table) screens_.floor.selected_table = *in.select_table;
  if (in.seat_walk_in) seat(*in.seat_walk_in);
  if (in.complete_reservation) {
    const Uuid id = *in.complete_reservation;
    write(
        id,
        [id, by = actor()](net::Store& s) {
          return s.change_status(id, ReservationStatus::Completed, by);
        },
        [this, id](Result<Reservation> r) {
          if (r)
            say(ui::tr(desk_.locale, "shell.completed") + std::string(ui::colon(desk_.locale)) +
                    r->table_number,
                false);
          else
            say(refused(shown_.day(), id, r.error(), desk_.locale), true);
        });
  }
  if (in.block_table) {
    const auto [table, blocked] = *in.block_table;
    write(
        table,
        [table, blocked, date = shown_.day().date, by = actor()](net::Store& s) {
          return s.set_table_blocked(table, date, blocked, by);
        },
        [this](Status st) {
          if (!st) say(ui::error_text(desk_.locale, st.error()), true);
        });
  }
  if (in.open_seat_for_reservation)
    open_seat(ui::PartySource::Reservation, *in.open_seat_for_reservation);
  apply_day(in.day);
  apply_sections(in.sections);
}

void App::apply(const ui::SeatIntents& in) {
  if (in.seat) seat(*in.seat);
  if (in.move_next) {
    const ui::MoveCommand m = *in.move_next;
    write(
        m.reservation_id,
        [m, by = actor()](net::Store& s) {
          return move_to(s, m.reservation_id, m.table, std::nullopt, by);
        },
        [this](Result<Reservation> done) {
          if (done)
            say(guest(desk_.locale, *done) + " → " + done->table_number, false);
          else
            say(ui::error_text(desk_.locale, done.error()), true);
        });
  }
  if (in.floor.select_table) screens_.seat.floor.selected_table = *in.floor.select_table;
  if (in.edit_booking) edit_booking(*in.edit_booking);
}

// The form's new booking: book()'s refusal (no service, pacing) stands; the form offers the
// override.
void App::create_booking(const ui::ReservationsIntents& in) {
  Reservation booking = *in.create;
  if (booking.id.empty()) booking.id = booking_command_;  // a second tap finds it written
  std::optional<Customer> card = in.create_guest;         // saved first, then linked
  if (card && card->id.empty()) card->id = guest_command_;
  write(
      ui::kWriteBookingForm,
      [booking, card, moves = in.create_moves,
       by = actor()](net::Store& s) mutable -> Result<Reservation> {
        if (card) {
          auto id = keep_card(s, *card, by);
          if (!id) return id.error();
          booking.customer_id = *id;
        }
        return s.book(booking, by, {moves, std::nullopt});
      },
      [this](Result<Reservation> r) {
        if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
        say(ui::tr(desk_.locale, "shell.booked") + std::string(ui::colon(desk_.locale)) +
                guest(desk_.locale, *r) + " " + r->time.hhmm() + " — " + r->table_number,
            false);
        screens_.reservations.form = ui::BookingForm{};
        booking_command_ = net::new_uuid();  // the next form is another booking
        guest_command_ = net::new_uuid();
        screens_.reservations.mode = ui::ReservationsMode::List;
        screens_.reservations.selected = r->id;
      });
}

void App::apply(const ui::ReservationsIntents& in) {
  if (in.select) screens_.reservations.selected = *in.select;
  if (in.create) create_booking(in);
  if (in.move) {
    const ui::MoveCommand m = *in.move;
    write(
        m.reservation_id,
        [m, by = actor()](net::Store& s) {
          return move_to(s, m.reservation_id, m.table, m.time, by);
        },
        [this](Result<Reservation> done) {
          if (done)
            return say(
                guest(desk_.locale, *done) + " → " + done->table_number + " " + done->time.hhmm(),
                false);
          screens_.reservations.refusal = ui::error_text(desk_.locale, done.error());
          say(ui::error_text(desk_.locale, done.error()), true);
        });
  }
  if (in.status) {
    if (in.status->to == ReservationStatus::Cancelled && session_.needs_manager()) {
      pending_ = pending(PendingAction::Kind::CancelReservation, in.status->reservation_id);
    } else {
      const ui::StatusCommand c = *in.status;
      write(
          c.reservation_id,
          [c, by = actor()](net::Store& s) {
            return s.change_status(c.reservation_id, c.to, by, c.arrived_count);
          },
          [this, id = c.reservation_id](Result<Reservation> r) { said_status(id, r); });
    }
  }
  if (in.undo_last) {
    if (session_.needs_manager())
      pending_ = pending(PendingAction::Kind::Undo, *in.undo_last);
    else
      apply_pending(pending(PendingAction::Kind::Undo, *in.undo_last));
  }
  if (in.save) request_save(*in.save);
  if (in.find_guests) find_guests(*in.find_guests);
  if (in.open_seat) open_seat(ui::PartySource::Reservation, *in.open_seat);
  if (in.optimise) preview_optimise();
  if (in.apply_moves) apply_optimise(*in.apply_moves);
}

// A preview older than the data is safe: the Store refuses stale moves.
void App::apply_optimise(const std::vector<Move>& moves) {
  write(
      ui::kWriteOptimise, [moves, by = actor()](net::Store& s) { return s.apply_moves(moves, by); },
      [this](Result<int> n) { optimised(n); });
}

void App::optimised(const Result<int>& n) {
  if (!n) {
    if (screens_.reservations.optimise)
      screens_.reservations.optimise->refusal = ui::error_text(desk_.locale, n.error());
    // It names the party; the row id would not help.
    return say(ui::error_text(desk_.locale, n.error()), true);
  }
  screens_.reservations.optimise.reset();
  const char* what =
      *n == 1 ? ui::tr(desk_.locale, "opt.moved_one") : ui::tr(desk_.locale, "opt.moved");
  say(std::to_string(*n) + " " + what, false);
}

void App::apply_pending(const PendingAction& a) {
  // The manager who typed the PIN is the one recorded for the action.
  net::Actor by = actor();
  if (a.manager_id) {
    by.member_id = a.manager_id;
    by.role = Role::Manager;
  }
  if (a.kind == PendingAction::Kind::OverrideBooking && a.booking)
    return save_booking(*a.booking, by);
  if (a.kind != PendingAction::Kind::CancelReservation && a.kind != PendingAction::Kind::Undo)
    return;
  const bool cancel = a.kind == PendingAction::Kind::CancelReservation;
  write(
      a.reservation_id,
      [cancel, id = a.reservation_id, by](net::Store& s) {
        return cancel ? s.change_status(id, ReservationStatus::Cancelled, by)
                      : s.undo_last_transition(id, by);
      },
      [this, id = a.reservation_id](Result<Reservation> r) { said_status(id, r); });
}

// "Dupont (4): Arrived", or why not.
void App::said_status(const Uuid& reservation_id, const Result<Reservation>& r) {
  if (r)
    say(guest(desk_.locale, *r) + ui::colon(desk_.locale) +
            ui::status_text(desk_.locale, r->status),
        false);
  else
    say(refused(shown_.day(), reservation_id, r.error(), desk_.locale), true);
}

void App::apply(const ui::EditorIntents& in) {
  if (in.discard) screens_.editor.loaded = false;
  if (!in.save) return;
  const FloorPlan* plan = nullptr;
  for (const auto& fp : shown_.venue().floor_plans)
    if (fp.id == in.save->floor_plan_id) plan = &fp;
  if (plan == nullptr) return say(ui::tr(desk_.locale, "shell.plan_gone"), true);
  write(
      ui::kWriteFloorPlan,
      [plan = *plan, save = *in.save, by = actor()](net::Store& s) {
        return s.save_floor_plan(plan, save.zones, save.tables, by);
      },
      [this, name = plan->name](Status st) {
        if (!st) return say(ui::error_text(desk_.locale, st.error()), true);
        say(ui::tr(desk_.locale, "shell.plan_saved") + std::string(ui::colon(desk_.locale)) + name,
            false);
        screens_.editor.loaded = false;  // reload the draft from what was stored
      });
}

void App::apply(const ui::SetAsideIntents& in) {
  if (in.close) screens_.set_aside.open = false;
}

void App::apply(const ui::StatusBarIntents& in) {
  if (in.switch_locale) desk_.locale = *in.switch_locale, shown_.mark_stale();  // names reworded
  if (in.show_date) {
    shown_.show(*in.show_date);              // the next frame loads that day
    screens_.reservations.optimise.reset();  // that day's moves, not the next one's
  }
  if (in.show_set_aside) screens_.set_aside.open = true;
  if (in.logout) logout();
  if (!in.resolve) return;
  const bool accept = in.resolve->action == ui::ConflictAction::AcceptProposal;
  const Uuid id = in.resolve->reservation_id;
  write(
      id,
      [accept, id, by = actor()](net::Store& s) {
        return accept ? s.resolve_accept_proposal(id, by) : s.resolve_cancel(id, by);
      },
      [this](Result<Reservation> r) {
        if (r)
          say(guest(desk_.locale, *r) + " — " + r->table_number, false);
        else
          say(ui::error_text(desk_.locale, r.error()), true);
      });
}

}  // namespace foh::app
