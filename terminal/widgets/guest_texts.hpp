#pragma once
// Guest texts on the terminal (issue 14): under a waitlist row or a booking,
// the latest text and how far it got (sent, delivered, failed...) and the
// guest's reply; why a guest cannot be texted (no consent, no phone); and a
// manager's line with the month's SMS quota left. The backend sends and
// records (tools/backend/SYNC.md "Guest texts"); these only read the Desk.
#include <string>

#include "desk.hpp"
#include "foh/engine/texts.hpp"

namespace foh::ui {

// "SMS Table prête : distribué 19:42 · Réponse : « on arrive »", or "SMS
// impossible : pas de consentement" for a guest who cannot be texted, or ""
// (nothing to say). `extra` is the row's (the database's last_text_* columns).
std::string guest_text_line(Language l, const Desk& d, const Uuid& subject, const Json& extra,
                            NoText no_text);
// A waiting party's row says "cannot text" only once it is notified or called.
std::string guest_text_line(Language l, const Desk& d, const WaitlistEntry& e);
std::string guest_text_line(Language l, const Desk& d, const Reservation& r);  // no refusal line

// After Notify: " — pas de SMS : pas de téléphone", "" when a text can go.
std::string no_text_suffix(Language l, const WaitlistEntry& e);

// "SMS ce mois-ci : 152 restants sur 200" for a Manager or Admin with a known
// quota; "" otherwise (servers do not see it).
std::string sms_quota_line(Language l, const Desk& d);

// The line in the current row / under the current item (nothing when empty).
void draw_guest_texts(const Desk& d, const WaitlistEntry& e);
void draw_guest_texts(const Desk& d, const Reservation& r);
void draw_sms_quota(const Desk& d);

}  // namespace foh::ui
