#pragma once
// The waitlist: the queue with position and quoted wait, and notify / call /
// seat / expire; kiosk entries stay unconfirmed until staff accept them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "desk.hpp"

namespace foh::ui {

// Kiosk entries carry extra["kiosk_pending"] == true until staff accept them
// (net writes it on a kiosk join and clears it on accept).
bool is_unconfirmed(const WaitlistEntry& e);

// The quote a new party would get, cached until the data, the minute or the
// party size changes (the engine simulates the queue: not every frame).
struct AddQuote {
  uint64_t revision = 0;
  int64_t minute = -1;
  int party = 0;
  std::optional<int> minutes;  // empty: no table or combination seats this party
  int position = 0;
};

struct WaitlistView {
  std::optional<Uuid> selected;
  // Quick add by staff.
  std::string name, phone, party = "2";
  bool adding = false, submitted = false;
  AddQuote quote;  // shown before the party is added
};

enum class WaitlistAction { Accept, Notify, Call, Seat, Expire, Cancel };

struct WaitlistCommand {
  Uuid entry_id;
  WaitlistAction action = WaitlistAction::Notify;
  std::optional<TableChoice> table;  // Seat: the engine's recommended table, as it came
};

struct NewWaitlistEntry {
  std::string guest_name, guest_phone;
  int party_size = 2;
  bool consent = false;  // guest agrees to be contacted (kept in extra["consent"])
  bool from_kiosk = false;
};

struct WaitlistIntents {
  std::optional<WaitlistCommand> command;  // Seat -> the shell opens the seat screen
  std::optional<NewWaitlistEntry> add;
  std::optional<Uuid> select;
};

// Live entries (Waiting, Notified, Called) in queue order, each with its quote (if any).
struct QueueRow {
  const WaitlistEntry* entry = nullptr;
  int position = 0;
  std::optional<int> quoted_minutes;  // empty: not quoted, or no table seats the party
  int waited_minutes = 0;             // since created_at, at desk.now
};
std::vector<QueueRow> waitlist_queue(const Desk& d);

// Kiosk entries waiting for a host to accept them (the Waitlist tab's badge).
int awaiting_acceptance(const Desk& d);
// The tab's title with that badge when there are any: "Liste d'attente (2)".
std::string waitlist_tab_title(Language l, const Desk& d, const char* title);
// The engine's recommendation, who to seat next and where (its seat_now, in
// the shipped policy's order: engine/waitlist.hpp): "À installer : Hugo (4) →
// 12". The queue itself stays in join order. Empty when it names no live,
// accepted entry.
std::string recommendation_line(Language l, const Desk& d, const SeatNow& hint);
// A row's status, with since when for a notified or called party:
// "Prévenu 19:42, il y a 6 min".
std::string status_line(Language l, const Desk& d, const WaitlistEntry& e);
// The quote for a new party of `party` joining now (cached in `q`).
const AddQuote& add_quote(AddQuote& q, const Desk& d, int party);

void draw_waitlist(WaitlistView& v, const Desk& d, WaitlistIntents& out);

}  // namespace foh::ui
