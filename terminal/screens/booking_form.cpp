// The new-booking form: party, time, duration, name, phone, notes, tags, with
// the engine's suggested table. Each field shows its message inline; nothing
// is recorded until every field is valid.
#include <imgui.h>

#include <string>

#include "foh/engine/assign.hpp"
#include "foh/engine/rules.hpp"
#include "screens/reservations.hpp"
#include "view/booking_edit.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Language l, const char* key, const char* id) {
  return std::string(tr(l, key)) + "###" + id;
}

std::vector<std::string> split_tags(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    size_t a = cur.find_first_not_of(' '), b = cur.find_last_not_of(' ');
    if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
    cur.clear();
  };
  for (char c : s) {
    if (c == ',')
      flush();
    else
      cur += c;
  }
  flush();
  return out;
}

// The day the form books: the one chosen with its arrows, else the day shown.
Date form_date(const BookingForm& f, const Desk& d) { return f.date.value_or(d.day->date); }

// The engine's table for the form's booking (hours and pacing apply unless a
// Manager overrides them): an edit keeps its table while it still fits. On
// another day than the one shown, only the hours are known here: the table is
// proposed on save, against that day.
void refresh_suggestion(BookingForm& f, const Desk& d) {
  FormErrors e = validate_form(f);
  std::string key = f.party + "|" + f.time + "|" + f.duration + "|" + form_date(f, d).str() + "|" +
                    (f.override_refusal ? "o" : "-") + "|" + std::to_string(d.revision) + "|" +
                    locale_code(d.locale);  // the reason is worded in the host's language
  if (key == f.suggestion_key) return;
  f.suggestion_key = key;
  f.proposal = {};
  f.table_on_save = false;
  if (e.party != FieldError::None || e.time != FieldError::None || e.duration != FieldError::None)
    return;
  Reservation r = reservation_from_form(f, d);
  if (f.editing) {  // its own table, kept while it still fits
    r.table_id = f.editing->table_id;
    r.table_number = f.editing->table_number;
  }
  DayBook day;
  day.date = r.date;
  const bool shown = r.date == d.day->date;
  Decision p = propose_booking(r, *d.venue, shown ? *d.day : day, d.locale, f.override_refusal);
  if (!shown && !refused(p)) {  // a table against an empty day means nothing
    f.table_on_save = true;
    return;
  }
  f.proposal = std::move(p);
}

// The booking's day: today up to a year ahead, one day per tap.
void draw_date(BookingForm& f, const Desk& d) {
  const Date shown = form_date(f, d);
  if (touch_button("<###form_date_prev", 0.0f, shown > d.today)) f.date = shown.plus_days(-1);
  ImGui::SameLine();
  ImGui::TextUnformatted(format_date(d.locale, shown).c_str());
  ImGui::SameLine();
  if (touch_button(">###form_date_next", 0.0f, shown < d.today.plus_days(365)))
    f.date = shown.plus_days(1);
}

// The engine's table and reason, or its refusal (the override is an action, below).
void draw_suggestion(const BookingForm& f, const Desk& d) {
  Language l = d.locale;
  if (f.proposal.reason.empty() && !f.table_on_save) return;
  ImGui::TextUnformatted(tr(l, "form.suggested"));
  ImGui::SameLine();
  if (f.table_on_save)
    ImGui::TextWrapped("%s", tr(l, "form.table_on_save"));
  else if (!f.proposal.accepted)
    inline_error(f.proposal.reason.c_str());
  else
    ImGui::TextWrapped("%s", f.proposal.reason.c_str());
}

// A one-line field's width with its label, so that a row of fields can wrap.
float field_width(const std::string& label, float width_em) {
  return em(width_em) + ImGui::GetStyle().ItemInnerSpacing.x +
         ImGui::CalcTextSize(label.c_str(), nullptr, true).x;
}

void draw_submit(ReservationsView& v, const Desk& d, const FormErrors& e,
                 ReservationsIntents& out) {
  Language l = d.locale;
  BookingForm& f = v.form;
  const bool blocked = refused(f.proposal) && !f.override_refusal;
  if (refused(f.proposal) || f.override_refusal) {
    // Saving what the engine refuses is a Manager's explicit decision, recorded in the notes.
    if (toggle_button(L(l, "form.override", "form_override").c_str(), f.override_refusal))
      f.override_refusal = !f.override_refusal;
    ImGui::SameLine();
  }
  const char* label = f.editing ? "action.save" : "form.create";
  if (touch_button(L(l, label, "form_create").c_str(), 0.0f,
                   !blocked && !d.writing(kWriteBookingForm))) {
    f.submitted = true;
    if (e.ok()) {
      Reservation r = reservation_from_form(f, d);
      if (!f.editing && !f.override_refusal) {
        out.create = r;
        out.create_moves = f.proposal.moved;
        out.create_guest = guest_card(f);
        v.form = BookingForm{};
        v.mode = ReservationsMode::List;
      } else {  // the form stays until the shell says it is saved
        out.save = BookingCommand{r, guest_card(f), f.proposal.moved, f.override_refusal};
      }
    }
  }
  if (!f.editing) return;
  ImGui::SameLine();
  if (touch_button(L(l, "action.back", "form_back").c_str())) {
    v.form = BookingForm{};
    v.mode = ReservationsMode::List;
  }
}

}  // namespace

bool FormErrors::ok() const {
  for (FieldError e : {party, time, duration, name, phone, notes})
    if (e != FieldError::None) return false;
  return true;
}

FormErrors validate_form(const BookingForm& f) {
  FormErrors e{};
  e.party = validate_party_text(f.party);
  e.time = validate_time_text(f.time);
  e.duration = FieldError::None;
  if (!f.duration.empty()) {
    bool digits =
        f.duration.size() <= 4 && f.duration.find_first_not_of("0123456789") == std::string::npos;
    e.duration = digits ? validate_duration(std::stoi(f.duration)) : FieldError::DurationOutOfRange;
  }
  e.name = validate_name(f.name);
  e.phone = validate_phone(f.phone, false);
  e.notes = validate_notes(f.notes);
  if (e.notes == FieldError::None) e.notes = validate_notes(f.tags);
  if (e.notes == FieldError::None) e.notes = validate_notes(f.guest_notes);
  return e;
}

Reservation reservation_from_form(const BookingForm& f, const Desk& d) {
  Reservation r;
  if (f.editing) {
    r = *f.editing;  // status, source, table, payment columns... stay as they were
  } else {
    r.restaurant_id = d.venue->restaurant.id;
    r.status = ReservationStatus::Confirmed;
    r.source = "Téléphone";
    if (d.member) r.created_by = d.member->id;
  }
  r.date = form_date(f, d);
  if (auto t = TimeOfDay::parse(f.time)) r.time = *t;
  if (validate_party_text(f.party) == FieldError::None) r.party_size = std::stoi(f.party);
  r.duration = f.duration.empty() ? std::nullopt : std::optional<int>(std::stoi(f.duration));
  r.guest_name = f.name;
  r.guest_phone = f.phone;
  r.notes = f.notes;
  r.tags = split_tags(f.tags);
  // The linked customer; a new card's id is the shell's, set on save.
  if (f.guest)
    r.customer_id = f.guest->id;
  else if (f.guest_unlinked)
    r.customer_id.reset();
  r.service_id.reset();
  if (auto svc = service_at(r.date, r.time, d.venue->services); svc && *svc)
    r.service_id = (*svc)->id;
  if (f.suggestion_key.empty()) return r;  // no suggestion yet: the table as it was
  r.table_id.reset();
  r.table_number.clear();
  if (!f.proposal.table_ids.empty()) {
    r.table_id = f.proposal.table_ids.front();
    r.table_number = f.proposal.table_number;
  }
  return r;
}

BookingForm edit_form(const Reservation& r) {
  BookingForm f;
  f.editing = r;
  f.date = r.date;
  f.party = std::to_string(r.party_size);
  f.time = r.time.hhmm();
  f.duration = r.duration ? std::to_string(*r.duration) : std::string();
  f.name = r.guest_name;
  f.phone = r.guest_phone;
  f.notes = r.notes;
  for (const std::string& t : r.tags) f.tags += (f.tags.empty() ? "" : ", ") + t;
  return f;
}

void start_edit(ReservationsView& v, const Reservation& r) {
  v.form = edit_form(r);
  v.mode = ReservationsMode::Form;
  v.optimise.reset();
}

void draw_booking_form(ReservationsView& v, const Desk& d, ReservationsIntents& out) {
  if (!d.venue || !d.day) return;
  Language l = d.locale;
  BookingForm& f = v.form;
  FormErrors e = validate_form(f);
  // Messages appear as soon as a field is wrong once typed in, and for every field after OK.
  auto shown = [&](FieldError err, const std::string& text) {
    return (f.submitted || !text.empty()) ? err : FieldError::None;
  };
  ImGui::PushID("booking_form");
  // The fields scroll; Create (or Save) sits in the action area below them,
  // always in view, the on-screen keyboard docked or not.
  refresh_suggestion(f, d);
  begin_scroll_area("form_fields");
  draw_date(f, d);
  // Party, time and duration on one row where it fits (wrapping on a narrow
  // screen): with the keyboard docked, name and phone stay in view above it.
  const std::string party = L(l, "field.party", "form_party"),
                    time = L(l, "field.time", "form_time"),
                    duration = L(l, "field.duration", "form_duration");
  text_field(party.c_str(), f.party, shown(e.party, f.party), l, 4, false, InputKind::Number);
  flow(field_width(time, 5));
  text_field(time.c_str(), f.time, shown(e.time, f.time), l, 5, false, InputKind::Number);
  flow(field_width(duration, 5));
  text_field(duration.c_str(), f.duration, shown(e.duration, f.duration), l, 5, false,
             InputKind::Number);
  text_field(L(l, "field.name", "form_name").c_str(), f.name, shown(e.name, f.name), l, 20);
  text_field(L(l, "field.phone", "form_phone").c_str(), f.phone, shown(e.phone, f.phone), l, 14,
             false, InputKind::Phone);
  draw_booking_guest(f, d, out);
  text_field(L(l, "field.notes", "form_notes").c_str(), f.notes, shown(e.notes, f.notes), l, 24,
             true);
  text_field(L(l, "field.tags", "form_tags").c_str(), f.tags, FieldError::None, l, 20);
  refresh_suggestion(f, d);
  draw_suggestion(f, d);
  end_scroll_area();
  draw_submit(v, d, validate_form(f), out);  // the fields as they are after this frame's typing
  ImGui::PopID();
}

}  // namespace foh::ui
