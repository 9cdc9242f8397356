// Applying what the screens recorded during a frame, through net's Store.
// Every Store call checks the engine's rules and commits before it returns;
// its result (or refusal, with the reason) becomes the message of the frame.
#include "app/app.hpp"
#include "app/shell_text.hpp"
#include "foh/engine/optimise.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/engine/pin.hpp"
#include "view/optimise.hpp"
#include "widgets/guest_texts.hpp"

namespace foh::app {

namespace {
net::TablePick pick_of(const ui::TableChoice& c) { return {c.table_ids, c.table_number, c.reason}; }

PendingAction pending(PendingAction::Kind kind, const Uuid& reservation_id) {
  PendingAction a;
  a.kind = kind;
  a.reservation_id = reservation_id;
  return a;
}

// "Dupont (4)"; an anonymous walk-in (net names it "Walk-in") in the host's language.
std::string guest(ui::Locale l, const Reservation& r) {
  const bool anonymous = r.source == "Walk-in" && r.guest_name == "Walk-in";
  return (r.guest_name.empty() ? std::string("—")
          : anonymous          ? std::string(ui::tr(l, "floor.walk_in"))
                               : r.guest_name) +
         " (" + std::to_string(r.party_size) + ")";
}

// A refused status change as the host reads it: "Dupont (4): cannot go from …"
// (the engine worded it in the actor's language).
std::string refused(net::Cache& cache, const Uuid& reservation_id, const Error& e, ui::Locale l) {
  auto r = cache.reservation(reservation_id);
  return r ? guest(l, *r) + ui::colon(l) + ui::error_text(l, e) : ui::error_text(l, e);
}
}  // namespace

void App::apply(const ui::LoginIntents& in) {
  if (in.switch_locale) desk_.locale = *in.switch_locale, dirty_ = true;  // names reworded
  if (in.attempt) start_login(*in.attempt);  // checked off the frame (app/waits.cpp)
}

void App::open_seat(ui::PartySource source, const Uuid& id) {
  seat_view_ = ui::SeatView{};
  seat_view_.command_id = net::new_uuid();
  seat_view_.source = source;
  if (source == ui::PartySource::Reservation) {
    seat_view_.reservation_id = id;
    for (const auto& r : day_.reservations)
      if (r.id == id) {
        seat_view_.party_size = r.party_size;
        seat_view_.guest_name = r.guest_name;
      }
  } else if (source == ui::PartySource::Waitlist) {
    seat_view_.waitlist_entry_id = id;
    for (const auto& w : day_.waitlist)
      if (w.id == id) {
        seat_view_.party_size = w.party_size;
        seat_view_.guest_name = w.guest_name;
      }
  }
  if (may(Tab::Seat)) switch_to_ = Tab::Seat;
}

void App::seat(const ui::SeatCommand& c) {
  const TimeOfDay now = clock_.now().time();
  const net::TablePick pick = pick_of(c.table);
  Result<Reservation> done = Error{"seat", "nothing to seat"};
  // The proposal's moves and the seating are one transaction in net's Store.
  if (c.source == ui::PartySource::WalkIn) {
    done = store_->seat_walk_in(c.party_size, pick, desk_.today, now, actor(), c.guest_name,
                                c.moves, c.command_id);
  } else if (c.source == ui::PartySource::Waitlist && c.waitlist_entry_id) {
    done = store_->waitlist_seat(*c.waitlist_entry_id, pick, now, actor(), c.moves, c.command_id);
  } else if (c.reservation_id) {
    // The party as it came: more than booked grows the booking ("booked 6, arrived 8").
    done = store_->seat_reservation(*c.reservation_id, pick, actor(), c.moves, c.party_size);
  }
  if (!done) return say(ui::error_text(desk_.locale, done.error()), true);
  std::string line = text(desk_.locale, "shell.seated", "Installé", "Seated") +
                     std::string(ui::colon(desk_.locale)) + guest(desk_.locale, *done) + " — " +
                     done->table_number;
  for (const Move& m : c.moves)  // the host tells the moved parties' servers
    for (const auto& r : day_.reservations)
      if (r.id == m.reservation_id)
        line +=
            "; " + guest(desk_.locale, r) + " " + m.from_table_number + " → " + m.to_table_number;
  say(line, false);
  seat_view_.suggestion.reset();
  seat_view_.suggestion_key.clear();
  // The seat screen leaves the party it seated: the same spot is no longer a
  // seat button (a second tap seated another walk-in at the next table), and
  // the next pick is a new command.
  if (!c.command_id.empty() && c.command_id == seat_view_.command_id) {
    ui::SeatView next;
    next.floor = seat_view_.floor;
    next.no_pick = true;
    next.command_id = net::new_uuid();
    seat_view_ = std::move(next);
  }
  dirty_ = true;
}

void App::apply(const ui::FloorIntents& in) {
  if (in.select_table) floor_view_.selected_table = *in.select_table;
  if (in.seat_walk_in) seat(*in.seat_walk_in);
  if (in.complete_reservation) {
    auto r = store_->change_status(*in.complete_reservation, ReservationStatus::Completed, actor());
    if (r)
      say(text(desk_.locale, "shell.completed", "Table libérée", "Table cleared") +
              std::string(ui::colon(desk_.locale)) + r->table_number,
          false);
    else
      say(refused(*cache_, *in.complete_reservation, r.error(), desk_.locale), true);
    dirty_ = true;
  }
  if (in.block_table) {
    auto st = store_->set_table_blocked(in.block_table->first, day_.date, in.block_table->second,
                                        actor());
    if (!st) say(ui::error_text(desk_.locale, st.error()), true);
    dirty_ = true;
  }
  if (in.open_seat_for_reservation)
    open_seat(ui::PartySource::Reservation, *in.open_seat_for_reservation);
}

void App::apply(const ui::SeatIntents& in) {
  if (in.seat) seat(*in.seat);
  if (in.move_next) {
    auto r = cache_->reservation(in.move_next->reservation_id);
    if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
    r->table_id = in.move_next->table.table_ids.empty()
                      ? std::optional<Uuid>{}
                      : std::optional<Uuid>{in.move_next->table.table_ids.front()};
    r->table_number = in.move_next->table.table_number;
    auto done = store_->update_reservation(*r, actor());
    if (done)
      say(guest(desk_.locale, *done) + " → " + done->table_number, false);
    else
      say(ui::error_text(desk_.locale, done.error()), true);
    dirty_ = true;
  }
  if (in.floor.select_table) seat_view_.floor.selected_table = *in.floor.select_table;
  if (in.edit_booking) edit_booking(*in.edit_booking);
}

void App::apply(const ui::ReservationsIntents& in) {
  if (in.select) reservations_view_.selected = *in.select;
  if (in.create) {
    // book(): the engine's refusal (no service, pacing) stands; the form offers the override.
    Reservation booking = *in.create;
    if (booking.id.empty()) booking.id = booking_command_;  // a second tap finds it written
    auto r = store_->book(booking, actor(), {in.create_moves, std::nullopt});
    if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
    say(text(desk_.locale, "shell.booked", "Réservation enregistrée", "Booking saved") +
            std::string(ui::colon(desk_.locale)) + guest(desk_.locale, *r) + " " + r->time.hhmm() +
            " — " + r->table_number,
        false);
    reservations_view_.form = ui::BookingForm{};
    booking_command_ = net::new_uuid();  // the next form is another booking
    reservations_view_.mode = ui::ReservationsMode::List;
    reservations_view_.selected = r->id;
    dirty_ = true;
  }
  if (in.move) {
    auto r = cache_->reservation(in.move->reservation_id);
    if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
    r->table_id = in.move->table.table_ids.empty()
                      ? std::optional<Uuid>{}
                      : std::optional<Uuid>{in.move->table.table_ids.front()};
    r->table_number = in.move->table.table_number;
    r->time = in.move->time;
    auto done = store_->update_reservation(*r, actor());
    if (done)
      say(guest(desk_.locale, *done) + " → " + done->table_number + " " + done->time.hhmm(), false);
    else {
      reservations_view_.refusal = ui::error_text(desk_.locale, done.error());
      say(ui::error_text(desk_.locale, done.error()), true);
    }
    dirty_ = true;
  }
  if (in.status) {
    if (in.status->to == ReservationStatus::Cancelled && needs_manager()) {
      pending_ = pending(PendingAction::Kind::CancelReservation, in.status->reservation_id);
    } else {
      auto r = store_->change_status(in.status->reservation_id, in.status->to, actor(),
                                     in.status->arrived_count);
      if (r)
        say(guest(desk_.locale, *r) + ui::colon(desk_.locale) +
                ui::status_text(desk_.locale, r->status),
            false);
      else
        say(refused(*cache_, in.status->reservation_id, r.error(), desk_.locale), true);
      dirty_ = true;
    }
  }
  if (in.undo_last) {
    if (needs_manager())
      pending_ = pending(PendingAction::Kind::Undo, *in.undo_last);
    else
      apply_pending(pending(PendingAction::Kind::Undo, *in.undo_last));
  }
  if (in.save) request_save(*in.save);
  if (in.open_seat) open_seat(ui::PartySource::Reservation, *in.open_seat);
  if (in.optimise) preview_optimise();
  if (in.apply_moves) apply_optimise(*in.apply_moves);
}

// A preview older than the data is safe: the Store refuses stale moves.
void App::apply_optimise(const std::vector<Move>& moves) {
  auto n = store_->apply_moves(moves, actor());
  if (!n) {
    if (reservations_view_.optimise)
      reservations_view_.optimise->refusal = ui::error_text(desk_.locale, n.error());
    // It names the party; the row id would not help.
    return say(ui::error_text(desk_.locale, n.error()), true);
  }
  reservations_view_.optimise.reset();
  const char* what =
      *n == 1 ? text(desk_.locale, "opt.moved_one", "réservation déplacée", "booking moved")
              : text(desk_.locale, "opt.moved", "réservations déplacées", "bookings moved");
  say(std::to_string(*n) + " " + what, false);
  dirty_ = true;
}

void App::apply_pending(const PendingAction& a) {
  // The manager who typed the PIN is the one recorded for the action.
  net::Actor by = actor();
  if (a.manager_id) {
    by.member_id = a.manager_id;
    by.role = Role::Manager;
  }
  Result<Reservation> r = Error{"", ""};
  if (a.kind == PendingAction::Kind::CancelReservation)
    r = store_->change_status(a.reservation_id, ReservationStatus::Cancelled, by);
  else if (a.kind == PendingAction::Kind::Undo)
    r = store_->undo_last_transition(a.reservation_id, by);
  else if (a.kind == PendingAction::Kind::OverrideBooking && a.booking)
    return save_booking(*a.booking, by);
  else
    return;
  if (r)
    say(guest(desk_.locale, *r) + ui::colon(desk_.locale) +
            ui::status_text(desk_.locale, r->status),
        false);
  else
    say(refused(*cache_, a.reservation_id, r.error(), desk_.locale), true);
  dirty_ = true;
}

void App::apply(const ui::EditorIntents& in) {
  if (in.discard) editor_view_.loaded = false;
  if (!in.save) return;
  const FloorPlan* plan = nullptr;
  for (const auto& fp : venue_.floor_plans)
    if (fp.id == in.save->floor_plan_id) plan = &fp;
  if (plan == nullptr) return say("editor: unknown floor plan " + in.save->floor_plan_id, true);
  auto st = store_->save_floor_plan(*plan, in.save->zones, in.save->tables, actor());
  if (!st) return say(ui::error_text(desk_.locale, st.error()), true);
  say(text(desk_.locale, "shell.plan_saved", "Plan enregistré", "Floor plan saved") +
          std::string(ui::colon(desk_.locale)) + plan->name,
      false);
  editor_view_.loaded = false;  // reload the draft from what was stored
  dirty_ = true;
}

void App::apply(const ui::WaitlistIntents& in) {
  if (in.select) waitlist_view_.selected = *in.select;
  if (in.add) {
    WaitlistEntry e;
    e.id = waitlist_command_;  // a second tap finds the party queued
    e.guest_name = in.add->guest_name;
    e.guest_phone = in.add->guest_phone;
    e.party_size = in.add->party_size;
    e.date = desk_.today;  // a walk-in waits today, whatever day is shown
    e.time = clock_.now().time();
    e.extra["consent"] = in.add->consent;
    auto r = store_->waitlist_add(e, actor());
    if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
    say(text(desk_.locale, "shell.wl_added", "Ajouté à la liste", "Added to the waitlist") +
            std::string(ui::colon(desk_.locale)) + r->guest_name,
        false);
    waitlist_view_.name.clear();
    waitlist_view_.phone.clear();
    waitlist_view_.party = "2";
    waitlist_view_.adding = waitlist_view_.submitted = false;
    waitlist_command_ = net::new_uuid();
    dirty_ = true;
  }
  if (!in.command) return;
  const Uuid& id = in.command->entry_id;
  Result<WaitlistEntry> r = Error{"waitlist", "unsupported action"};
  switch (in.command->action) {
    case ui::WaitlistAction::Accept:
      r = store_->waitlist_accept(id, actor());
      break;
    case ui::WaitlistAction::Notify:
      r = store_->waitlist_notify(id, actor());
      break;
    case ui::WaitlistAction::Call:
      r = store_->waitlist_call(id, actor());
      break;
    case ui::WaitlistAction::Expire:
      r = store_->waitlist_expire(id, actor());
      break;
    case ui::WaitlistAction::Cancel:
      r = store_->cancel_waitlist(id, actor());
      break;
    case ui::WaitlistAction::Seat:
      open_seat(ui::PartySource::Waitlist, id);
      return;
  }
  if (r) {
    std::string said =
        r->guest_name + ui::colon(desk_.locale) + ui::status_text(desk_.locale, r->status);
    // Notify still marks the party; the host learns at once when no text goes.
    if (in.command->action == ui::WaitlistAction::Notify)
      said += ui::no_text_suffix(desk_.locale, *r);
    say(said, false);
  } else {
    say(ui::error_text(desk_.locale, r.error()), true);
  }
  dirty_ = true;
}

void App::apply(const ui::KioskIntents& in) {
  if (in.join) {
    WaitlistEntry e;
    e.id = kiosk_command_;  // a second tap finds the guest queued
    e.guest_name = in.join->guest_name;
    e.guest_phone = in.join->guest_phone;
    e.party_size = in.join->party_size;
    e.date = desk_.today;
    e.time = clock_.now().time();
    e.extra["consent"] = in.join->consent;
    auto r = store_->kiosk_join(e);
    if (!r) {
      kiosk_view_.message = ui::error_text(desk_.locale, r.error());
      return say(ui::error_text(desk_.locale, r.error()), true);
    }
    ui::kiosk_joined(kiosk_view_, r->id, clock_.now());
    kiosk_command_ = net::new_uuid();  // the next guest
    dirty_ = true;
  }
  if (in.leave) leave_kiosk(in.leave->pin);
}

void App::apply(const ui::SetAsideIntents& in) {
  if (in.close) set_aside_view_.open = false;
}

void App::apply(const ui::StatusBarIntents& in) {
  if (in.switch_locale) desk_.locale = *in.switch_locale, dirty_ = true;  // names reworded
  if (in.show_date) {
    shown_date_ = *in.show_date;
    reservations_view_.optimise.reset();  // that day's moves, not the next one's
    dirty_ = true;                        // the next frame loads that day
  }
  if (in.show_set_aside) set_aside_view_.open = true;
  if (in.logout) logout();
  if (!in.resolve) return;
  auto r = in.resolve->action == ui::ConflictAction::AcceptProposal
               ? store_->resolve_accept_proposal(in.resolve->reservation_id, actor())
               : store_->resolve_cancel(in.resolve->reservation_id, actor());
  if (r)
    say(guest(desk_.locale, *r) + " — " + r->table_number, false);
  else
    say(ui::error_text(desk_.locale, r.error()), true);
  dirty_ = true;
}

}  // namespace foh::app
