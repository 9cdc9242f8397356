// Every host-facing phrase of the engine, English and French side by side.
// French typography: a no-break space (U+00A0) before a colon.
// French counts: 0 and 1 are singular. English is the reference wording that
// foh-plan's output and the tests compare byte for byte.
#include "phrases.hpp"

#include <cstdio>

namespace foh::phrase {
namespace {

bool fr(Language l) { return l == Language::Fr; }

std::string hhmm(int64_t minute) {
  int m = static_cast<int>(((minute % 1440) + 1440) % 1440);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
  return buf;
}

// "1 seat", "2 seats" / "0 place", "1 place", "2 places".
std::string count(Language l, int n, const char* en, const char* fr_word) {
  bool one = fr(l) ? n <= 1 : n == 1;
  return std::to_string(n) + " " + (fr(l) ? fr_word : en) + (one ? "" : "s");
}

// A status as stored ("Confirmed"), named in `l` when it is one we know.
std::string status_name(Language l, const std::string& stored) {
  auto s = parse_reservation_status(stored);
  return s ? foh::status_name(l, *s) : stored;
}

std::string refused(Language l) { return fr(l) ? "Refusé\u00a0: " : "Refused: "; }

}  // namespace

std::string choice(Language l, const Choice& c) {
  const bool f = fr(l);
  std::string out = c.combination ? "Tables " : "Table ";
  out += c.number + " (" + count(l, c.seats, "seat", "place");
  if (!c.plan.empty()) out += ", " + c.plan;
  out += f ? (c.combination ? ")\u00a0: libres " : ")\u00a0: libre ") : "): free ";
  out += hhmm(c.start) + "\u2013" + hhmm(c.end);
  if (c.combination) out += f ? ", aucune table seule libre" : ", no single table free";
  if (c.spare == 0)
    out += f ? ", juste la bonne taille" : ", exact fit";
  else
    out += ", " + count(l, c.spare, "seat", "place") + (f ? " de trop" : " spare");
  if (c.outside_zone) out += f ? ", hors de la zone demandée" : ", not in the requested zone";
  if (c.moves > 0)
    out += (f ? ", après avoir déplacé " : ", after moving ") +
           count(l, c.moves, "reservation", "réservation");
  return out;
}

std::string rotation(Language l, const std::string& server, int recent_covers, int minutes) {
  const std::string covers = count(l, recent_covers, "cover", "couvert");
  if (fr(l))
    return ", rotation\u00a0: rang de " + server + ", " + covers + " ces " +
           std::to_string(minutes) + " dernières minutes";
  return ", rotation: " + server + "'s section, " + covers + " in the last " +
         std::to_string(minutes) + " minutes";
}

std::string refused_party_size(Language l, int party) {
  return refused(l) +
         (fr(l) ? "la taille du groupe doit être entre 1 et 99 (reçu "
                : "party_size must be between 1 and 99, got ") +
         std::to_string(party) + (fr(l) ? ")" : "");
}

std::string refused_other_day(Language l, Date requested, Date day) {
  return refused(l) +
         (fr(l) ? "la demande est pour le " + requested.str() + ", la journée est le " + day.str()
                : "the request is for " + requested.str() + ", the day is " + day.str());
}

std::string refused_closed(Language l, TimeOfDay t) {
  return refused(l) + (fr(l) ? "fermé à " + t.hhmm() + " (pas de service)"
                             : "closed at " + t.hhmm() + " (no service)");
}

std::string refused_pacing(Language l, const std::string& why) {
  return refused(l) + (fr(l) ? "rythme \u2014 " : "pacing \u2014 ") + why;
}

std::string no_table_seats(Language l, int party, int largest) {
  if (fr(l))
    return "Aucune table ni combinaison pour un groupe de " + std::to_string(party) +
           " (la plus grande\u00a0: " + count(l, largest, "seat", "place") + ")";
  return "No table or combination seats " + std::to_string(party) +
         " (largest: " + std::to_string(largest) + ")";
}

std::string no_table_free(Language l, int party, TimeOfDay t) {
  if (fr(l))
    return "Aucune table ni combinaison libre pour un groupe de " + std::to_string(party) + " à " +
           t.hhmm();
  return "No table or combination free for " + std::to_string(party) + " at " + t.hhmm();
}

std::string table_unavailable(Language l, const std::string& table, bool hidden, Date d) {
  if (fr(l))
    return "la table " + table + (hidden ? " est masquée le " : " est bloquée le ") + d.str();
  return "table " + table + (hidden ? " is hidden" : " is blocked") + " on " + d.str();
}

std::string table_taken(Language l, const Holder& h) {
  const std::string span = h.time.hhmm() + "-" + TimeOfDay{h.time.seconds + h.minutes * 60}.hhmm();
  const std::string who =
      (h.guest.empty() ? std::string(fr(l) ? "un groupe" : "a party") : h.guest) + " (" +
      std::to_string(h.party) + ")";
  if (fr(l)) return "la table " + h.table + " est prise " + span + " par " + who;
  return "table " + h.table + " is taken " + span + " by " + who;
}

std::string left_out(Language l, int party, TimeOfDay t) {
  return no_table_free(l, party, t) + (fr(l) ? " (le plan installe plus de couverts sans elle)"
                                             : " (the plan seats more covers without it)");
}

std::string pacing_blocked(Language l, const std::string& reason_or_date) {
  return (fr(l) ? "bloqué\u00a0: " : "blocked: ") + reason_or_date;
}

std::string pacing_closed_day(Language l, int seed_weekday) {
  static constexpr const char* kEn[] = {"Sundays",   "Mondays", "Tuesdays", "Wednesdays",
                                        "Thursdays", "Fridays", "Saturdays"};
  static constexpr const char* kFr[] = {"dimanche", "lundi",    "mardi", "mercredi",
                                        "jeudi",    "vendredi", "samedi"};
  if (fr(l)) return std::string("fermé\u00a0: pas ouvert le ") + kFr[seed_weekday];
  return std::string("closed: not open on ") + kEn[seed_weekday];
}

std::string pacing_day_load(Language l, int load, int limit) {
  return (fr(l) ? "charge du jour " : "day load ") + std::to_string(load) + " > " +
         std::to_string(limit);
}

std::string pacing_service(Language l, const std::string& service, int covers, int limit) {
  return "service" + (service.empty() ? std::string() : " " + service) +
         (fr(l) ? "\u00a0: " : ": ") + std::to_string(covers) +
         (fr(l) ? " couverts > " : " covers > ") + std::to_string(limit);
}

std::string pacing_slot(Language l, int from_minute, int to_minute, int covers, int limit) {
  return (fr(l) ? "créneau " : "slot ") + hhmm(from_minute) + "-" + hhmm(to_minute) +
         (fr(l) ? "\u00a0: " : ": ") + std::to_string(covers) +
         (fr(l) ? " couverts > " : " covers > ") + std::to_string(limit);
}

namespace {
std::string party(Language l, const std::string& guest) {
  return guest.empty() ? (fr(l) ? "le groupe" : "the party") : guest;
}
}  // namespace

std::string move_to_no_table(Language l) {
  return fr(l) ? "la proposition ne lui donne aucune table" : "the proposal moves it to no table";
}

std::string move_stays(Language l, const std::string& guest, ReservationStatus now) {
  if (fr(l)) return party(l, guest) + "\u00a0: " + already(l, now) + ", reste à sa place";
  return party(l, guest) + " is " + foh::status_name(l, now) + " now and stays where it is";
}

std::string move_not_from(Language l, const std::string& guest, const std::string& table) {
  return party(l, guest) + (fr(l) ? " n'est plus à la table " : " is no longer at table ") + table;
}

std::string move_has_table(Language l, const std::string& guest, const std::string& table) {
  if (fr(l)) return party(l, guest) + " a maintenant la table " + table;
  return party(l, guest) + " has table " + table + " now";
}

std::string already(Language l, ReservationStatus s) {
  return (fr(l) ? "déjà " : "already ") + std::string(foh::status_name(l, s));
}

std::string cannot_go(Language l, ReservationStatus from, ReservationStatus to) {
  return (fr(l) ? "impossible de passer de " : "cannot go from ") +
         std::string(foh::status_name(l, from)) + (fr(l) ? " à " : " to ") +
         foh::status_name(l, to);
}

std::string needs_manager(Language l, bool cancelling) {
  if (fr(l))
    return std::string(cancelling ? "annuler" : "revenir en arrière") +
           " demande un responsable ou un administrateur";
  return std::string(cancelling ? "cancelling" : "undoing") + " needs a Manager or Admin";
}

std::string arrived_count_range(Language l, int party, int got) {
  if (fr(l))
    return "le nombre d'arrivés doit être entre 1 et " + std::to_string(party) + " (reçu " +
           std::to_string(got) + ")";
  return "arrived_count must be 1.." + std::to_string(party) + ", got " + std::to_string(got);
}

std::string already_arrived(Language l, int count, int party) {
  return already(l, ReservationStatus::Arrived) + (fr(l) ? " avec " : " with ") +
         std::to_string(count) + (fr(l) ? " sur " : " of ") + std::to_string(party);
}

std::string cannot_create(Language l, ReservationStatus s) {
  return (fr(l) ? "une réservation ne peut pas être créée au statut "
                : "a reservation cannot be created ") +
         std::string(foh::status_name(l, s));
}

std::string cannot_undo_creation(Language l) {
  return fr(l) ? "impossible d'annuler la création d'une réservation"
               : "cannot undo the creation of a reservation";
}

std::string nothing_to_undo(Language l) { return fr(l) ? "rien à annuler" : "nothing to undo"; }

std::string undo_not_current(Language l, const std::string& from, const std::string& to,
                             ReservationStatus current) {
  if (fr(l))
    return "le dernier changement (" + status_name(l, from) + " à " + status_name(l, to) +
           ") ne correspond pas au statut actuel " + status_name(l, current);
  return "the last change (" + from + " to " + to + ") is not the reservation's current status " +
         to_string(current);
}

}  // namespace foh::phrase

namespace foh {

const char* status_name(Language l, ReservationStatus s) {
  if (l != Language::Fr) return to_string(s);
  switch (s) {
    case ReservationStatus::Pending:
      return "En attente";
    case ReservationStatus::Confirmed:
      return "Confirmée";
    case ReservationStatus::Arrived:
      return "Arrivée";
    case ReservationStatus::Seated:
      return "Installée";
    case ReservationStatus::Completed:
      return "Terminée";
    case ReservationStatus::Cancelled:
      return "Annulée";
    case ReservationStatus::NoShow:
      return "Non venue";
  }
  return to_string(s);
}

namespace phrase {

std::string move_blocked(Language l, const std::string& table) {
  return fr(l) ? "La table " + table + " est bloquée aujourd'hui"
               : "Table " + table + " is blocked today";
}

std::string move_seats(Language l, const std::string& table, int min_seats, int max_seats,
                       int party) {
  const std::string range = std::to_string(min_seats) + "-" + std::to_string(max_seats);
  return fr(l) ? "Table " + table + "\u00a0: " + range + ", groupe de " + std::to_string(party)
               : "Table " + table + " seats " + range + ", party of " + std::to_string(party);
}

std::string move_closed(Language l, TimeOfDay t) {
  return (fr(l) ? "Fermé à " : "Closed at ") + t.hhmm();
}

std::string move_overlaps(Language l, const Reservation& o) {
  const std::string who = o.guest_name + " (" + std::to_string(o.party_size) + ") " + o.time.hhmm();
  return fr(l) ? "Chevauche " + who + " sur la table " + o.table_number
               : "Overlaps " + who + " on table " + o.table_number;
}

}  // namespace phrase

}  // namespace foh
