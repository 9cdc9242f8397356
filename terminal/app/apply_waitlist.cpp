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

// A walk-in as typed at the desk or the kiosk: it waits today, whatever day
// is shown. `id` is the intent's: a second tap finds the party queued.
WaitlistEntry walk_in_entry(const Uuid& id, const ui::NewWaitlistEntry& typed, Date today,
                            LocalInstant now) {
  WaitlistEntry e;
  e.id = id;
  e.guest_name = typed.guest_name;
  e.guest_phone = typed.guest_phone;
  e.party_size = typed.party_size;
  e.date = today;
  e.time = now.time();
  e.extra["consent"] = typed.consent;
  return e;
}

}  // namespace

void App::apply(const ui::WaitlistIntents& in) {
  if (in.select) screens_.waitlist.selected = *in.select;
  if (in.add) {
    const WaitlistEntry e = walk_in_entry(waitlist_command_, *in.add, desk_.today, clock_.now());
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
    const WaitlistEntry e = walk_in_entry(kiosk_command_, *in.join, desk_.today, clock_.now());
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
