// The app state as JSON, for UI tests (a script's {"dump": path}). It reads
// the same snapshot the screens draw, so a test checks what a host would see.
#include "app/app.hpp"
#include "foh/net/outbox.hpp"

namespace foh::app {

namespace {
const char* kiosk_step(ui::KioskStep s) {
  switch (s) {
    case ui::KioskStep::Party:
      return "party";
    case ui::KioskStep::Details:
      return "details";
    case ui::KioskStep::Joined:
      return "joined";
    case ui::KioskStep::Leave:
      return "leave";
  }
  return "";
}

const char* field_error(ui::FieldError e) {
  switch (e) {
    case ui::FieldError::None:
      return nullptr;
    case ui::FieldError::NameEmpty:
      return "name_empty";
    case ui::FieldError::NameTooLong:
      return "name_too_long";
    case ui::FieldError::NameBadChars:
      return "name_bad_chars";
    case ui::FieldError::PartyOutOfRange:
      return "party_out_of_range";
    case ui::FieldError::PhoneBadChars:
      return "phone_bad_chars";
    case ui::FieldError::PhoneTooShort:
      return "phone_too_short";
    case ui::FieldError::TimeMalformed:
      return "time_malformed";
    case ui::FieldError::DurationOutOfRange:
      return "duration_out_of_range";
    case ui::FieldError::NotesTooLong:
      return "notes_too_long";
    case ui::FieldError::PinFormat:
      return "pin_format";
  }
  return "unknown";
}

Json form_errors(const ui::BookingForm& f) {
  const ui::FormErrors e = ui::validate_form(f);
  Json out = Json::object();
  const std::pair<const char*, ui::FieldError> fields[] = {
      {"party", e.party}, {"time", e.time},   {"duration", e.duration},
      {"name", e.name},   {"phone", e.phone}, {"notes", e.notes}};
  for (const auto& [name, err] : fields)
    if (const char* code = field_error(err)) out[name] = code;
  return out;
}

const char* connection(net::Connectivity c) {
  switch (c) {
    case net::Connectivity::Standalone:
      return "standalone";
    case net::Connectivity::Online:
      return "online";
    case net::Connectivity::Offline:
      return "offline";
    case net::Connectivity::Syncing:
      return "syncing";
    case net::Connectivity::LoginRequired:
      return "login_required";
  }
  return "";
}

Json reservation_row(const Reservation& r) {
  return {{"id", r.id},
          {"guest_name", r.guest_name},
          {"party_size", r.party_size},
          {"time", r.time.hhmm()},
          {"status", to_string(r.status)},
          {"table_number", r.table_number},
          {"source", r.source},
          {"customer_id", r.customer_id ? Json(*r.customer_id) : Json()}};
}
}  // namespace

Json App::dump() const {
  Json j;
  j["screen"] = kiosk_ ? "kiosk" : !session_ ? "login" : tab_name(screens_.tab);
  j["now"] = clock_.now().str();
  j["date"] = shown_.day().date.str();  // the day shown
  j["today"] = desk_.today.str();
  j["locale"] = ui::locale_code(desk_.locale);
  j["frames"] = frames_;
  j["busy"] = busy();  // a job (PIN check, re-plan, write, reload) has not landed
  j["pending_writes"] = desk_.pending_writes;  // their buttons are disabled
  j["seat_command"] = screens_.seat.command_id;
  j["seat_pick"] = screens_.seat.no_pick ? Json() : Json(screens_.seat.guest_name);
  j["member"] = session_ ? Json{{"id", session_->member.id},
                                {"name", session_->member.display_name},
                                {"role", to_string(session_->member.role)},
                                {"online", session_->online}}
                         : Json(nullptr);
  Json tabs = Json::array();
  for (Tab t : kTabs)
    if (session_.may(t)) tabs.push_back(tab_name(t));
  j["tabs"] = tabs;
  j["login"] = {{"message", screens_.login.message},
                {"member_id", screens_.login.member_id ? Json(*screens_.login.member_id) : Json()},
                {"pin_length", screens_.login.pin.size()}};
  j["lockout"] = {{"failed_attempts", desk_.lockout.failed_attempts},
                  {"remaining_seconds", desk_.lockout.remaining_seconds}};
  j["selected_table"] = Json();
  if (screens_.floor.selected_table && shown_.floor())
    if (const Table* t = shown_.floor()->table(*screens_.floor.selected_table))
      j["selected_table"] = t->name;
  // The floor's camera on its current plan (a pinch changes zoom) and a long-press's actions menu.
  Json floor = {{"zoom", 1.0}, {"actions_table", Json()}};
  for (const auto& [plan, cam] : screens_.floor.cameras)
    if (plan == screens_.floor.floor_plan_id)
      floor["zoom"] = cam.zoom, floor["pan"] = {cam.pan_x, cam.pan_y};
  if (screens_.floor.actions_table && shown_.floor())
    if (const Table* t = shown_.floor()->table(*screens_.floor.actions_table))
      floor["actions_table"] = t->name;
  j["floor"] = floor;

  Json by_status = Json::object(), rows = Json::array();
  for (const auto& r : shown_.day().reservations) {
    by_status[to_string(r.status)] = by_status.value(to_string(r.status), 0) + 1;
    rows.push_back(reservation_row(r));
  }
  j["reservations"] = {
      {"count", shown_.day().reservations.size()}, {"by_status", by_status}, {"rows", rows}};

  Json wl = Json::array();
  for (const auto& w : shown_.day().waitlist) {
    Json row = {{"id", w.id},
                {"guest_name", w.guest_name},
                {"party_size", w.party_size},
                {"status", to_string(w.status)},
                {"unconfirmed", ui::is_unconfirmed(w)}};
    for (const auto& q : desk_.quotes)
      if (q.entry_id == w.id) {
        row["position"] = q.position;
        row["quoted_minutes"] = q.quoted_minutes;
      }
    wl.push_back(row);
  }
  j["waitlist"] = wl;

  Json tables = Json::array();
  for (const auto& t : shown_.venue().tables)
    tables.push_back({{"id", t.id},
                      {"name", t.name},
                      {"floor_plan_id", t.floor_plan_id},
                      {"x", t.position_x},
                      {"y", t.position_y},
                      {"rotation", t.rotation}});
  j["tables"] = tables;
  // The shown day's joined tables (engine day_join.hpp), as the engine sees them: "2+3".
  Json joins = Json::array();
  if (shown_.floor())
    for (const Combination& c : shown_.floor()->combinations())
      if (c.daily) joins.push_back(c.key);
  j["day_joins"] = joins;
  Json plans = Json::array();
  for (const auto& fp : shown_.venue().floor_plans)
    plans.push_back({{"id", fp.id}, {"name", fp.name}});
  j["floor_plans"] = plans;

  Json kiosk = {{"step", kiosk_step(screens_.kiosk.step)}, {"message", screens_.kiosk.message}};
  if (screens_.kiosk.joined_entry) {
    kiosk["joined_entry"] = *screens_.kiosk.joined_entry;
    for (const auto& q : desk_.quotes)
      if (q.entry_id == *screens_.kiosk.joined_entry) {
        kiosk["position"] = q.position;
        kiosk["quoted_minutes"] = q.quoted_minutes;
      }
  }
  j["kiosk"] = kiosk;
  j["form"] = {
      {"name", screens_.reservations.form.name},
      {"party", screens_.reservations.form.party},
      {"phone", screens_.reservations.form.phone},
      {"guest",
       screens_.reservations.form.guest ? Json(screens_.reservations.form.guest->id) : Json()},
      {"matches",
       [this] {
         Json names = Json::array();
         for (const Customer& c : screens_.reservations.form.matches) names.push_back(c.name);
         return names;
       }()},
      {"submitted", screens_.reservations.form.submitted},
      {"errors", form_errors(screens_.reservations.form)}};
  j["reservations_mode"] = screens_.reservations.mode == ui::ReservationsMode::List ? "list"
                           : screens_.reservations.mode == ui::ReservationsMode::Timeline
                               ? "timeline"
                               : "form";
  if (const auto& opt = screens_.reservations.optimise)  // the re-plan a manager is reading
    j["optimise"] = {{"lines", opt->lines},
                     {"moves", opt->moves.size()},
                     {"covers_before", opt->covers_before},
                     {"covers_after", opt->covers_after},
                     {"refusal", opt->refusal}};
  else
    j["optimise"] = nullptr;
  j["editor"] = {
      {"loaded", screens_.editor.loaded},
      {"dirty", screens_.editor.loaded && !(screens_.editor.draft == screens_.editor.saved)},
      {"issues", ui::editor_issues(screens_.editor.draft).size()}};
  j["seat"] = {{"source", static_cast<int>(screens_.seat.source)},
               {"party_size", screens_.seat.party_size},
               {"suggestion",
                screens_.seat.suggestion ? Json(screens_.seat.suggestion->table_number) : Json()}};
  j["pending_manager_pin"] = pending_.has_value();
  j["outbox"] = net::Outbox(*services_->cache).count();
  j["sync"] = {{"connection", connection(desk_.sync.connection)},
               {"outbox", desk_.sync.outbox},
               {"conflicts", desk_.sync.conflicts},
               {"last_error", desk_.sync.last_error},
               {"wakes", sync_wakes_}};  // writes that asked for a push
  Json aside = Json::array();            // rows set aside (net's quarantine), as managers see them
  for (const auto& r : desk_.set_aside)
    aside.push_back({{"table", r.table}, {"id", r.row_id}, {"reason", r.reason}});
  j["set_aside"] = {
      {"rows", aside}, {"shown", ui::sees_set_aside(desk_)}, {"open", screens_.set_aside.open}};
  Json msgs = Json::array();
  for (const auto& [m, err] : messages_) msgs.push_back({{"text", m}, {"error", err}});
  j["messages"] = msgs;
  j["message"] = desk_.message;
  j["message_is_error"] = desk_.message_is_error;
  return j;
}

}  // namespace foh::app
