#pragma once
// The waitlist: the queue with position and quoted wait, and notify / call /
// seat / expire; kiosk entries stay unconfirmed until staff accept them.
#include <optional>
#include <string>
#include <vector>

#include "desk.hpp"

namespace foh::ui {

// Kiosk entries carry extra["kiosk_pending"] == true until staff accept them
// (net writes it on a kiosk join and clears it on accept).
bool is_unconfirmed(const WaitlistEntry& e);

struct WaitlistView {
  std::optional<Uuid> selected;
  // Quick add by staff.
  std::string name, phone, party = "2";
  bool adding = false, submitted = false;
};

enum class WaitlistAction { Accept, Notify, Call, Seat, Expire, Cancel };

struct WaitlistCommand {
  Uuid entry_id;
  WaitlistAction action = WaitlistAction::Notify;
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
  std::optional<int> quoted_minutes;
  int waited_minutes = 0;  // since created_at, at desk.now
};
std::vector<QueueRow> waitlist_queue(const Desk& d);

void draw_waitlist(WaitlistView& v, const Desk& d, WaitlistIntents& out);

}  // namespace foh::ui
