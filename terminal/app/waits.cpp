// The frame never waits (issue 12): PIN checks (pin-login over the network,
// PBKDF2), the kiosk exit's search for whose PIN it is, and the day's re-plan
// run on the job runner (app/jobs.hpp). The cache is read and written here,
// on the main thread, before and after; the worker only computes and asks.
#include <memory>

#include "app/app.hpp"
#include "app/log.hpp"
#include "foh/engine/optimise.hpp"
#include "foh/engine/permissions.hpp"
#include "foh/engine/pin.hpp"
#include "i18n.hpp"
#include "screens/busy.hpp"
#include "view/optimise.hpp"

namespace foh::app {

namespace {
// The busy state's words for `k`: a key of the string table.
const char* busy_key(JobKind k) {
  switch (k) {
    case JobKind::Login:
    case JobKind::ManagerPin:
      return "busy.login";
    case JobKind::KioskExit:
      return "busy.kiosk_exit";
    case JobKind::Optimise:
      return "busy.optimise";
    case JobKind::Write:
    case JobKind::Reload:
    case JobKind::Export:
      return "busy.saving";
  }
  return "busy.saving";
}
}  // namespace

void App::check_pin(JobKind kind, const Uuid& member_id, const std::string& pin, PinVerdict done) {
  auto t = services_->login->begin(member_id, pin, clock_.system_now());
  if (!t) return done(t.error());  // locked, or not a PIN: said at once, nothing to wait for
  auto attempt = std::make_shared<const net::LoginTry>(std::move(*t));
  services_->jobs->start(
      kind, [this, attempt, done](const Jobs::Cancelled& cancelled) -> Jobs::Landing {
        auto answer = std::make_shared<net::LoginAnswer>(net::PinLogin::check(*attempt, cancelled));
        return [this, attempt, answer, done] {
          done(services_->login->finish(*attempt, *answer, clock_.system_now()));
        };
      });
}

void App::start_login(const ui::PinAttempt& a) {
  if (services_->jobs->running(JobKind::Login))
    return;  // one check at a time: a second OK waits for it
  check_pin(JobKind::Login, a.member_id, a.pin,
            [this](Result<net::Session> s) { logged_in(std::move(s)); });
}

void App::logged_in(Result<net::Session> s) {
  if (!s) {
    const Error& e = s.error();
    log::warn("login_refused", {{"member", screens_.login.member_id.value_or("")},
                                {"reason", e.code.empty() ? e.message : e.code}});
    ui::login_failed(screens_.login, clock_.now(), ui::error_text(desk_.locale, s.error()));
    return;
  }
  session_.begin(std::move(*s));
  log::info("login", {{"member", session_->member.id}, {"role", to_string(session_->member.role)}});
  if (services_->sync && !session_->token.empty()) services_->sync->set_bearer(session_->token);
  screens_.login = ui::LoginView{};
  desk_.member = &session_->member;
  desk_.message.clear();
  note_input();
}

// A manager's PIN on a server's session (draw_manager_pin): the action is
// applied when it checks, and the popup closes on its next frame.
void App::manager_checked(Result<net::Session> s) {
  if (!pending_) return;  // closed meanwhile
  PendingAction& a = *pending_;
  if (!s || s->member.role == Role::Server) {
    a.message =
        s ? ui::tr(desk_.locale, "shell.not_manager") : ui::error_text(desk_.locale, s.error());
    return;
  }
  // The change goes out under the manager's own token (the backend checks it).
  if (services_->sync && !s->token.empty()) services_->sync->add_signer(s->member.id, s->token);
  apply_pending(a);
  a.approved = true;
}

// One PIN typed is one attempt, whoever's it is: the cached hashes say which
// manager (or admin) it belongs to, and only that one login counts in the
// lockout. A PIN matching no cached hash is tried once, online first, against a
// manager whose hash is not cached (else the first), and counts once. Hashing
// every manager's PIN (PBKDF2 each) is the worker's.
void App::leave_kiosk(const std::string& pin) {
  if (services_->jobs->busy(Lane::Checks)) return;
  const bool locked = services_->login->locked_seconds(clock_.system_now()) > 0;
  std::vector<TeamMember> managers, servers;
  for (const auto& m : shown_.venue().team_members)
    if (m.is_active) (m.role == Role::Server ? servers : managers).push_back(m);
  services_->jobs->start(JobKind::KioskExit,
                         [this, managers, servers, pin, locked](const Jobs::Cancelled& cancelled) {
                           std::optional<Uuid> who, uncached, first;
                           for (const auto& m : managers) {
                             if (locked || cancelled())
                               break;  // no hashing while locked: login refuses anyway
                             if (!first) first = m.id;
                             if (!uncached && m.pin.empty()) uncached = m.id;
                             if (!who && verify_pin(pin, m)) who = m.id;
                           }
                           // A server's own PIN is a mistake of role, not a guess: it is answered
                           // "a manager's PIN is needed" and not counted (a PIN nobody has still
                           // is).
                           bool server = false;
                           for (const auto& m : servers)
                             if (!who && !locked && !cancelled() && !server)
                               server = verify_pin(pin, m);
                           const auto target = who ? who : uncached ? uncached : first;
                           return Jobs::Landing([this, target, locked, pin, server] {
                             if (!server) return kiosk_exit_checked(target, locked, pin);
                             screens_.kiosk.pin.clear();
                             screens_.kiosk.message = ui::tr(desk_.locale, "kiosk.need_manager");
                           });
                         });
}

void App::kiosk_exit_checked(const std::optional<Uuid>& target, bool locked,
                             const std::string& pin) {
  auto refused = [this](const std::string& why) {
    screens_.kiosk.pin.clear();
    screens_.kiosk.message = why;
  };
  if (!target && !locked) return refused(ui::tr(desk_.locale, "shell.not_manager"));
  check_pin(JobKind::KioskExit, target.value_or(Uuid{}), pin,
            [this, refused](Result<net::Session> s) {
              if (!s) return refused(ui::error_text(desk_.locale, s.error()));
              kiosk_ = false;
              kiosk_left_ = true;
              screens_.kiosk = ui::KioskView{};
            });
}

// Nothing is written here: the manager reads the moves first. The engine
// works on copies of the day, so the frame goes on meanwhile.
void App::preview_optimise() {
  if (!session_ || !may_authorize(session_->member, action::kOptimise))
    return say(ui::tr(desk_.locale, "shell.not_manager"), true);
  if (services_->jobs->running(JobKind::Optimise)) return;
  OptimiseOptions options;
  options.language = actor().language;
  auto venue = std::make_shared<const Venue>(shown_.venue());
  auto day = std::make_shared<const DayBook>(shown_.day());
  const ui::Language locale = desk_.locale;
  services_->jobs->start(JobKind::Optimise, [this, venue, day, options,
                                             locale](const Jobs::Cancelled&) {
    auto plan = std::make_shared<Result<OptimiseResult>>(optimise_day(*venue, *day, {}, options));
    return Jobs::Landing([this, plan, day, locale] {
      if (!*plan) return say(ui::error_text(desk_.locale, plan->error()), true);
      screens_.reservations.optimise = ui::preview_of(**plan, *day, locale);
    });
  });
}

// The busy state of the oldest job (the manager PIN popup shows its own). A
// write usually lands within a frame or two: its button alone shows it
// (disabled) until it has run longer than this, then the busy state does.
constexpr int64_t kWriteShownAfterMs = 300;

void App::draw_busy_state() {
  const auto job = services_->jobs->current(Lane::Checks);
  ui::BusyView v;
  if (job && job->kind != JobKind::ManagerPin) {
    v.open = true;
    v.what = busy_key(job->kind);
    v.seconds = static_cast<int>((Jobs::steady_ms() - job->started_ms) / 1000);
  } else if (const auto w = services_->writer->current();
             !job && w && w->kind == JobKind::Write &&
             Jobs::steady_ms() - w->started_ms >= kWriteShownAfterMs) {
    v.open = true;
    v.cancellable = false;
    v.what = busy_key(w->kind);
    v.seconds = static_cast<int>((Jobs::steady_ms() - w->started_ms) / 1000);
  }
  ui::BusyIntents in;
  ui::draw_busy(v, desk_, in);
  if (!in.cancel || !job) return;
  services_->jobs->cancel(job->id);  // its late result is dropped
  screens_.login.pin.clear();
  screens_.kiosk.pin.clear();
  say(ui::tr(desk_.locale, "busy.cancelled"), false);
}

}  // namespace foh::app
