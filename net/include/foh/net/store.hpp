#pragma once
// The command layer the screens' intents turn into. Every command checks the
// engine's rules against the cached day BEFORE writing, then writes the row(s)
// and their outbox entries in ONE transaction and returns after COMMIT. A
// refusal is an Error whose message a host can read ("table 7 is taken
// 19:00-20:30 by Martin (4)").
//
// Use a Store from the UI thread (it owns no thread; the sync thread has its
// own connection).
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/assign.hpp"
#include "foh/engine/booking.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/engine/status.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/sync_state.hpp"

namespace foh::net {

using Clock = std::function<std::chrono::system_clock::time_point()>;

class KeptDays;   // store_kept.hpp: the decoded venue and days, kept between commands
struct RowWrite;  // store_write.hpp

// Who does it: written into created_by / changed_by and event metadata.
struct Actor {
  std::optional<Uuid> member_id;  // team_members.id; none for the kiosk
  Role role = Role::Server;
  Language language = Language::En;  // of the engine's refusals this actor reads
};

// How a booking taken or edited by hand is written: the moves the engine's
// proposal makes to free its table (as in create_reservation), and a Manager's
// or Admin's explicit override of the engine's refusal (no service at that
// time, pacing), recorded in the booking's notes (engine booking.hpp).
struct BookingOptions {
  std::vector<Move> moves;
  std::optional<BookingOverride> override_refusal;
};

class Store {
 public:
  // `clock` gives created_at/seated_at/updated_at stamps (tests inject one).
  explicit Store(Cache& cache, Clock clock = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Cache& cache() { return cache_; }

  // ---- reservations
  // `moves` in the commands below: the reservations the engine's proposal
  // moves to make room (Decision::moved, from assign.hpp). They are moved and
  // the party booked or seated in ONE transaction (each moved row with its
  // outbox entry), or nothing is written: refused when a moved party arrived
  // or was seated meanwhile, is no longer on the table the proposal moves it
  // from, or when any table involved is taken.

  // One write per intent: a command carries its id, chosen when the host
  // started it (the new row's id: r.id, e.id, `id` below). The same command
  // again (a double tap, a retry, a replayed script) finds its row written and
  // returns it, writing nothing.

  // New booking: id made here when empty, status default Confirmed; refused
  // when the table (or any member of its combination) is taken.
  Result<Reservation> create_reservation(Reservation r, const Actor& by,
                                         const std::vector<Move>& moves = {});
  // A booking taken by hand (the form): create_reservation, refused first
  // when the engine refuses the booking itself (check_booking: no service at
  // that date and time, pacing) unless `o` overrides it (Manager or Admin).
  Result<Reservation> book(Reservation r, const Actor& by, const BookingOptions& o = {});
  // Edit (date, time, party, duration, table, guest data...): the overlap
  // check ignoring itself, with `o.moves` applied in the same transaction;
  // a new date, time or party of a booking not yet arrived is re-checked as
  // book() checks it. Never moves the edited booking itself.
  Result<Reservation> update_reservation(const Reservation& r, const Actor& by,
                                         const BookingOptions& o = {});
  // Status change via the engine's transition(); writes row + event + outbox.
  Result<Reservation> change_status(const Uuid& reservation_id, ReservationStatus to,
                                    const Actor& by, std::optional<int> arrived_count = {},
                                    const Json& metadata = Json::object());
  // Undo of the last transition; managers and admins only.
  Result<Reservation> undo_last_transition(const Uuid& reservation_id, const Actor& by);
  // A walk-in seated now at `pick` (status Seated, source "Walk-in").
  Result<Reservation> seat_walk_in(int party_size, const TableChoice& pick, Date date,
                                   TimeOfDay time, const Actor& by,
                                   const std::string& guest_name = "",
                                   const std::vector<Move>& moves = {}, const Uuid& id = {});
  // A booked party seated now at `pick`: its table changes when `pick` is
  // another one, then Arrived (if not yet) and Seated, each with its audit
  // event, the moves first: all in ONE transaction. Already seated at `pick`:
  // returned as it is.
  // `party_size`: the guests who came; more than booked ("booked 6, arrived
  // 8") changes the booking's size with the seating, fewer is a partial
  // arrival (arrived_count).
  Result<Reservation> seat_reservation(const Uuid& reservation_id, const TableChoice& pick,
                                       const Actor& by, const std::vector<Move>& moves = {},
                                       std::optional<int> party_size = std::nullopt);
  // "Optimise tonight" applied (managers and admins): every move of the
  // engine's re-plan (optimise_day) in ONE transaction, or nothing, refused as
  // `moves` above are when stale or when a table is taken with all of them
  // applied. A Move with no from-table seats a reservation that held none.
  // Returns how many reservations changed table (0 for an empty list).
  Result<int> apply_moves(const std::vector<Move>& moves, const Actor& by);

  // ---- the day's floor
  Status set_table_blocked(const Uuid& table_id, Date date, bool blocked, const Actor& by);
  Status set_table_hidden(const Uuid& table_id, Date date, bool hidden, const Actor& by);
  Result<DailyExtraTable> save_extra_table(DailyExtraTable t, const Actor& by);
  // The day's floor note: Managers and Admins (permissions kFloorNote, 027).
  Result<DailyFloorNote> save_floor_note(DailyFloorNote n, const Actor& by);
  // Two tables joined for the day (engine day_join.hpp; any member): `a`'s
  // override of `date` gets joined_with = `b`, one write, refused as
  // check_join refuses (not adjacent, not free, ...), nothing written.
  Status join_tables(const Uuid& a, const Uuid& b, Date date, const Actor& by);
  // The join of `t` that date split again (every row joining it cleared, one
  // transaction); returns the table it was joined with. Refused when `t` is
  // not joined that day, or a party holds the pair as a combination now.
  Result<Uuid> split_tables(const Uuid& t, Date date, const Actor& by);

  // ---- server sections (issue 13 item 3; Managers and Admins, migration 026)
  // Gives `table_id` to `team_member_id` (nullopt: takes it back) for the
  // service `service_id` of `date` (nullopt: a restaurant with no services).
  // One row write: the row's id derives from (restaurant, date, service,
  // table), so every terminal writes that table's one row; the same tap
  // again writes nothing.
  Result<ServerSection> set_section(const Uuid& table_id, Date date,
                                    const std::optional<Uuid>& service_id,
                                    const std::optional<Uuid>& team_member_id, const Actor& by);

  // ---- floor plan editor (managers and admins). Saves a whole floor plan:
  // its zones and tables (combinations live in tables' capacity_overrides).
  // Refused, nothing written, when tables overlap (engine geometry.hpp's
  // tables_overlap, the rule the editor flags with), names repeat, or a
  // combination names an unknown table. Rows absent from the new set that
  // exist in the cache for this floor plan are deleted.
  Status save_floor_plan(const FloorPlan& plan, const std::vector<Zone>& zones,
                         const std::vector<Table>& tables, const Actor& by);

  // ---- waitlist
  Result<WaitlistEntry> waitlist_add(WaitlistEntry e, const Actor& by);  // staff: accepted
  // Kiosk self-service: status waiting, unconfirmed (extra.confirmed=false)
  // until staff accept it.
  Result<WaitlistEntry> kiosk_join(WaitlistEntry e);
  Result<WaitlistEntry> waitlist_accept(const Uuid& entry_id, const Actor& by);
  Result<WaitlistEntry> waitlist_notify(const Uuid& entry_id, const Actor& by);
  Result<WaitlistEntry> waitlist_call(const Uuid& entry_id, const Actor& by);
  Result<WaitlistEntry> waitlist_expire(const Uuid& entry_id, const Actor& by);
  // The party left or gave up: status cancelled (row + outbox, one
  // transaction). Also for a kiosk join staff never accepted.
  Result<WaitlistEntry> cancel_waitlist(const Uuid& entry_id, const Actor& by);
  // Seats the party at `pick` now: a Seated reservation (source "Liste
  // d'attente") and the entry converted, in one transaction.
  Result<Reservation> waitlist_seat(const Uuid& entry_id, const TableChoice& pick, TimeOfDay time,
                                    const Actor& by, const std::vector<Move>& moves = {},
                                    const Uuid& reservation_id = {});

  // ---- customers (the guest at the door; engine customer.hpp)
  // Creates or edits a customer: name, phone, email, notes, tags. The counts,
  // last visit and classification are the backend's (migration 025): the
  // cached ones are kept, never sent. `c.id` is the command's id (made here
  // when empty); the same command again writes nothing. Refused with the
  // other customer named when another customer of the restaurant has this
  // phone's key ("customer_phone_taken").
  Result<Customer> save_customer(Customer c, const Actor& by);
  // The cached customer of the restaurant whose phone has `phone`'s key.
  std::optional<Customer> customer_by_phone(std::string_view phone);
  // The booking's customer_id set (or cleared, nullopt): one Patch.
  Result<Reservation> link_customer(const Uuid& reservation_id,
                                    const std::optional<Uuid>& customer_id, const Actor& by);

  // ---- overlap conflicts found by sync (a host decides)
  std::vector<Conflict> conflicts() { return SyncState(cache_).conflicts(); }
  Result<Reservation> resolve_accept_proposal(const Uuid& reservation_id, const Actor& by);
  Result<Reservation> resolve_pick_table(const Uuid& reservation_id, const TableChoice& pick,
                                         const Actor& by);
  Result<Reservation> resolve_cancel(const Uuid& reservation_id, const Actor& by);

  // Failed outbox entries (other 4xx): retry or drop by an explicit decision.
  Status retry_failed(int64_t seq);

 private:
  std::string now_iso() const;
  // The status machine's context for `by`'s change stamped `stamp`: a new
  // event id, and refusals in `by`'s language.
  TransitionContext context(const Actor& by, std::string stamp,
                            std::optional<int> arrived_count = std::nullopt,
                            Json metadata = Json::object()) const;
  // The overlap rule and the day's blocked tables for each of `rs` (this
  // command's rows), against the cached days with all of `rs` applied;
  // refusals in `language`.
  Status check_free(const std::vector<Reservation>& rs, Language language);
  // The reservations `moves` puts on their new tables; refused when stale
  // (engine moved_now), in `language`.
  Result<std::vector<Reservation>> moved_by(const std::vector<Move>& moves, const std::string& now,
                                            Language language);
  // check_free for `r` and every moved reservation, all applied together.
  Status check_with(const Reservation& r, const std::vector<Reservation>& moved, Language language);
  // check_booking for `r` against its cached day; `r` with the override's
  // note when overridden, else the refusal.
  Result<Reservation> checked_booking(Reservation r, const Actor& by,
                                      const std::optional<BookingOverride>& o);
  Result<Reservation> write_status(const Reservation& before, const Reservation& after,
                                   const ReservationEvent& event);
  Result<Reservation> resolve_with(const Uuid& reservation_id, const TableChoice& pick,
                                   const Actor& by);
  Result<WaitlistEntry> waitlist_set(const Uuid& entry_id, WaitlistStatus to, const Actor& by);
  Status put_override(const Uuid& table_id, Date date, bool set_blocked, bool value,
                      const Actor& by);
  // Every command's write: write_rows (one transaction, rows and outbox), then
  // the kept days brought up to date with what it wrote.
  Status commit_rows(const std::vector<RowWrite>& writes, const std::string& now_iso);
  Cache& cache_;
  Clock clock_;
  // The venue and days the checks read, decoded once and kept while the
  // cache's revision is unchanged (store_kept.hpp).
  std::unique_ptr<KeptDays> kept_;
};

}  // namespace foh::net
