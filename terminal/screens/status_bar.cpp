// Status bar: connection, outbox, conflicts (tap to resolve), rows set aside,
// member, time.
#include "screens/status_bar.hpp"

#include <imgui.h>

#include <string>

#include "screens/set_aside.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

ImVec4 connection_colour(Connection c) {
  switch (c) {
    case Connection::Online:
      return {0.30f, 0.80f, 0.40f, 1};
    case Connection::Syncing:
      return {0.35f, 0.60f, 0.95f, 1};
    case Connection::Offline:
      return {0.95f, 0.60f, 0.20f, 1};
    case Connection::LoginRequired:
      return {0.95f, 0.30f, 0.30f, 1};
    case Connection::Standalone:
      break;
  }
  return {0.70f, 0.70f, 0.70f, 1};
}

const char* connection_key(Connection c) {
  switch (c) {
    case Connection::Online:
      return "sync.online";
    case Connection::Syncing:
      return "sync.syncing";
    case Connection::Offline:
      return "sync.offline";
    case Connection::LoginRequired:
      return "sync.login";
    case Connection::Standalone:
      break;
  }
  return "sync.standalone";
}

void draw_conflicts_popup(StatusBarView& v, const Desk& d, StatusBarIntents& out) {
  Locale l = d.locale;
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
    if (!c.proposed_table_number.empty()) {
      std::string accept = std::string(tr(l, "sync.accept_table")) + " " + c.proposed_table_number +
                           "###conflict_accept";
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
// history is not a host's job here).
void draw_day_picker(const Desk& d, StatusBarIntents& out) {
  const Locale l = d.locale;
  const Date shown = d.day->date;
  const int64_t ahead = shown.days_since_epoch() - d.today.days_since_epoch();
  if (touch_button("<###day_prev", 3.0f, ahead > 0)) out.show_date = shown.plus_days(-1);
  ImGui::SameLine();
  ImGui::TextUnformatted(format_date(l, shown).c_str());
  record_item("day_label");
  ImGui::SameLine();
  if (touch_button(">###day_next", 3.0f, ahead < kDaysAhead)) out.show_date = shown.plus_days(1);
  if (ahead != 0) {
    ImGui::SameLine();
    const std::string today = std::string(tr(l, "day.today")) + "###day_today";
    if (touch_button(today.c_str())) out.show_date = d.today;
  }
}

}  // namespace

float status_bar_height() { return touch_target() + ImGui::GetStyle().WindowPadding.y * 2; }

void draw_status_bar(StatusBarView& v, const Desk& d, StatusBarIntents& out) {
  Locale l = d.locale;
  ImGui::PushID("status_bar");
  ImGui::AlignTextToFramePadding();
  {  // a coloured dot (drawn: the UI font has no bullet glyph guarantee)
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = em(0.35f);
    ImGui::GetWindowDrawList()->AddCircleFilled(
        ImVec2(p.x + r, p.y + ImGui::GetFrameHeight() / 2), r,
        ImGui::GetColorU32(connection_colour(d.sync.connection)));
    ImGui::Dummy(ImVec2(r * 2, ImGui::GetFrameHeight()));
    ImGui::SameLine();
  }
  ImGui::TextColored(connection_colour(d.sync.connection), "%s",
                     tr(l, connection_key(d.sync.connection)));
  record_item("sync_state");
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
  if (!d.message.empty()) {
    ImGui::SameLine();
    ImVec4 c = d.message_is_error ? ImVec4(0.95f, 0.4f, 0.4f, 1) : ImVec4(0.6f, 0.9f, 0.6f, 1);
    ImGui::TextColored(c, "%s", d.message.c_str());
  }
  // Right side: the day shown, who, locale, time.
  std::string time = format_time(d.now.time());
  std::string who = d.member ? d.member->display_name : "";
  const bool picker = d.member && d.day;
  float right = em(picker ? 40.0f : 22.0f);
  // After the last item on the left, never over it (the cursor is already on the next line).
  const float left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
  ImGui::SameLine(std::max(left_end + em(1), ImGui::GetWindowContentRegionMax().x - right));
  if (picker) {
    draw_day_picker(d, out);
    ImGui::SameLine();
  }
  if (d.member) {
    ImGui::TextUnformatted(who.c_str());
    ImGui::SameLine();
    std::string logout = std::string(tr(l, "action.logout")) + "###logout";
    if (touch_button(logout.c_str())) out.logout = true;
    ImGui::SameLine();
  }
  if (touch_button(l == Locale::Fr ? "EN###locale" : "FR###locale"))
    out.switch_locale = l == Locale::Fr ? Locale::En : Locale::Fr;
  ImGui::SameLine();
  ImGui::TextUnformatted(time.c_str());
  draw_conflicts_popup(v, d, out);
  ImGui::PopID();
}

}  // namespace foh::ui
