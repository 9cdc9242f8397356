// The waiting list's and the kiosk's intents: a party added, called,
// notified, accepted, expired or cancelled, a guest joining at the kiosk.
// Each is one write through the Store (App::write), said once it lands.
#include "app/app.hpp"
#include "i18n.hpp"
#include "widgets/guest_texts.hpp"

namespace foh::app {

namespace {

// One step of a waiting party, on the Store's worker (Seat opens the seat screen instead).
Result<WaitlistEntry> step(net::Store& s, const Uuid& id, ui::WaitlistAction action,
                           const net::Actor& by) {
  switch (action) {
    case ui::WaitlistAction::Accept:
      return s.waitlist_accept(id, by);
    case ui::WaitlistAction::Notify:
      return s.waitlist_notify(id, by);
    case ui::WaitlistAction::Call:
      return s.waitlist_call(id, by);
    case ui::WaitlistAction::Expire:
      return s.waitlist_expire(id, by);
    case ui::WaitlistAction::Cancel:
      return s.cancel_waitlist(id, by);
    case ui::WaitlistAction::Seat:
      break;
  }
  return Error{"waitlist", "unsupported action"};
}

}  // namespace

void App::apply(const ui::WaitlistIntents& in) {
  if (in.select) screens_.waitlist.selected = *in.select;
  if (in.add) {
    WaitlistEntry e;
    e.id = waitlist_command_;  // a second tap finds the party queued
    e.guest_name = in.add->guest_name;
    e.guest_phone = in.add->guest_phone;
    e.party_size = in.add->party_size;
    e.date = desk_.today;  // a walk-in waits today, whatever day is shown
    e.time = clock_.now().time();
    e.extra["consent"] = in.add->consent;
    write(
        ui::kWriteWaitlistAdd, [e, by = actor()](net::Store& s) { return s.waitlist_add(e, by); },
        [this](Result<WaitlistEntry> r) {
          if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
          say(ui::tr(desk_.locale, "shell.wl_added") + std::string(ui::colon(desk_.locale)) +
                  r->guest_name,
              false);
          screens_.waitlist.name.clear();
          screens_.waitlist.phone.clear();
          screens_.waitlist.party = "2";
          screens_.waitlist.adding = screens_.waitlist.submitted = false;
          waitlist_command_ = net::new_uuid();
        });
  }
  if (!in.command) return;
  const Uuid id = in.command->entry_id;
  const ui::WaitlistAction action = in.command->action;
  if (action == ui::WaitlistAction::Seat) {
    open_seat(ui::PartySource::Waitlist, id);
    screens_.seat.proposed = in.command->table;  // the engine's recommended table, if any
    return;
  }
  auto run = [id, action, by = actor()](net::Store& s) { return step(s, id, action, by); };
  write(id, run, [this, action](Result<WaitlistEntry> r) {
    if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
    std::string said =
        r->guest_name + ui::colon(desk_.locale) + ui::status_text(desk_.locale, r->status);
    // Notify still marks the party; the host learns at once when no text goes.
    if (action == ui::WaitlistAction::Notify) said += ui::no_text_suffix(desk_.locale, *r);
    say(said, false);
  });
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
    write(
        ui::kWriteKioskJoin, [e](net::Store& s) { return s.kiosk_join(e); },
        [this](Result<WaitlistEntry> r) {
          if (!r) {
            screens_.kiosk.message = ui::error_text(desk_.locale, r.error());
            return say(ui::error_text(desk_.locale, r.error()), true);
          }
          ui::kiosk_joined(screens_.kiosk, r->id, clock_.now());
          kiosk_command_ = net::new_uuid();  // the next guest
        });
  }
  if (in.leave) leave_kiosk(in.leave->pin);
}

}  // namespace foh::app
