// Status bar: connection, outbox, conflicts (tap to resolve), rows set aside,
// member, time.
#include "screens/status_bar.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "screens/set_aside.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

ImVec4 connection_colour(Connectivity c) {
  switch (c) {
    case Connectivity::Online:
      return {0.30f, 0.80f, 0.40f, 1};
    case Connectivity::Syncing:
      return {0.35f, 0.60f, 0.95f, 1};
    case Connectivity::Offline:
      return {0.95f, 0.60f, 0.20f, 1};
    case Connectivity::LoginRequired:
      return {0.95f, 0.30f, 0.30f, 1};
    case Connectivity::Standalone:
      break;
  }
  return {0.70f, 0.70f, 0.70f, 1};
}

const char* connection_key(Connectivity c) {
  switch (c) {
    case Connectivity::Online:
      return "sync.online";
    case Connectivity::Syncing:
      return "sync.syncing";
    case Connectivity::Offline:
      return "sync.offline";
    case Connectivity::LoginRequired:
      return "sync.login";
    case Connectivity::Standalone:
      break;
  }
  return "sync.standalone";
}

void draw_conflicts_popup(StatusBarView& v, const Desk& d, StatusBarIntents& out) {
  Language l = d.locale;
  if (v.conflicts_open) ImGui::OpenPopup("conflicts");
  if (!ImGui::BeginPopup("conflicts")) {
    v.conflicts_open = false;
    return;
  }
  ImGui::TextUnformatted(tr(l, "sync.conflicts_title"));
  ImGui::Separator();
  if (d.conflicts.empty()) ImGui::TextUnformatted(tr(l, "sync.no_conflicts"));
  for (const ConflictInfo& c : d.conflicts) {
    ImGui::PushID(c.reservation_id.c_str());
    // Every conflict is the overlap rule refusing at the backend (23P01): said
    // in the host's words (the backend's own text stays in the cache's conflicts row).
    ImGui::Text("%s — %s", c.guest_name.c_str(), tr(l, "sync.conflict_taken"));
    if (c.has_table()) {
      std::string accept = std::string(tr(l, "sync.accept_table")) + " " +
                           c.proposal->table_number + "###conflict_accept";
      if (touch_button(accept.c_str()))
        out.resolve = ConflictResolution{c.reservation_id, ConflictAction::AcceptProposal};
      ImGui::SameLine();
    }
    std::string cancel = std::string(tr(l, "action.cancel_booking")) + "###conflict_cancel";
    if (touch_button(cancel.c_str()))
      out.resolve = ConflictResolution{c.reservation_id, ConflictAction::Cancel};
    ImGui::PopID();
  }
  std::string close = std::string(tr(l, "action.close")) + "###conflicts_close";
  if (touch_button(close.c_str())) {
    v.conflicts_open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// < sam. 28 nov. 2026 > [Aujourd'hui]: from today up to kDaysAhead (no past:
// history is not a host's job here). `day` is the date as it fits the bar.
void draw_day_picker(const Desk& d, const std::string& day, StatusBarIntents& out) {
  const Language l = d.locale;
  const Date shown = d.day->date;
  const int64_t ahead = shown.days_since_epoch() - d.today.days_since_epoch();
  if (touch_button("<###day_prev", 3.0f, ahead > 0)) out.show_date = shown.plus_days(-1);
  ImGui::SameLine();
  ImGui::TextUnformatted(day.c_str());
  record_item("day_label");
  ImGui::SameLine();
  if (touch_button(">###day_next", 3.0f, ahead < kDaysAhead)) out.show_date = shown.plus_days(1);
  if (ahead != 0) {
    ImGui::SameLine();
    const std::string today = std::string(tr(l, "day.today")) + "###day_today";
    if (touch_button(today.c_str())) out.show_date = d.today;
  }
}

float text_width(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; }

// What the bar shows, narrowed step by step until it fits the window: first
// the member's name goes (the logout button stays), then the date shortens to
// "28/11", then the connection is its coloured dot alone. The time never goes.
// On a narrow screen with much to say, the bar takes two rows: the sync state
// and its buttons above, the day, logout, language and time below.
struct Fit {
  bool who = true, long_date = true, connection_text = true, two_rows = false;
  float left = 0, right = 0;  // widths, pixels
};

std::string short_date(Date day) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d/%02d", day.day, day.month);
  return buf;
}

float right_width(const Desk& d, const Fit& f) {
  const Language l = d.locale;
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  float w = touch_button_width(l == Language::Fr ? "EN" : "FR") + sp +
            text_width(format_time(d.now.time()));
  if (d.member) {
    w += touch_button_width(tr(l, "action.logout")) + sp;
    if (f.who) w += text_width(d.member->display_name) + sp;
  }
  if (d.member && d.day) {
    const std::string day = f.long_date ? format_date(l, d.day->date) : short_date(d.day->date);
    w += 2 * (em(3) + sp) + text_width(day) + sp;
    if (d.day->date.days_since_epoch() != d.today.days_since_epoch())
      w += touch_button_width(tr(l, "day.today")) + sp;
  }
  return w;
}

// The left side's buttons and counts (a message takes what room is left).
float left_width(const Desk& d, const Fit& f) {
  const Language l = d.locale;
  const float sp = ImGui::GetStyle().ItemSpacing.x;
  float w = em(0.7f) + sp;
  if (f.connection_text) w += text_width(tr(l, connection_key(d.sync.connection))) + sp;
  if (d.sync.outbox > 0)
    w += text_width(std::string(tr(l, "sync.outbox")) + " " + std::to_string(d.sync.outbox)) + sp;
  if (!d.sync.last_error.empty()) w += text_width(tr(l, "sync.failed")) + sp;
  if (d.sync.conflicts > 0)
    w += touch_button_width(
             count_text(l, d.sync.conflicts, "sync.conflicts_one", "sync.conflicts").c_str()) +
         sp;
  if (!d.set_aside.empty() && sees_set_aside(d))
    w += touch_button_width(set_aside_notice(l, d.set_aside.size()).c_str()) + sp;
  return w;
}

Fit fit_bar(const Desk& d, float room) {
  Fit f;
  auto measure = [&] {
    f.left = left_width(d, f), f.right = right_width(d, f);
    return f.two_rows ? f.left <= room && f.right <= room : f.left + em(1) + f.right <= room;
  };
  if (measure()) return f;
  f.who = false;
  if (measure()) return f;
  f.long_date = false;
  if (measure()) return f;
  f.connection_text = false;
  if (measure()) return f;
  f = Fit{};
  f.two_rows = true;
  if (measure()) return f;
  f.who = false;
  if (measure()) return f;
  f.long_date = false;
  measure();
  return f;
}

// Room for the bar: it starts on a line of its own in the shell's window.
float bar_room() {
  return ImGui::GetWindowContentRegionMax().x - ImGui::GetStyle().WindowPadding.x;
}

void draw_left(const Desk& d, const Fit& f, StatusBarView& v, StatusBarIntents& out) {
  Language l = d.locale;
  ImGui::AlignTextToFramePadding();
  {  // a coloured dot (drawn: the UI font has no bullet glyph guarantee)
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = em(0.35f);
    ImGui::GetWindowDrawList()->AddCircleFilled(
        ImVec2(p.x + r, p.y + ImGui::GetFrameHeight() / 2), r,
        ImGui::GetColorU32(connection_colour(d.sync.connection)));
    ImGui::Dummy(ImVec2(r * 2, ImGui::GetFrameHeight()));
    if (!f.connection_text) record_item("sync_state");
  }
  if (f.connection_text) {
    ImGui::SameLine();
    ImGui::TextColored(connection_colour(d.sync.connection), "%s",
                       tr(l, connection_key(d.sync.connection)));
    record_item("sync_state");
  }
  if (d.sync.outbox > 0) {
    ImGui::SameLine();
    ImGui::Text("%s %d", tr(l, "sync.outbox"), d.sync.outbox);
  }
  if (!d.sync.last_error.empty()) {
    ImGui::SameLine();
    // net's detail is for whoever fixes the link, in its own words: on hover only.
    ImGui::TextColored({0.95f, 0.4f, 0.4f, 1}, "%s", tr(l, "sync.failed"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", d.sync.last_error.c_str());
  }
  if (d.sync.conflicts > 0) {
    ImGui::SameLine();
    std::string label =
        count_text(l, d.sync.conflicts, "sync.conflicts_one", "sync.conflicts") + "###conflicts";
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.75f, 0.25f, 0.2f, 1));
    if (touch_button(label.c_str())) v.conflicts_open = true;
    ImGui::PopStyleColor();
  }
  if (!d.set_aside.empty() && sees_set_aside(d)) {
    ImGui::SameLine();
    const std::string label = set_aside_notice(l, d.set_aside.size()) + "###set_aside";
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.45f, 0.10f, 1));
    if (touch_button(label.c_str())) out.show_set_aside = true;
    ImGui::PopStyleColor();
  }
}

}  // namespace

float status_bar_height(const Desk& d) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float rows = fit_bar(d, bar_room()).two_rows ? 2.0f : 1.0f;
  return rows * touch_target() + (rows - 1) * st.ItemSpacing.y + st.WindowPadding.y * 2;
}

void draw_status_bar(StatusBarView& v, const Desk& d, StatusBarIntents& out) {
  Language l = d.locale;
  ImGui::PushID("status_bar");
  const float x0 = ImGui::GetStyle().WindowPadding.x, x1 = ImGui::GetWindowContentRegionMax().x;
  const Fit f = fit_bar(d, bar_room());
  const float right_x = f.two_rows ? x1 - f.right : std::max(x0 + f.left + em(1), x1 - f.right);
  draw_left(d, f, v, out);
  if (!d.message.empty()) {  // what room is left; cut at the right side, whole on hover
    ImGui::SameLine();
    ImVec4 c = d.message_is_error ? ImVec4(0.95f, 0.4f, 0.4f, 1) : ImVec4(0.6f, 0.9f, 0.6f, 1);
    const ImVec2 at = ImGui::GetCursorScreenPos(), win = ImGui::GetWindowPos();
    const float end = f.two_rows ? x1 : right_x - em(0.5f);
    ImGui::PushClipRect(at, ImVec2(win.x + end, at.y + ImGui::GetFrameHeight()), true);
    ImGui::TextColored(c, "%s", d.message.c_str());
    ImGui::PopClipRect();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", d.message.c_str());
  }
  // Right side, flush with the window's edge: the day shown, who, locale, time.
  if (f.two_rows) {
    ImGui::NewLine();
    ImGui::SetCursorPosX(right_x);
  } else {
    ImGui::SameLine(right_x);
  }
  if (d.member && d.day) {
    draw_day_picker(d, f.long_date ? format_date(l, d.day->date) : short_date(d.day->date), out);
    ImGui::SameLine();
  }
  if (d.member) {
    if (f.who) {
      ImGui::TextUnformatted(d.member->display_name.c_str());
      ImGui::SameLine();
    }
    std::string logout = std::string(tr(l, "action.logout")) + "###logout";
    if (touch_button(logout.c_str())) out.logout = true;
    ImGui::SameLine();
  }
  if (touch_button(l == Language::Fr ? "EN###locale" : "FR###locale"))
    out.switch_locale = l == Language::Fr ? Language::En : Language::Fr;
  ImGui::SameLine();
  ImGui::TextUnformatted(format_time(d.now.time()).c_str());
  record_item("clock");
  draw_conflicts_popup(v, d, out);
  ImGui::PopID();
}

}  // namespace foh::ui
