// Server sections on the floor: the covers strip, a Manager's sections mode
// (pick a server, tap tables), and each table's server ring and initials.
#include "screens/floor_sections.hpp"

#include <imgui.h>

#include <algorithm>

#include "foh/engine/floor.hpp"
#include "foh/engine/permissions.hpp"
#include "widgets/palette.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

std::string L(Language l, const char* key, const std::string& id) {
  return std::string(tr(l, key)) + "###" + id;
}

const SectionServer* server_at(const SectionsNow& s, const Uuid& table_id) {
  auto it = s.server_of_table.find(table_id);
  return it == s.server_of_table.end() ? nullptr : &s.servers[static_cast<size_t>(it->second)];
}

bool is_me(const Desk& d, const SectionServer& s) { return d.member && d.member->id == s.id; }

// Dark text on a light ring colour, white on a dark one.
ImU32 text_on(Rgb c) {
  const float lum = 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
  return lum > 140.0f ? IM_COL32(20, 20, 20, 255) : IM_COL32(255, 255, 255, 255);
}

// A disc of the server's colour with their initials, centred at `c`.
void badge(ImDrawList* dl, ImVec2 c, float radius, const SectionServer& s) {
  const Rgb colour = section_colour(s.colour);
  dl->AddCircleFilled(c, radius, packed(colour));
  const float size = radius * 1.1f;
  ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, s.initials.c_str());
  dl->AddText(ImGui::GetFont(), size, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), text_on(colour),
              s.initials.c_str());
}

// The badge as a layout item (the strip and the picker).
void badge_item(const SectionServer& s) {
  const float side = ImGui::GetFrameHeight();
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  badge(ImGui::GetWindowDrawList(), ImVec2(p.x + side / 2, p.y + side / 2), side / 2, s);
}

std::string covers_text(const Desk& d, const SectionServer& s) {
  std::string t =
      std::to_string(s.covers.seated_now) + " / " + std::to_string(s.covers.this_service);
  if (is_me(d, s)) t += std::string("  ") + tr(d.locale, "sections.yours");
  return t;
}

// Who holds tables now: initials, seated now / this service; a Manager's button.
void draw_strip(FloorSectionsView& v, const Desk& d, const SectionsNow& s) {
  const Language l = d.locale;
  const bool any = std::any_of(s.servers.begin(), s.servers.end(),
                               [](const SectionServer& x) { return x.covers.tables > 0; });
  bool first = true;
  if (any) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(l, "sections.covers"));
    first = false;
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  for (const SectionServer& srv : s.servers) {
    if (srv.covers.tables == 0) continue;
    ImGui::PushID(srv.id.c_str());
    const std::string text = covers_text(d, srv);
    const float w = ImGui::GetFrameHeight() + gap + ImGui::CalcTextSize(text.c_str()).x;
    if (!first) flow(w, 1.0f);
    first = false;
    ImGui::BeginGroup();
    badge_item(srv);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text.c_str());
    ImGui::EndGroup();
    record_item(("covers_" + srv.name).c_str());
    ImGui::PopID();
  }
  if (!may_give_sections(d)) return;
  const std::string label = L(l, "sections.edit", "sections_edit");
  if (!first) flow(touch_button_width(label.c_str()), 1.0f);
  if (touch_button(label.c_str())) {
    v.editing = true;
    if (!v.server && !s.servers.empty()) v.server = s.servers.front().id;
  }
}

// Sections mode: the servers to give tables to, "take back", Done, what to tap.
void draw_picker(FloorSectionsView& v, const Desk& d, const SectionsNow& s) {
  const Language l = d.locale;
  bool first = true;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  for (const SectionServer& srv : s.servers) {
    ImGui::PushID(srv.id.c_str());
    const std::string label = srv.name + "###sections_server_" + srv.name;
    const float w = ImGui::GetFrameHeight() + gap + touch_button_width(label.c_str());
    if (!first) flow(w, 1.0f);
    first = false;
    ImGui::BeginGroup();
    badge_item(srv);
    ImGui::SameLine();
    if (toggle_button(label.c_str(), v.server && *v.server == srv.id)) v.server = srv.id;
    ImGui::EndGroup();
    ImGui::PopID();
  }
  const std::string take = L(l, "sections.take_back", "sections_take_back");
  if (!first) flow(touch_button_width(take.c_str()), 1.0f);
  if (toggle_button(take.c_str(), !v.server)) v.server.reset();
  const std::string done = L(l, "sections.done", "sections_done");
  flow(touch_button_width(done.c_str()));
  if (touch_button(done.c_str())) v.editing = false;
  // What to tap, when the floor keeps room for its tables below it (a short
  // screen keeps the picked server's button as the only cue).
  if (ImGui::GetContentRegionAvail().y < em(24)) return;
  std::string hint = tr(l, "sections.tap_take");
  if (s.servers.empty()) hint = tr(l, "sections.no_servers");
  for (const SectionServer& srv : s.servers)
    if (v.server && *v.server == srv.id) hint = tr_args(l, "sections.tap_give", {srv.name});
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(hint.c_str());
  ImGui::PopTextWrapPos();
  record_item("sections_hint");
}

}  // namespace

std::optional<Uuid> sections_service(const Desk& d) {
  if (!d.venue || d.venue->services.empty()) return std::nullopt;
  const Date date = d.day ? d.day->date : d.today;
  const int now = std::clamp(d.now.time().minutes(), 0, 24 * 60 - 1);
  if (auto s = service_id_at(*d.venue, date, TimeOfDay::from_minutes(now))) return s;
  for (int m = now + 1; m < 24 * 60; ++m)  // the next service of the day
    if (auto s = service_id_at(*d.venue, date, TimeOfDay::from_minutes(m))) return s;
  for (int m = now - 1; m >= 0; --m)  // else the day's last
    if (auto s = service_id_at(*d.venue, date, TimeOfDay::from_minutes(m))) return s;
  return std::nullopt;
}

bool may_give_sections(const Desk& d) {
  return d.member && may_authorize(*d.member, action::kSections);
}

const SectionsNow& sections_now(FloorSectionsView& v, const Desk& d) {
  SectionsNow& s = v.now;
  const int64_t minute = d.now.seconds / 60;
  if (s.revision == d.revision && s.minute == minute && s.day == d.day && s.minute >= 0) return s;
  s = SectionsNow{d.revision, minute, d.day, sections_service(d), {}, {}};
  if (!d.venue || !d.day) return s;
  const Sections sections = sections_of(d.day->server_sections, d.day->date, s.service_id);
  auto holds = [&](const Uuid& id) {
    return std::any_of(sections.server_of_table.begin(), sections.server_of_table.end(),
                       [&](const auto& e) { return e.second == id; });
  };
  // Active servers, then anyone else holding tables (a Manager who serves).
  for (const TeamMember& m : d.venue->team_members)
    if ((m.is_active && m.role == Role::Server) || holds(m.id))
      s.servers.push_back({m.id,
                           m.display_name,
                           initials(m.display_name),
                           static_cast<int>(s.servers.size()),
                           {m.id}});
  for (const ServerCovers& c : covers_by_server(*d.venue, *d.day, sections, s.service_id, d.now))
    for (SectionServer& srv : s.servers)
      if (srv.id == c.team_member_id) srv.covers = c;
  for (const auto& [table, server] : sections.server_of_table)
    for (size_t i = 0; i < s.servers.size(); ++i)
      if (s.servers[i].id == server) s.server_of_table[table] = static_cast<int>(i);
  return s;
}

void draw_sections_bar(FloorSectionsView& v, const Desk& d, FloorSectionsIntents& /*out*/) {
  if (!d.venue || !d.day) return;
  if (v.editing && !may_give_sections(d)) v.editing = false;  // logged out, or a Server now
  const SectionsNow& s = sections_now(v, d);
  ImGui::PushID("sections");
  if (v.editing)
    draw_picker(v, d, s);
  else
    draw_strip(v, d, s);
  ImGui::PopID();
}

bool sections_tap(FloorSectionsView& v, const Desk& d, const Uuid& table_id,
                  FloorSectionsIntents& out) {
  if (!v.editing || !may_give_sections(d)) return false;
  const SectionsNow& s = sections_now(v, d);
  const SectionServer* holder = server_at(s, table_id);
  SectionSet set{table_id, s.service_id, std::nullopt};
  if (v.server && !(holder && holder->id == *v.server))
    set.team_member_id = v.server;  // given (or moved from another server)
  else if (!holder)
    return true;  // taking back a table nobody holds: nothing to write
  out.set = set;
  return true;
}

void draw_section_mark(ImDrawList* dl, FloorSectionsView& v, const Desk& d, const Table& t,
                       float x0, float y0, float x1, float y1) {
  const SectionsNow& s = sections_now(v, d);
  const SectionServer* srv = server_at(s, t.id);
  if (!srv) return;
  const ImU32 col = packed(section_colour(srv->colour));
  const bool mine = is_me(d, *srv);
  const float pad = em(0.25f), width = mine ? em(0.45f) : em(0.18f);
  const ImVec2 c((x0 + x1) / 2, (y0 + y1) / 2);
  if (t.shape == TableShape::Round) {
    const float r = std::max(x1 - x0, y1 - y0) / 2 + pad;
    dl->AddCircle(c, r, col, 0, width);
    if (mine) dl->AddCircle(c, r + width, IM_COL32(255, 255, 255, 220), 0, em(0.1f));
  } else {
    dl->AddRect(ImVec2(x0 - pad, y0 - pad), ImVec2(x1 + pad, y1 + pad), col, em(0.3f), 0, width);
    if (mine)
      dl->AddRect(ImVec2(x0 - pad - width, y0 - pad - width),
                  ImVec2(x1 + pad + width, y1 + pad + width), IM_COL32(255, 255, 255, 220),
                  em(0.3f), 0, em(0.1f));
  }
  const float r = em(0.7f);
  badge(dl, ImVec2(x0 + r * 0.4f, y1 - r * 0.4f), r, *srv);
}

}  // namespace foh::ui
