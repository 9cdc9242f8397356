#include "app/app.hpp"

#include <imgui.h>

#include <cstdlib>
#include <iostream>

#include "app/log.hpp"
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
App::~App() { services_.reset(); }  // stopped before what their landings would touch

Result<std::unique_ptr<App>> App::open(const Options& options, AppClock& clock) {
  std::unique_ptr<App> app(new App(options, clock));
  std::vector<std::string> said;
  auto services = Services::open(options, clock, app->desk_.locale, said);
  if (!services) return services.error();
  app->services_ = std::move(*services);
  for (const auto& line : said) app->say(line, true);
  app->start_sync();
  // Data the engine refuses never stops the terminal: it says why and
  // keeps syncing, so a fix at the backend reaches it.
  if (auto st = app->reload(); !st) {
    std::cerr << "foh-terminal: " << st.error().text() << "\n";
    app->say(st.error().text(), true);
  }
  app->session_.touched(clock.now());
  return app;
}

void App::start_sync() {
  if (!services_->online()) {
    desk_.sync.connection = net::Connectivity::Standalone;
    return;
  }
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
    if (auto t = LocalInstant::from_timestamp(s.last_success, shown_.day().utc_offset_s))
      desk_.sync.last_success = *t;
  };
  ev.on_data_changed = [this] { shown_.mark_stale(); };
  if (auto st = services_->start_sync(std::move(ev)); !st)
    say(ui::error_text(desk_.locale, st.error()), true);
  desk_.sync.connection = net::Connectivity::Offline;
}

Status App::reload() {
  auto s = load_snapshot(*services_->cache, shown_.shown_date(), clock_.now());
  if (!s) return s.error();
  shown_.reading();
  return adopt(std::move(*s));
}

// A reload already under way (or a write, which reads the day after it)
// leaves the day stale: the day is asked again once it lands, so a change
// made while it was read is never missed.
void App::request_reload() {
  if (services_->writer->running(JobKind::Reload) || services_->writer->running(JobKind::Write))
    return;
  shown_.reading();
  const auto shown = shown_.shown_date();
  const LocalInstant now = clock_.now();
  services_->writer->run(
      JobKind::Reload, "", clock_.system_now(), [this, shown, now](net::Store& st) {
        auto snap = std::make_shared<Result<DaySnapshot>>(load_snapshot(st.cache(), shown, now));
        return Jobs::Landing([this, snap] {
          Status adopted = *snap ? adopt(std::move(**snap)) : Status(snap->error());
          if (!adopted) say(ui::error_text(desk_.locale, adopted.error()), true);
        });
      });
}

void App::start_write(std::string key, std::function<void(net::Store&)> run,
                      std::function<void()> landed) {
  const auto shown = shown_.shown_date();
  const LocalInstant now = clock_.now();
  services_->writer->run(
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
  const int outbox = s.outbox;
  if (auto st = shown_.adopt(std::move(s), clock_, desk_); !st)
    say(ui::error_text(desk_.locale, st.error()), true);
  if (session_) {  // the member row may have changed (role, allowed_tabs)
    for (const auto& m : shown_.venue().team_members)
      if (m.id == session_->member.id) session_->member = m;
  }
  if (!services_->sync) {
    desk_.sync.outbox = outbox;
    desk_.sync.conflicts = static_cast<int>(desk_.conflicts.size());
  }
  desk_.member = session_ ? &session_->member : nullptr;
  if (options_.locale.empty() && !session_)
    desk_.locale = ui::locale_from(shown_.venue().restaurant.settings.locale);
  else if (!options_.locale.empty() && frames_ == 0)
    desk_.locale = ui::locale_from(options_.locale);
  return ok();
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
  if (services_->sync) services_->sync->poke();
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
  if (session_) services_->login->touch(*session_, clock_.system_now());
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
  if (!session_.idle(clock_.now(), shown_.venue().restaurant.settings.idle_logout_seconds)) return;
  logout();
  say(ui::tr(desk_.locale, "shell.idle_logout"), false);
}

std::optional<int64_t> App::next_change_ms() const {
  std::optional<int64_t> next;
  auto soonest = [&next](int64_t ms) { next = next ? std::min(*next, ms) : ms; };
  if (desk_.lockout.remaining_seconds > 0) soonest(1000);  // the countdown
  if (screens_.login.shake_left > 0) soonest(16);          // the shake animation
  if (screens_.kiosk.joined_at) soonest(1000);             // back to the start after a while
  if (services_->sync) soonest(500);                       // drain the sync thread's queue
  if (busy()) soonest(250);                                // the busy state's seconds
  if (!clock_.fixed()) {
    const LocalInstant now = clock_.now();
    soonest((60 - now.seconds % 60) * 1000);  // the status bar's clock
    if (auto ms =
            session_.ms_until_idle(now, shown_.venue().restaurant.settings.idle_logout_seconds))
      soonest(*ms);
  }
  return next;
}

namespace {

ui::PanZoom pan_zoom_of(const platform::Gestures& g) {
  ui::PanZoom z{g.pinch_scale, g.pinch_center.x, g.pinch_center.y, g.pan_delta.x, g.pan_delta.y};
  z.fingers = g.fingers;
  z.long_press = g.long_press.has_value();
  if (g.long_press) z.press_x = g.long_press->x, z.press_y = g.long_press->y;
  return z;
}

}  // namespace

// Before the screens draw: what landed, the clock, the day's quotes, the gestures.
void App::begin_frame(const platform::Platform& p) {
  ++frames_;
  services_->queue.drain();
  check_idle_logout();
  if (shown_.stale()) request_reload();  // off the frame: the day read lands in a later frame
  desk_.now = clock_.now();
  if (auto st = shown_.tick(desk_); !st) say(ui::error_text(desk_.locale, st.error()), true);
  desk_.member = session_ ? &session_->member : nullptr;
  desk_.pending_writes = services_->writer->keys();
  desk_.gestures = pan_zoom_of(p.gestures());
  if (!session_ || kiosk_) read_lockout();
}

// The login screen's countdown and tries left.
void App::read_lockout() {
  const auto now = clock_.system_now();
  net::PinLogin& login = *services_->login;
  // The member chosen on the login screen: one member's wrong PINs lock no other.
  const auto& who = screens_.login.member_id;
  const bool chosen = who && !kiosk_;
  desk_.lockout.failed_attempts = chosen ? login.failures(*who, now) : login.failures();
  desk_.lockout.remaining_seconds =
      chosen ? login.locked_seconds(*who, now) : login.locked_seconds(now);
  desk_.lockout.tries_left =
      std::max(0, login.config().failures_before_lock - desk_.lockout.failed_attempts);
}

void App::frame(platform::Platform& p) {
  begin_frame(p);
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
  if (desk_.venue == nullptr || !shown_.has_venue()) {
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
