#include "app/app.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/log.hpp"
#include "app/seed.hpp"
#include "foh/engine/rules.hpp"
#include "foh/engine/waitlist.hpp"
#include "foh/net/cache_recover.hpp"
#include "foh/net/quarantine.hpp"
#include "foh/net/rest.hpp"
#include "foh/net/texts.hpp"
#include "foh/platform/platform.hpp"
#include "i18n.hpp"
#include "widgets/widgets.hpp"

namespace foh::app {

const char* tab_name(Tab t) {
  switch (t) {
    case Tab::Floor:
      return "floor";
    case Tab::Seat:
      return "seat";
    case Tab::Reservations:
      return "reservations";
    case Tab::Waitlist:
      return "waitlist";
    case Tab::Shift:
      return "shift";
    case Tab::Editor:
      return "editor";
  }
  return "floor";
}

App::App(const Options& options, AppClock& clock)
    : options_(options), clock_(clock), kiosk_(options.kiosk) {
  screens_.seat.command_id = net::new_uuid();
}
App::~App() {
  writer_.reset();  // the writes asked for are done first (their results are not shown)
  jobs_.reset();    // a check's late result never lands in a closing app
  if (sync_) sync_->stop();
}

Result<std::unique_ptr<App>> App::open(const Options& options, AppClock& clock) {
  std::unique_ptr<App> app(new App(options, clock));
  if (auto st = app->open_store(); !st) return st.error();
  // Data the engine refuses never stops the terminal: it says why and
  // keeps syncing, so a fix at the backend reaches it.
  if (auto st = app->reload(); !st) {
    std::cerr << "foh-terminal: " << st.error().text() << "\n";
    app->say(st.error().text(), true);
  }
  app->session_.touched(clock.now());
  return app;
}

// A damaged file (truncated, garbled, failing its check) is kept aside and
// replaced by a fresh cache, which the first pull fills (or the demo seeds,
// standalone); the unsent changes still readable in it are queued again.
Status App::open_cache(const std::string& path) {
  auto opened = net::open_cache(path, clock_.system_now());
  if (!opened) return opened.error();
  cache_ = std::move(opened->cache);
  if (const auto& rec = opened->recovery) {
    std::cerr << "foh-terminal: " << rec->message() << "\n";
    log::warn("cache_recovered", {{"problem", rec->problem},
                                  {"kept_as", rec->kept_as},
                                  {"outbox_salvaged", std::to_string(rec->outbox_salvaged)}});
    const ui::Language l =
        options_.locale.empty() ? desk_.locale : ui::locale_from(options_.locale);
    char line[1024];
    std::snprintf(line, sizeof line, ui::tr(l, "diag.cache_recovered"), rec->problem.c_str(),
                  rec->kept_as.c_str(), rec->outbox_salvaged);
    say(line, true);
  }
  // A row an earlier build set aside may read now.
  if (auto released = net::Quarantine(*cache_).retry(); !released)
    say(ui::error_text(desk_.locale, released.error()), true);
  return ok();
}

// The log lives beside the cache, in the terminal's data directory; a
// terminal that cannot write it runs on (and says so on stderr).
void App::open_log(const std::string& db_path, bool online) {
  const auto dir = std::filesystem::path(db_path).parent_path().string();
  if (auto st = log::open(dir); !st) std::cerr << "foh-terminal: " << st.error().text() << "\n";
  log::info("start", {{"db", db_path},
                      {"backend", online ? options_.backend_url : "none (standalone)"},
                      {"device_login", options_.device_token.empty() ? "no" : "yes"},
                      {"kiosk", options_.kiosk ? "yes" : "no"}});
}

Status App::open_store() {
  const std::string path = options_.db.empty() ? default_db_path() : options_.db;
  const bool online = !options_.backend_url.empty();
  open_log(path, online);
  if (auto st = open_cache(path); !st) return st;
  if (!online && !cache_->has_venue()) {
    // Standalone first run: the cache becomes the store, seeded with the demo.
    auto assets = find_assets(options_.assets);
    if (!assets) return assets.error();
    if (auto st = seed_demo(*cache_, *assets, clock_.now().date()); !st) return st;
  }
  // Results of slow work come back through the queue; wake the loop to drain it.
  jobs_ = std::make_unique<Jobs>(queue_, [] { platform::Platform::wake(); });
  auto writer = StoreWorker::open(path, *jobs_);
  if (!writer) return writer.error();
  writer_ = std::move(*writer);
  if (options_.write_delay_ms > 0) writer_->set_delay_ms(options_.write_delay_ms);
  store_ = std::make_unique<net::Store>(*cache_, [this] { return clock_.system_now(); });
  net::LoginConfig login_config;
  Uuid restaurant_id = options_.restaurant_id;
  if (online) {
    net::RestConfig rc;
    rc.base_url = options_.backend_url;
    rc.api_key = options_.anon_key;
    // pin-login takes only the terminal's own login; without one, PINs are checked offline.
    rc.bearer = options_.device_token;
    rest_ = std::make_unique<net::RestClient>(rc);
    net::SyncConfig sc;
    sc.rest = rc;
    sc.restaurant_id = restaurant_id;
    sc.cache_path = path;
    sc.rest.bearer = options_.device_token;
    // A kiosk on the anon key may only push its joins; with a device login it syncs like a desk.
    sc.kiosk = options_.kiosk && options_.device_token.empty();
    net::SyncEvents ev;
    ev.on_status = [this](const net::SyncStatus& s) {
      if (s.state != last_sync_state_ || s.last_error != desk_.sync.last_error)
        log::info("sync", {{"state", net::to_string(s.state)},
                           {"outbox", std::to_string(s.outbox_length)},
                           {"error", s.last_error}});
      last_sync_state_ = s.state;
      desk_.sync.connection = s.state;
      desk_.sync.outbox = static_cast<int>(s.outbox_length);
      desk_.sync.conflicts = static_cast<int>(s.conflicts);
      desk_.sync.last_error = s.last_error;
      if (auto t = LocalInstant::from_timestamp(s.last_success, day_.utc_offset_s))
        desk_.sync.last_success = *t;
    };
    ev.on_data_changed = [this] { stale_ = true; };
    sync_ = std::make_unique<net::Sync>(sc, queue_, ev);
    if (auto st = sync_->start(); !st) say(ui::error_text(desk_.locale, st.error()), true);
    desk_.sync.connection = net::Connectivity::Offline;
  } else {
    desk_.sync.connection = net::Connectivity::Standalone;
  }
  login_ = std::make_unique<net::PinLogin>(*cache_, login_config, rest_.get(), restaurant_id);
  return ok();
}

Status App::reload() {
  auto s = load_snapshot(*cache_, shown_date_, clock_.now());
  if (!s) return s.error();
  stale_ = false;
  return adopt(std::move(*s));
}

// A reload already under way (or a write, which reads the day after it)
// leaves stale_ set: the day is asked again once it lands, so a change
// made while it was read is never missed.
void App::request_reload() {
  if (writer_->running(JobKind::Reload) || writer_->running(JobKind::Write)) return;
  stale_ = false;
  const auto shown = shown_date_;
  const LocalInstant now = clock_.now();
  writer_->run(JobKind::Reload, "", clock_.system_now(), [this, shown, now](net::Store& st) {
    auto snap = std::make_shared<Result<DaySnapshot>>(load_snapshot(st.cache(), shown, now));
    return Jobs::Landing([this, snap] {
      Status adopted = *snap ? adopt(std::move(**snap)) : Status(snap->error());
      if (!adopted) say(ui::error_text(desk_.locale, adopted.error()), true);
    });
  });
}

void App::start_write(std::string key, std::function<void(net::Store&)> run,
                      std::function<void()> landed) {
  const auto shown = shown_date_;
  const LocalInstant now = clock_.now();
  writer_->run(
      JobKind::Write, std::move(key), clock_.system_now(),
      [this, shown, now, run = std::move(run), landed = std::move(landed)](net::Store& st) mutable {
        run(st);
        auto snap = std::make_shared<Result<DaySnapshot>>(load_snapshot(st.cache(), shown, now));
        return Jobs::Landing([this, snap, landed = std::move(landed)] {
          Status adopted = *snap ? adopt(std::move(**snap)) : Status(snap->error());
          if (!adopted) say(ui::error_text(desk_.locale, adopted.error()), true);
          if (landed) landed();
          wrote();
        });
      });
}

Status App::adopt(DaySnapshot s) {
  if (!s.venue) return ok();  // online first run: the first pull brings it
  // Before the day is chosen: "today" is the restaurant's.
  if (const auto& zone = s.venue->restaurant.settings.timezone; zone != zone_) {
    if (auto st = use_restaurant_timezone(zone); !st)
      say(ui::error_text(desk_.locale, st.error()), true);
    zone_ = zone;
    // Read in the zone used before: the service day may be another one.
    if (service_date(clock_.now(), s.venue->services) != s.today) stale_ = true;
  }
  desk_.today = s.today;
  if (shown_date_ && *shown_date_ <= desk_.today) shown_date_.reset();  // today again
  s.day.utc_offset_s = clock_.utc_offset_s(s.day.date);
  // net names an anonymous walk-in "Walk-in" (the backend wants a name): the
  // host reads it in the terminal's language.
  for (Reservation& r : s.day.reservations)
    if (r.source == "Walk-in" && r.guest_name == "Walk-in")
      r.guest_name = ui::tr(desk_.locale, "floor.walk_in");
  // Moved, not copied: the index's pointers into the venue's, the day's and
  // the floor's elements stay valid (a vector's move keeps its elements).
  venue_ = std::move(*s.venue);
  day_ = std::move(s.day);
  floor_ = std::move(s.floor);
  index_ = std::move(s.index);
  if (session_) {  // the member row may have changed (role, allowed_tabs)
    for (const auto& m : venue_.team_members)
      if (m.id == session_->member.id) session_->member = m;
  }
  if (s.set_aside.size() > desk_.set_aside.size())  // newly set aside: a manager should know
    log::warn("quarantine", {{"rows", std::to_string(s.set_aside.size())},
                             {"newest_table", s.set_aside.back().table}});
  desk_.set_aside = std::move(s.set_aside);
  desk_.conflicts.clear();
  for (const auto& c : s.conflicts) {
    ui::ConflictInfo info;
    info.reservation_id = c.reservation_id;
    if (c.proposal) info.proposed_table_number = c.proposal->table_number;
    for (const auto& r : day_.reservations)
      if (r.id == c.reservation_id) info.guest_name = r.guest_name;
    desk_.conflicts.push_back(info);
  }
  desk_.texts = std::move(s.texts);
  desk_.sms_quota = std::move(s.sms_quota);
  if (!sync_) {
    desk_.sync.outbox = s.outbox;
    desk_.sync.conflicts = static_cast<int>(desk_.conflicts.size());
  }
  refresh_desk();
  return ok();
}

void App::refresh_desk() {
  ++desk_.revision;  // the views' cached engine answers (seat, waitlist, shift) are stale now
  desk_.venue = &venue_;
  desk_.day = &day_;
  desk_.floor = floor_ ? &*floor_ : nullptr;
  desk_.index = index_ ? &*index_ : nullptr;
  desk_.member = session_ ? &session_->member : nullptr;
  if (options_.locale.empty() && !session_)
    desk_.locale = ui::locale_from(venue_.restaurant.settings.locale);
  else if (!options_.locale.empty() && frames_ == 0)
    desk_.locale = ui::locale_from(options_.locale);
  quotes_minute_ = -1;  // recomputed at the next frame, with that frame's clock
}

// Quotes come from the engine's expected table turns (engine/waitlist.hpp).
void App::refresh_quotes() {
  desk_.quotes.clear();
  desk_.seat_now.clear();
  auto plan = plan_waitlist(venue_, day_, desk_.now, day_waitlist_options(day_));
  if (!plan) {
    say(ui::error_text(desk_.locale, plan.error()), true);
    return;
  }
  desk_.quotes = std::move(plan->quotes);
  desk_.seat_now = std::move(plan->seat_now);
}

void App::say(const std::string& text, bool error) {
  if (error) log::warn("error_shown", {{"message", text}});
  desk_.message = text;
  desk_.message_is_error = error;
  messages_.emplace_back(text, error);
  while (messages_.size() > 20) messages_.pop_front();
}

void App::wrote() {
  ++sync_wakes_;
  if (sync_) sync_->poke();
}

net::Actor App::actor() const {
  net::Actor a;
  a.language = desk_.locale;  // refusals in the host's words
  if (session_) {
    a.member_id = session_->member.id;
    a.role = session_->member.role;
  }
  return a;
}

void App::note_input() {
  session_.touched(clock_.now());
  if (session_) login_->touch(*session_, clock_.system_now());
}

void App::logout() {
  if (session_) log::info("logout", {{"member", session_->member.id}});
  session_.end();
  pending_.reset();
  screens_.login = ui::LoginView{};
  screens_.tab = Tab::Floor;
  desk_.member = nullptr;
}

void App::check_idle_logout() {
  if (!session_.idle(clock_.now(), venue_.restaurant.settings.idle_logout_seconds)) return;
  logout();
  say(ui::tr(desk_.locale, "shell.idle_logout"), false);
}

std::optional<int64_t> App::next_change_ms() const {
  std::optional<int64_t> next;
  auto soonest = [&next](int64_t ms) { next = next ? std::min(*next, ms) : ms; };
  if (desk_.lockout.remaining_seconds > 0) soonest(1000);  // the countdown
  if (screens_.login.shake_left > 0) soonest(16);          // the shake animation
  if (screens_.kiosk.joined_at) soonest(1000);             // back to the start after a while
  if (sync_) soonest(500);                                 // drain the sync thread's queue
  if (busy()) soonest(250);                                // the busy state's seconds
  if (!clock_.fixed()) {
    const LocalInstant now = clock_.now();
    soonest((60 - now.seconds % 60) * 1000);  // the status bar's clock
    if (auto ms = session_.ms_until_idle(now, venue_.restaurant.settings.idle_logout_seconds))
      soonest(*ms);
  }
  return next;
}

void App::frame(platform::Platform& p) {
  ++frames_;
  queue_.drain();
  check_idle_logout();
  if (stale_) request_reload();  // off the frame: the day read lands in a later frame
  desk_.now = clock_.now();
  if (desk_.now.seconds / 60 != quotes_minute_) {
    quotes_minute_ = desk_.now.seconds / 60;
    // A terminal left on overnight turns to the new service day by itself.
    if (desk_.venue && service_date(desk_.now, venue_.services) != desk_.today) stale_ = true;
    refresh_quotes();
  }
  desk_.member = session_ ? &session_->member : nullptr;
  desk_.pending_writes = writer_->keys();
  const platform::Gestures& g = p.gestures();
  desk_.gestures =
      ui::PanZoom{g.pinch_scale, g.pinch_center.x, g.pinch_center.y, g.pan_delta.x, g.pan_delta.y};
  desk_.gestures.fingers = g.fingers;
  desk_.gestures.long_press = g.long_press.has_value();
  if (g.long_press)
    desk_.gestures.press_x = g.long_press->x, desk_.gestures.press_y = g.long_press->y;
  if (!session_ || kiosk_) {
    const auto now = clock_.system_now();
    // The member chosen on the login screen: one member's wrong PINs lock no other.
    const auto& who = screens_.login.member_id;
    const bool chosen = who && !kiosk_;
    desk_.lockout.failed_attempts = chosen ? login_->failures(*who, now) : login_->failures();
    desk_.lockout.remaining_seconds =
        chosen ? login_->locked_seconds(*who, now) : login_->locked_seconds(now);
    desk_.lockout.tries_left =
        std::max(0, login_->config().failures_before_lock - desk_.lockout.failed_attempts);
  }
  const ImGuiIO& io = ImGui::GetIO();
  ui::keyboard_begin_frame(screens_.keyboard);
  ui::set_keyboard(&screens_.keyboard);
  // The on-screen keyboard's dock takes the bottom: the screens get the rest.
  // On the guest kiosk its keys are as large as the kiosk's type, in the guest's language.
  const ui::Language keys_locale =
      kiosk_ ? screens_.kiosk.guest_locale.value_or(desk_.locale) : desk_.locale;
  const float keys_scale =
      kiosk_ ? ui::kiosk_keyboard_scale(screens_.keyboard, keys_locale, io.DisplaySize.x,
                                        io.DisplaySize.y, ImGui::GetFontSize())
             : 1.0f;
  const float dock = ui::keyboard_height(screens_.keyboard, keys_locale, keys_scale);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x, io.DisplaySize.y - dock));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("FOH###main", nullptr, flags);
  if (desk_.venue == nullptr || venue_.restaurant.id.empty()) {
    ImGui::TextUnformatted(ui::tr(desk_.locale, "shell.waiting_data"));
    if (!desk_.message.empty()) ImGui::TextWrapped("%s", desk_.message.c_str());
  } else if (kiosk_) {
    ui::KioskIntents in;
    ui::draw_kiosk(screens_.kiosk, desk_, in);
    apply(in);
  } else {
    draw_staff(p);
  }
  draw_busy_state();  // over the screens: nothing under it is tapped meanwhile
  ImGui::End();
  ui::draw_keyboard_dock(screens_.keyboard, keys_locale, keys_scale);
}

}  // namespace foh::app
