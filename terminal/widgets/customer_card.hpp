#pragma once
// The guest at the door: a customer's card as the host sees it when a booking
// is taken, a party arrives or a table is tapped. Tags first, an allergy and a
// VIP standing out (icon, colour and word: never colour alone), then the
// customer's notes, visits, last visit, no-shows and cancellations (the
// backend computes the counts: migration 025).
#include <string>
#include <vector>

#include "foh/engine/model.hpp"
#include "i18n.hpp"

namespace foh::ui {

// One tag as a chip: its kind's word in the host's language ("Allergy" for
// "Allergie"), or the tag as typed when it says more ("Allergie : noix").
std::string tag_label(Language l, const std::string& tag);

// The counts line: "Visites : 3 · Dernière visite : ven. 20 nov. 2026 ·
// Non venu : 1 · Annulations : 0"; a first visit says so.
std::string visits_line(Language l, const Customer& c);

// The tags as chips (wrapping), allergy and VIP first. `id` scopes the items.
void tag_chips(const char* id, const std::vector<std::string>& tags, Language l);

// The whole card (name and phone, chips, notes, counts), recorded as item
// "card:<id>" for scripts and the layout audit.
void customer_card(const char* id, const Customer& c, Language l);

}  // namespace foh::ui
