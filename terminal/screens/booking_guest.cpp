// The booking form's guest: as the host types a name or a phone, the known
// customers it finds (engine search: accents, case, spacing and phone format
// ignored; the shell runs the search off the frame's drawing); a tap links
// one and shows its card; tags (VIP, Habitué, Allergie, or free text) and the
// customer's notes are edited here and saved with the booking.
#include <imgui.h>

#include <algorithm>

#include "foh/engine/customer.hpp"
#include "foh/engine/search.hpp"
#include "screens/reservations.hpp"
#include "view/day_index.hpp"
#include "widgets/customer_card.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Language l, const char* key, const char* id) {
  return std::string(tr(l, key)) + "###" + id;
}

size_t digit_count(const std::string& s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool has_tag_kind(const std::vector<std::string>& tags, GuestTag k) {
  return std::any_of(tags.begin(), tags.end(),
                     [&](const std::string& t) { return tag_kind(t) == k; });
}

// The three preset tags as toggles, a free tag and the customer's notes.
void draw_tags(BookingForm& f, Language l) {
  ImGui::TextUnformatted(tr(l, "form.guest_tags"));
  bool first = true;
  for (GuestTag k : {GuestTag::Vip, GuestTag::Regular, GuestTag::Allergy}) {
    const char* key = k == GuestTag::Vip       ? "card.vip"
                      : k == GuestTag::Regular ? "card.regular"
                                               : "card.allergy";
    const std::string label = L(l, key, key);
    if (!first) flow(touch_button_width(label.c_str()));
    first = false;
    const bool on = has_tag_kind(f.guest_tags, k);
    if (toggle_button(label.c_str(), on)) {
      if (on)
        std::erase_if(f.guest_tags, [&](const std::string& t) { return tag_kind(t) == k; });
      else
        f.guest_tags = with_tag(f.guest_tags, tag_word(k));
    }
  }
  tag_chips("guest_tags", f.guest_tags, l);
  text_field(L(l, "form.add_tag", "form_new_tag").c_str(), f.new_tag, FieldError::None, l, 14);
  const std::string add = L(l, "form.tag_add", "form_tag_add");
  flow(touch_button_width(add.c_str()));
  if (touch_button(add.c_str(), 0.0f, !name_key(f.new_tag).empty())) {
    f.guest_tags = with_tag(f.guest_tags, f.new_tag);
    f.new_tag.clear();
  }
  text_field(L(l, "form.guest_notes", "form_guest_notes").c_str(), f.guest_notes,
             validate_notes(f.guest_notes), l, 24, true);
}

// The customers the typing found, one tap to link.
void draw_matches(BookingForm& f, Language l) {
  if (f.matches.empty()) return;
  ImGui::TextUnformatted(tr(l, "form.guest_found"));
  for (const Customer& c : f.matches) {
    ImGui::PushID(c.id.c_str());
    std::string label = c.name.empty() ? std::string("\u2014") : c.name;
    if (!c.phone.empty()) label += "  " + c.phone;
    for (const std::string& t : c.tags)
      if (tag_kind(t) != GuestTag::Other) label += "  " + tag_label(l, t);
    if (touch_button((label + "###guest_match").c_str(), -1.0f)) {
      link_guest(f, c, true);
      ImGui::PopID();
      return;
    }
    ImGui::PopID();
  }
}

}  // namespace

std::string guest_query(const BookingForm& f) {
  if (digit_count(f.phone) >= 3) return f.phone;
  if (name_key(f.name).size() >= 2) return f.name;
  return {};
}

void link_guest(BookingForm& f, const Customer& c, bool picked) {
  f.guest = c;
  f.guest_tags = c.tags;
  f.guest_notes = c.notes;
  if ((picked || f.name.empty()) && !c.name.empty()) f.name = c.name;
  if ((picked || f.phone.empty()) && !c.phone.empty()) f.phone = c.phone;
  f.matches.clear();
}

std::optional<Customer> guest_card(const BookingForm& f) {
  Customer c;
  if (f.guest) {
    c = *f.guest;
    if (c.name.empty()) c.name = f.name;
    if (c.phone.empty()) c.phone = f.phone;
  } else if (digit_count(f.phone) > 0 || !f.guest_tags.empty() || !f.guest_notes.empty()) {
    c.name = f.name;
    c.phone = f.phone;
  } else {
    return std::nullopt;
  }
  c.tags = f.guest_tags;
  c.notes = f.guest_notes;
  return c;
}

void draw_booking_guest(BookingForm& f, const Desk& d, ReservationsIntents& out) {
  const Language l = d.locale;
  ImGui::PushID("booking_guest");
  // An edited booking's customer, from the day (its card came with it).
  if (f.editing && !f.guest_loaded) {
    f.guest_loaded = true;
    if (f.editing->customer_id && d.index)
      if (const Customer* c = d.index->customer(*f.editing->customer_id)) link_guest(f, *c);
  }
  if (f.guest) {
    ImGui::TextUnformatted(tr(l, "form.guest_linked"));
    Customer shown = *f.guest;
    shown.tags = f.guest_tags;
    shown.notes = f.guest_notes;
    customer_card("form_guest", shown, l);
    if (touch_button(L(l, "form.unlink", "form_unlink").c_str())) {
      f.guest.reset();
      f.guest_unlinked = true;
      f.guest_tags.clear();
      f.guest_notes.clear();
      f.guest_query.clear();  // search again for what is typed
    }
  } else {
    const std::string q = guest_query(f);
    if (q != f.guest_query) {
      f.guest_query = q;
      out.find_guests = q;
    }
    draw_matches(f, l);
    if (f.guest) {  // just linked
      ImGui::PopID();
      return;
    }
    if (digit_count(f.phone) > 0) ImGui::TextWrapped("%s", tr(l, "form.guest_new"));
  }
  if (f.guest || digit_count(f.phone) > 0) draw_tags(f, l);
  ImGui::PopID();
}

}  // namespace foh::ui
