// The shift at a glance: the service's figures as cards, the late parties,
// the pacing chart, turn times by party size and the end-of-service report,
// with Export CSV always in view under them.
#include "screens/shift.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "widgets/pacing_chart.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

constexpr float kBig = 1.8f;      // a card's figure, in fonts
constexpr float kCardEm = 11.0f;  // a card's narrowest width
constexpr size_t kLateShown = 8;  // late parties listed; the rest are counted

const ImVec4 kAlert(0.95f, 0.42f, 0.35f, 1.0f);

// The one-or-many word of a count, as count_text chooses it (French: 0 and 1 are one).
const char* word(Language l, int n, const char* one, const char* many) {
  const bool single = l == Language::Fr ? n <= 1 : n == 1;
  return tr(l, single ? one : many);
}

std::string with_text(const char* format, const std::string& text) {
  std::string out = format;
  if (auto at = out.find("%s"); at != std::string::npos) out.replace(at, 2, text);
  return out;
}

// The day's load units (engine pacing.hpp) against its limit: "Charge du jour : 22 unités sur 40".
std::string load_line(Language l, const Shift& s) {
  const std::string units = count_text(l, s.load, "shift.unit_one", "shift.units");
  std::string out = with_text(tr(l, s.max_load > 0 ? "shift.load" : "shift.load_open"), units);
  if (auto at = out.find("%d"); at != std::string::npos)
    out.replace(at, 2, std::to_string(s.max_load));
  return out;
}

struct Card {
  std::string value, caption, detail;
  bool alert = false;
};

std::vector<Card> cards(Language l, const ShiftGlance& g) {
  auto covers = [l](int n) { return count_text(l, n, "shift.covers_one", "shift.covers"); };
  auto parties = [l](int n) { return count_text(l, n, "shift.parties_one", "shift.parties"); };
  std::vector<Card> out;
  out.push_back({std::to_string(g.covers_seated) + " / " + std::to_string(g.covers_booked),
                 tr(l, "shift.covers_seated"), parties(g.parties_seated)});
  out.push_back({std::to_string(g.covers_to_come),
                 word(l, g.covers_to_come, "shift.to_come_one", "shift.to_come"),
                 parties(g.parties_to_come)});
  out.push_back({std::to_string(g.covers_arrived),
                 word(l, g.covers_arrived, "shift.arrived_one", "shift.arrived"),
                 parties(g.parties_arrived)});
  std::string waits = covers(g.covers_waiting);
  if (g.parties_waiting > 0)
    waits += " · " + with_text(tr(l, "shift.longest"), format_minutes(l, g.longest_wait_minutes));
  out.push_back({std::to_string(g.parties_waiting),
                 word(l, g.parties_waiting, "shift.waiting_one", "shift.waiting"), waits});
  const int late = static_cast<int>(g.late.size());
  int late_covers = 0;
  for (const LateParty& p : g.late) late_covers += p.party_size;
  out.push_back({std::to_string(late), word(l, late, "shift.late_one", "shift.late"),
                 covers(late_covers), late > 0});
  out.push_back({std::to_string(g.no_show_parties),
                 word(l, g.no_show_parties, "shift.no_show_one", "shift.no_show"),
                 covers(g.no_show_covers), g.no_show_parties > 0});
  return out;
}

void draw_cards(Language l, const ShiftGlance& g) {
  const std::vector<Card> all = cards(l, g);
  const int fit = static_cast<int>(ImGui::GetContentRegionAvail().x / em(kCardEm));
  const int columns = std::clamp(fit, 1, static_cast<int>(all.size()));
  if (!ImGui::BeginTable("shift_cards", columns,
                         ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV |
                             ImGuiTableFlags_PadOuterX))
    return;
  for (const Card& c : all) {
    ImGui::TableNextColumn();
    if (c.alert) ImGui::PushStyleColor(ImGuiCol_Text, kAlert);
    ImGui::SetWindowFontScale(kBig);
    ImGui::TextUnformatted(c.value.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (c.alert) ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(c.caption.c_str());
    ImGui::TextDisabled("%s", c.detail.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

void heading(const std::string& text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text.c_str());
  ImGui::Separator();
}

void draw_late(Language l, const ShiftGlance& g) {
  if (g.late.empty()) return;
  heading(tr(l, "shift.late_title"));
  if (!ImGui::BeginTable("shift_late", 3, ImGuiTableFlags_SizingFixedFit)) return;
  for (size_t i = 0; i < g.late.size() && i < kLateShown; ++i) {
    const LateParty& p = g.late[i];
    ImGui::PushID(p.reservation_id.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_time(p.time).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%s (%d)", p.guest_name.empty() ? "—" : p.guest_name.c_str(), p.party_size);
    ImGui::TableNextColumn();
    ImGui::TextColored(
        kAlert, "%s", with_text(tr(l, "shift.late_by"), format_minutes(l, p.minutes_late)).c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (g.late.size() > kLateShown) {
    const int more = static_cast<int>(g.late.size() - kLateShown);
    ImGui::Text("+%d %s", more, word(l, more, "shift.more_one", "shift.more"));
  }
}

void draw_turns(Language l, const std::vector<TurnBySize>& turns) {
  heading(tr(l, "shift.turns_title"));
  if (turns.empty()) {
    ImGui::TextDisabled("%s", tr(l, "shift.no_turns"));
    return;
  }
  if (!ImGui::BeginTable("shift_turns", 4,
                         ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg))
    return;
  for (const char* key :
       {"shift.col_size", "shift.col_parties", "shift.col_average", "shift.col_target"})
    ImGui::TableSetupColumn(tr(l, key));
  ImGui::TableHeadersRow();
  for (const TurnBySize& t : turns) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%d", t.party_size);
    ImGui::TableNextColumn();
    ImGui::Text("%d", t.parties);
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    if (t.average_minutes > t.target_minutes)  // said in words, not in red alone
      ImGui::TextColored(kAlert, "%s · %s", format_minutes(l, t.average_minutes).c_str(),
                         tr(l, "shift.over_target"));
    else
      ImGui::TextUnformatted(format_minutes(l, t.average_minutes).c_str());
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_minutes(l, t.target_minutes).c_str());
  }
  ImGui::EndTable();
}

void draw_report(Language l, const ServiceShift& s) {
  const ServiceReport& r = s.report;
  heading(std::string(tr(l, "shift.report_title")) + " — " + service_title(l, s));
  auto covers = [l](int n) { return count_text(l, n, "shift.covers_one", "shift.covers"); };
  auto parties = [l](int n) { return count_text(l, n, "shift.parties_one", "shift.parties"); };
  const std::pair<const char*, std::string> rows[] = {
      {"shift.r_covers", covers(r.covers) + " · " + parties(r.parties)},
      {"shift.r_walk_ins", parties(r.walk_in_parties) + " · " + covers(r.walk_in_covers)},
      {"shift.r_waitlist",
       std::to_string(r.waitlist_converted) + " / " + std::to_string(r.waitlist_joined)},
      {"shift.r_no_shows", parties(r.no_show_parties) + " · " + covers(r.no_show_covers)},
      {"shift.r_cancelled", parties(r.cancelled_parties) + " · " + covers(r.cancelled_covers)}};
  if (!ImGui::BeginTable("shift_report", 2,
                         ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg))
    return;
  for (const auto& [key, value] : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(l, key));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

// The services as toggles, wrapping; returns the one shown.
int service_bar(ShiftView& v, const Shift& s, Language l) {
  const int shown = shown_service(v, s);
  for (size_t i = 0; i < s.services.size(); ++i) {
    const ServiceShift& sv = s.services[i];
    const std::string label = service_title(l, sv) + "###shift_service_" + service_key(sv);
    if (i > 0) flow(touch_button_width(label.c_str()));
    if (toggle_button(label.c_str(), static_cast<int>(i) == shown)) v.service = service_key(sv);
  }
  return shown_service(v, s);
}

}  // namespace

const Shift& shift_now(ShiftCache& c, const Desk& d) {
  const int64_t minute = d.now.seconds / 60;
  if (!c.shift || c.revision != d.revision || c.minute != minute || c.day != d.day ||
      c.parties != d.day->reservations.size() + d.day->waitlist.size()) {
    c.shift = shift_of(*d.venue, *d.day, d.now);
    c.revision = d.revision, c.minute = minute, c.day = d.day;
    c.parties = d.day->reservations.size() + d.day->waitlist.size();
  }
  return *c.shift;
}

std::string service_key(const ServiceShift& s) {
  if (s.outside) return "~outside";
  return s.service_id.empty() ? "~day" : s.service_id;
}

int shown_service(const ShiftView& v, const Shift& s) {
  if (v.service)
    for (size_t i = 0; i < s.services.size(); ++i)
      if (service_key(s.services[i]) == *v.service) return static_cast<int>(i);
  return s.current;
}

std::string service_title(Language l, const ServiceShift& s) {
  if (!s.service_name.empty()) return s.service_name;
  return tr(l, s.outside ? "shift.outside" : "shift.all_day");
}

void draw_shift(ShiftView& v, const Desk& d, ShiftIntents& out) {
  if (!d.venue || !d.day) return;
  const Language l = d.locale;
  const Shift& s = shift_now(v.cache, d);
  const int shown = service_bar(v, s, l);
  begin_scroll_area("shift_scroll", 1);
  if (shown >= 0 && shown < static_cast<int>(s.services.size())) {
    const ServiceShift& sv = s.services[shown];
    if (sv.glance.parties_booked == 0 && sv.report.waitlist_joined == 0 &&
        sv.report.cancelled_parties == 0 && sv.glance.no_show_parties == 0)
      ImGui::TextDisabled("%s", tr(l, "shift.empty"));
    draw_cards(l, sv.glance);
    ImGui::TextUnformatted(load_line(l, s).c_str());
    draw_late(l, sv.glance);
    ImGui::Spacing();
    draw_pacing_chart(sv.chart, l, pacing_chart_height(ImGui::GetWindowHeight()));
    draw_turns(l, sv.report.turns);
    draw_report(l, sv);
  } else {
    ImGui::TextDisabled("%s", tr(l, "shift.empty"));
  }
  end_scroll_area();
  const std::string label = std::string(tr(l, "shift.export")) + "###shift_export";
  if (touch_button(label.c_str(), 0.0f, !s.services.empty())) out.export_csv = true;
}

}  // namespace foh::ui
