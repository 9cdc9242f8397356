// The new-booking form: party, time, duration, name, phone, notes, tags, with
// the engine's suggested table. Each field shows its message inline; nothing
// is recorded until every field is valid.
#include <imgui.h>

#include <string>

#include "foh/engine/assign.hpp"
#include "foh/engine/rules.hpp"
#include "screens/reservations.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Locale l, const char* key, const char* id) {
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

// The engine's table for the form's party and time (a booking: hours and pacing apply).
void refresh_suggestion(BookingForm& f, const Desk& d) {
  FormErrors e = validate_form(f);
  std::string key = f.party + "|" + f.time + "|" + f.duration + "|" + std::to_string(d.revision) +
                    "|" + locale_code(d.locale);  // the reason is worded in the host's language
  if (key == f.suggestion_key) return;
  f.suggestion_key = key;
  f.suggested = {};
  f.suggestion.clear();
  if (e.party != FieldError::None || e.time != FieldError::None || e.duration != FieldError::None)
    return;
  SeatRequest req;
  req.id = "new";
  req.party_size = std::stoi(f.party);
  req.date = d.day->date;
  req.time = *TimeOfDay::parse(f.time);
  if (!f.duration.empty()) req.duration = std::stoi(f.duration);
  AssignOptions o;
  o.language = engine_language(d.locale);
  Result<Decision> dec = suggest_table(*d.venue, *d.day, req, o);
  if (!dec) {
    f.suggestion = dec.error().text();
    return;
  }
  f.suggestion = dec->reason;
  if (dec->accepted) f.suggested = TableChoice{dec->table_ids, dec->table_number, dec->reason};
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
  return e;
}

Reservation reservation_from_form(const BookingForm& f, const Desk& d) {
  Reservation r;
  r.restaurant_id = d.venue->restaurant.id;
  r.date = d.day->date;
  r.time = *TimeOfDay::parse(f.time);
  r.party_size = std::stoi(f.party);
  if (!f.duration.empty()) r.duration = std::stoi(f.duration);
  r.guest_name = f.name;
  r.guest_phone = f.phone;
  r.notes = f.notes;
  r.tags = split_tags(f.tags);
  r.status = ReservationStatus::Confirmed;
  r.source = "Téléphone";
  if (d.member) r.created_by = d.member->id;
  if (auto svc = service_at(r.date, r.time, d.venue->services); svc && *svc)
    r.service_id = (*svc)->id;
  if (!f.suggested.table_ids.empty()) {
    r.table_id = f.suggested.table_ids.front();
    r.table_number = f.suggested.table_number;
  }
  return r;
}

void draw_booking_form(ReservationsView& v, const Desk& d, ReservationsIntents& out) {
  if (!d.venue || !d.day) return;
  Locale l = d.locale;
  BookingForm& f = v.form;
  FormErrors e = validate_form(f);
  // Messages appear as soon as a field is wrong once typed in, and for every field after OK.
  auto shown = [&](FieldError err, const std::string& text) {
    return (f.submitted || !text.empty()) ? err : FieldError::None;
  };
  ImGui::PushID("booking_form");
  text_field(L(l, "field.party", "form_party").c_str(), f.party, shown(e.party, f.party), l, 4,
             false, InputKind::Number);
  text_field(L(l, "field.time", "form_time").c_str(), f.time, shown(e.time, f.time), l, 5, false,
             InputKind::Number);
  text_field(L(l, "field.duration", "form_duration").c_str(), f.duration,
             shown(e.duration, f.duration), l, 5, false, InputKind::Number);
  text_field(L(l, "field.name", "form_name").c_str(), f.name, shown(e.name, f.name), l, 20);
  text_field(L(l, "field.phone", "form_phone").c_str(), f.phone, shown(e.phone, f.phone), l, 14,
             false, InputKind::Phone);
  text_field(L(l, "field.notes", "form_notes").c_str(), f.notes, shown(e.notes, f.notes), l, 24,
             true);
  text_field(L(l, "field.tags", "form_tags").c_str(), f.tags, FieldError::None, l, 20);
  refresh_suggestion(f, d);
  if (!f.suggestion.empty()) {
    ImGui::TextUnformatted(tr(l, "form.suggested"));
    ImGui::SameLine();
    if (f.suggested.table_ids.empty())
      inline_error(f.suggestion.c_str());
    else
      ImGui::TextWrapped("%s", f.suggestion.c_str());
  }
  if (touch_button(L(l, "form.create", "form_create").c_str(), 14.0f)) {
    f.submitted = true;
    if (e.ok()) {
      out.create = reservation_from_form(f, d);
      v.form = BookingForm{};
      v.mode = ReservationsMode::List;
    }
  }
  ImGui::PopID();
}

}  // namespace foh::ui
