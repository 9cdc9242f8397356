// The customer's card (customer_card.hpp).
#include "widgets/customer_card.hpp"

#include <imgui.h>

#include <algorithm>

#include "foh/engine/customer.hpp"
#include "foh/engine/search.hpp"
#include "widgets/palette.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

// Allergy first, then VIP, then regular, then the rest as typed.
int rank(GuestTag k) {
  switch (k) {
    case GuestTag::Allergy:
      return 0;
    case GuestTag::Vip:
      return 1;
    case GuestTag::Regular:
      return 2;
    case GuestTag::Other:
      break;
  }
  return 3;
}

// One chip: a filled rounded box with the icon (when the font has it) and
// the word; plain tags on the frame colour.
void chip(const std::string& text, GuestTag kind) {
  char icon[8] = "";
  uint32_t fill = ImGui::GetColorU32(ImGuiCol_FrameBg), ink = ImGui::GetColorU32(ImGuiCol_Text);
  if (kind == GuestTag::Allergy || kind == GuestTag::Vip) {
    const MarkStyle& m = mark_style(kind == GuestTag::Allergy ? Mark::Allergy : Mark::Vip);
    fill = packed(m.disc);
    ink = packed(m.icon_colour);
    if (has_icon(m.icon)) utf8(m.icon, icon);
  }
  const std::string label = icon[0] ? std::string(icon) + " " + text : text;
  const ImVec2 pad(em(0.5f), em(0.25f));
  const ImVec2 size = ImGui::CalcTextSize(label.c_str());
  const ImVec2 box(size.x + pad.x * 2, size.y + pad.y * 2);
  flow(box.x);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, ImVec2(at.x + box.x, at.y + box.y), fill, em(0.4f));
  dl->AddText(ImVec2(at.x + pad.x, at.y + pad.y), ink, label.c_str());
  ImGui::Dummy(box);
  // Read by the language test and scripts like any text on screen.
  ImGui::LogText("%s ", text.c_str());
}

}  // namespace

std::string tag_label(Language l, const std::string& tag) {
  const GuestTag k = tag_kind(tag);
  // The preset word alone is worded in the host's language; more is the host's text.
  const bool plain = name_key(tag) == name_key(tag_word(k)) || name_key(tag) == "allergy" ||
                     name_key(tag) == "regular";
  // The host's own words, set in the host's language's typography ("Allergie : noix").
  if (!plain || k == GuestTag::Other) return l == Language::Fr ? french_typography(tag) : tag;
  if (k == GuestTag::Allergy) return tr(l, "card.allergy");
  if (k == GuestTag::Vip) return tr(l, "card.vip");
  return tr(l, "card.regular");
}

std::string visits_line(Language l, const Customer& c) {
  const char* dot = " \u00b7 ";
  std::string line = c.visit_count == 0
                         ? std::string(tr(l, "card.first_visit"))
                         : tr_args(l, "card.visits", {std::to_string(c.visit_count)});
  if (c.last_visit && c.last_visit->size() >= 10)
    if (auto d = Date::parse(c.last_visit->substr(0, 10)))
      line += dot + tr_args(l, "card.last_visit", {format_date(l, *d)});
  line += dot + tr_args(l, "card.no_shows", {std::to_string(c.no_show_count)});
  line += dot + tr_args(l, "card.cancellations", {std::to_string(c.cancellation_count)});
  return line;
}

void tag_chips(const char* id, const std::vector<std::string>& tags, Language l) {
  std::vector<const std::string*> order;
  for (const std::string& t : tags) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(), [](const std::string* a, const std::string* b) {
    return rank(tag_kind(*a)) < rank(tag_kind(*b));
  });
  ImGui::PushID(id);
  bool first = true;
  for (const std::string* t : order) {
    if (first) ImGui::Dummy(ImVec2(0, 0));  // a line of its own; flow() wraps the rest
    first = false;
    chip(tag_label(l, *t), tag_kind(*t));
  }
  ImGui::PopID();
}

void customer_card(const char* id, const Customer& c, Language l) {
  ImGui::PushID(id);
  ImGui::BeginGroup();
  std::string who = c.name.empty() ? std::string("\u2014") : c.name;
  if (!c.phone.empty()) who += "  " + c.phone;
  ImGui::TextWrapped("%s", who.c_str());
  tag_chips("tags", c.tags, l);
  if (!c.notes.empty()) ImGui::TextWrapped("%s", tr_args(l, "card.notes", {c.notes}).c_str());
  ImGui::TextWrapped("%s", visits_line(l, c).c_str());
  ImGui::EndGroup();
  record_item((std::string("card:") + id).c_str());
  ImGui::PopID();
}

}  // namespace foh::ui
