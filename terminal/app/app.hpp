#pragma once
// The terminal's shell: one frame draws the screens, then applies the
// intents they recorded (writes through net's Store, on the job runner's
// Store lane), then reads the day again if it is stale. What it routes
// between lives in objects of their own: the screens' states
// (app/screen_states.hpp), who is logged in (app/session.hpp), the day on
// screen (app/shown_day.hpp, read as an app/snapshot.hpp), the one job runner (app/jobs.hpp) and
// its Store lane (app/store_worker.hpp).
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "app/clock.hpp"
#include "app/jobs.hpp"
#include "app/log.hpp"
#include "app/options.hpp"
#include "app/screen_states.hpp"
#include "app/services.hpp"
#include "app/session.hpp"
#include "app/shown_day.hpp"
#include "app/snapshot.hpp"
#include "app/store_worker.hpp"
#include "desk.hpp"
#include "foh/net/cache.hpp"
#include "foh/net/login.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"

namespace foh::platform {
class Platform;
}

namespace foh::app {

// A sensitive action a server may not do alone: applied once a manager's PIN checks.
struct PendingAction {
  enum class Kind { CancelReservation, Undo, LeaveKiosk, OverrideBooking };
  Kind kind = Kind::CancelReservation;
  Uuid reservation_id;
  std::optional<ui::BookingCommand> booking;  // OverrideBooking: what the manager approves
  std::optional<Uuid> manager_id;             // picked in the PIN popup
  std::string pin;                            // typed; cleared after each check, never logged
  std::string message;
  bool approved = false;  // the PIN checked (off the frame) and the action applied
};

class App {
 public:
  static Result<std::unique_ptr<App>> open(const Options& options, AppClock& clock);
  ~App();

  // One UI frame: the screens for the state, then the intents applied.
  void frame(platform::Platform& platform);
  void note_input();  // user input arrived: resets the idle logout timer
  // Milliseconds until something on screen changes by itself (clock, countdown).
  std::optional<int64_t> next_change_ms() const;
  bool kiosk_locked() const { return kiosk_; }
  bool kiosk_left() const { return kiosk_left_; }  // the platform may be unlocked
  // A job (a PIN check, a write, a reload) has not landed yet.
  bool busy() const { return services_ && services_->jobs->busy(); }
  Json dump() const;  // for scripts and tests

 private:
  App(const Options& options, AppClock& clock);
  void start_sync();            // online: the sync's status shown, its pulls reread the day
  Status reload();              // at once (opening): the cache read on the main thread
  void request_reload();        // off the frame, on the Store's worker; swapped in when read
  Status adopt(DaySnapshot s);  // main thread: the snapshot becomes what the screens draw
  void say(const std::string& text, bool error);
  void wrote();  // a write landed: the sync pushes it now rather than at the next poll

  // One write to the Store, off the frame (app/store_worker.hpp). `fn(store)`
  // runs on the Store's worker, then the day is read again there; on the
  // main thread the new day is swapped in, then `done(result)` runs (its
  // message, the view reset). `key` (a command or row id, ui/write_keys)
  // keeps the button that started it disabled until then (Desk::writing).
  // `fn` runs on another thread: it touches no App member, captures what it
  // needs by value, and reads the cache only through `store.cache()`.
  // Every Store write in terminal/app goes through here, e.g.
  //   write(id, [id, by](net::Store& s) { return s.waitlist_call(id, by); },
  //         [this](Result<WaitlistEntry> r) { ... });
  template <class Fn, class Done>
  void write(std::string key, Fn fn, Done done) {
    using R = std::invoke_result_t<Fn&, net::Store&>;
    auto out = std::make_shared<std::optional<R>>();
    start_write(
        key, [fn = std::move(fn), out](net::Store& s) mutable { out->emplace(fn(s)); },
        [done = std::move(done), out, what = key]() mutable {
          if constexpr (requires { (**out).error(); })
            if (!**out)
              log::warn("write_failed", {{"key", what}, {"error", (**out).error().text()}});
          done(std::move(**out));
        });
  }
  void start_write(std::string key, std::function<void(net::Store&)> run,
                   std::function<void()> landed);
  net::Actor actor() const;

  void begin_frame(const platform::Platform& p);
  void read_lockout();
  void draw_staff(platform::Platform& p);
  void draw_tabs();
  void draw_screen();
  void draw_manager_pin();
  void check_idle_logout();
  void logout();

  void apply(const ui::LoginIntents& in);
  void apply(const ui::FloorIntents& in);
  void apply(const ui::SeatIntents& in);
  void apply(const ui::ReservationsIntents& in);
  void apply(const ui::EditorIntents& in);
  void apply(const ui::WaitlistIntents& in);
  void apply(const ui::KioskIntents& in);
  void apply(const ui::StatusBarIntents& in);
  void apply(const ui::SetAsideIntents& in);
  void apply(const ui::ShiftIntents& in);  // app/apply_shift.cpp: the report's CSV
  // The floor's changes of the day (app/apply_day.cpp).
  void apply_day(const ui::FloorDayIntents& in);
  void apply_sections(const ui::FloorSectionsIntents& in);  // app/apply_sections.cpp
  void join_for_day(const Uuid& a, const Uuid& b, bool undoing);
  void split_for_day(const Uuid& t, bool undoing);
  void save_day_note(const ui::NoteSave& s);
  // The guest at the door (app/apply_customers.cpp): the booking form's
  // matches for what the host typed (a read on this thread's connection).
  void find_guests(const std::string& query);
  std::string table_name(const Uuid& id) const;
  void apply_pending(const PendingAction& a);
  void leave_kiosk(const std::string& pin);  // a manager PIN, counted once (app/waits.cpp)
  // PIN checks off the frame (app/waits.cpp): `done` gets the verdict on the main thread.
  using PinVerdict = std::function<void(Result<net::Session>)>;
  void check_pin(JobKind kind, const Uuid& member_id, const std::string& pin, PinVerdict done);
  void start_login(const ui::PinAttempt& a);
  void logged_in(Result<net::Session> s);
  void manager_checked(Result<net::Session> s);
  void kiosk_exit_checked(const std::optional<Uuid>& target, bool locked, const std::string& pin);
  void draw_busy_state();
  void seat(const ui::SeatCommand& c);
  void seated(const ui::SeatCommand& c, const Result<Reservation>& done);  // landed
  void said_status(const Uuid& reservation_id, const Result<Reservation>& r);
  void optimised(const Result<int>& n);
  // The form's edit or overridden refusal (app/booking.cpp): a Server's
  // override waits for a Manager's PIN; `by` is who saves it.
  void request_save(const ui::BookingCommand& c);
  void create_booking(const ui::ReservationsIntents& in);  // the form's new booking (apply.cpp)
  void save_booking(ui::BookingCommand c, const net::Actor& by);
  void booking_saved(const Result<Reservation>& r);  // landed
  void edit_booking(const Uuid& reservation_id);  // the booking form on it (from the seat screen)
  void open_seat(ui::PartySource source, const Uuid& id);
  void preview_optimise();  // the shown day's re-plan, into the reservations view
  void apply_optimise(const std::vector<Move>& moves);

  Options options_;
  AppClock& clock_;
  bool kiosk_ = false, kiosk_left_ = false;

  // Cache, Store, login, queue, jobs and sync, stopped in their order (app/services.hpp).
  std::unique_ptr<Services> services_;

  // The day on screen (app/shown_day.hpp) and what the screens read: the
  // Desk points into the day's venue, floor and index.
  ShownDay shown_;
  ui::Desk desk_;
  net::Connectivity last_sync_state_ = net::Connectivity::Offline;  // logged when it changes
  // Two signals, never one: a stale day is read again (another day shown,
  // the language switched, the sync pulled); only a write that landed wakes
  // the sync to push it (wrote()), so browsing days never pushes.
  int sync_wakes_ = 0;  // writes that woke the sync (the script dump: tests)
  Session session_;     // who is logged in, their last input (app/session.hpp)

  ScreenStates screens_;  // what each screen remembers between frames
  std::optional<PendingAction> pending_;
  // One write per intent: the id the next booking, waitlist add and kiosk join
  // carry (the row's id), renewed when one is written; the seat screen's is in its view.
  Uuid booking_command_ = net::new_uuid(), waitlist_command_ = net::new_uuid(),
       kiosk_command_ = net::new_uuid(), guest_command_ = net::new_uuid();

  std::deque<std::pair<std::string, bool>> messages_;  // last results, newest last
  int64_t frames_ = 0;
};

}  // namespace foh::app
