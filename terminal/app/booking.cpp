// Bookings saved from the form: edits, and refusals a Manager overrides. The
// engine's refusal (no service, pacing) stands unless a Manager or Admin
// overrides it: a Server's override asks a Manager's PIN (the manager popup),
// and the override is recorded in the booking's notes by net's Store.
#include "app/app.hpp"
#include "app/guest_card.hpp"
#include "i18n.hpp"
#include "view/booking_edit.hpp"

namespace foh::app {

namespace {
std::string member_name(const Venue& v, const std::optional<Uuid>& id) {
  for (const auto& m : v.team_members)
    if (id && m.id == *id) return m.display_name;
  return {};
}
}  // namespace

void App::request_save(const ui::BookingCommand& c) {
  if (c.override_refusal && session_.needs_manager()) {
    PendingAction a;
    a.kind = PendingAction::Kind::OverrideBooking;
    a.reservation_id = c.r.id;
    a.booking = c;
    pending_ = std::move(a);
    return;
  }
  save_booking(c, actor());
}

void App::save_booking(ui::BookingCommand c, const net::Actor& by) {
  // The shown day names an anonymous walk-in in the host's language (reload());
  // what is written keeps net's name for it, whichever language the form was in.
  if (c.r.source == "Walk-in" && (c.r.guest_name == ui::tr(ui::Language::Fr, "floor.walk_in") ||
                                  c.r.guest_name == ui::tr(ui::Language::En, "floor.walk_in")))
    c.r.guest_name = "Walk-in";
  net::BookingOptions o{c.moves, std::nullopt};
  if (c.override_refusal)
    o.override_refusal = BookingOverride{by.member_id, member_name(shown_.venue(), by.member_id)};
  // Another day than the one shown: the engine proposes the table against
  // that day, read on the Store's worker with the write.
  auto venue =
      c.r.date != shown_.day().date ? std::make_shared<const Venue>(shown_.venue()) : nullptr;
  if (c.guest && c.guest->id.empty()) c.guest->id = guest_command_;
  auto run = [c, o, by, venue, l = desk_.locale](net::Store& s) mutable -> Result<Reservation> {
    if (c.guest) {  // the guest's card first: the booking names it
      auto id = keep_card(s, *c.guest, by);
      if (!id) return id.error();
      c.r.customer_id = *id;
    }
    if (venue) {
      auto day = s.cache().load_day(c.r.date);
      if (!day) return day.error();
      Decision p = ui::propose_booking(c.r, *venue, *day, l, c.override_refusal);
      if (ui::refused(p) && !c.override_refusal) return Error{"", p.reason};
      c.r.table_id.reset();
      c.r.table_number = p.table_number;
      if (!p.table_ids.empty()) c.r.table_id = p.table_ids.front();
      o.moves = std::move(p.moved);
    }
    return c.r.id.empty() ? s.book(c.r, by, o) : s.update_reservation(c.r, by, o);
  };
  write(ui::kWriteBookingForm, run, [this](Result<Reservation> r) { booking_saved(r); });
}

void App::booking_saved(const Result<Reservation>& r) {
  if (!r)
    return say(ui::error_text(desk_.locale, r.error()), true);  // the form keeps what was typed
  say(ui::tr(desk_.locale, "shell.booking_saved") + std::string(ui::colon(desk_.locale)) +
          r->guest_name + " (" + std::to_string(r->party_size) + ") " + r->time.hhmm() +
          " \u2014 " + r->table_number,
      false);
  screens_.reservations.form = ui::BookingForm{};
  guest_command_ = net::new_uuid();  // the next form's new guest is another
  screens_.reservations.mode = ui::ReservationsMode::List;
  screens_.reservations.selected = r->id;
  if (r->date != shown_.day().date)  // show the booking where it went
    shown_.show(r->date == desk_.today ? std::nullopt : std::optional<Date>(r->date));
}

void App::edit_booking(const Uuid& reservation_id) {
  auto r = services_->cache->reservation(reservation_id);
  if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
  if (!session_.may(Tab::Reservations))
    return say(ui::tr(desk_.locale, "shell.no_reservations_tab"), true);
  ui::start_edit(screens_.reservations, *r);
  screens_.switch_to = Tab::Reservations;
}

}  // namespace foh::app
