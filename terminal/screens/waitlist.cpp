// The waitlist queue: position, quoted wait, notify / call / seat / expire;
// kiosk entries stay apart until staff accept them.
#include "screens/waitlist.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

bool is_queued(WaitlistStatus s) {
  return s == WaitlistStatus::Waiting || s == WaitlistStatus::Notified ||
         s == WaitlistStatus::Called;
}

void action_button(const char* key, const char* id, WaitlistAction a, const WaitlistEntry& e,
                   Locale l, WaitlistIntents& out) {
  std::string label = std::string(tr(l, key)) + "###" + id;
  if (touch_button(label.c_str())) out.command = WaitlistCommand{e.id, a};
  ImGui::SameLine();
}

void draw_row(const QueueRow& q, WaitlistView& v, const Desk& d, WaitlistIntents& out) {
  const WaitlistEntry& e = *q.entry;
  Locale l = d.locale;
  ImGui::PushID(e.id.c_str());
  ImGui::TableNextRow(0, touch_target());
  ImGui::TableNextColumn();
  if (q.position > 0) ImGui::Text("%d", q.position);
  ImGui::TableNextColumn();
  bool sel = v.selected && *v.selected == e.id;
  std::string name =
      (e.guest_name.empty() ? std::string("—") : e.guest_name) + "###wl_" + e.guest_name;
  if (ImGui::Selectable(name.c_str(), sel, ImGuiSelectableFlags_None,
                        ImVec2(0, touch_target() * 0.6f))) {
    v.selected = e.id;
    out.select = e.id;
  }
  record_item(name.c_str());
  ImGui::TableNextColumn();
  ImGui::Text("%d", e.party_size);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(format_minutes(l, q.waited_minutes).c_str());
  ImGui::TableNextColumn();
  if (q.quoted_minutes) ImGui::TextUnformatted(format_quote(l, *q.quoted_minutes).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(status_text(l, e.status));
  ImGui::TableNextColumn();
  if (is_unconfirmed(e)) {
    action_button("wl.accept", "wl_accept", WaitlistAction::Accept, e, l, out);
    action_button("wl.reject", "wl_cancel", WaitlistAction::Cancel, e, l, out);
  } else {
    action_button("wl.notify", "wl_notify", WaitlistAction::Notify, e, l, out);
    action_button("wl.call", "wl_call", WaitlistAction::Call, e, l, out);
    action_button("wl.seat", "wl_seat", WaitlistAction::Seat, e, l, out);
    action_button("wl.expire", "wl_expire", WaitlistAction::Expire, e, l, out);
  }
  ImGui::NewLine();
  ImGui::PopID();
}

void draw_add_form(WaitlistView& v, const Desk& d, WaitlistIntents& out) {
  Locale l = d.locale;
  FieldError ne = validate_name(v.name), pe = validate_party_text(v.party),
             fe = validate_phone(v.phone, false);
  auto shown = [&](FieldError e) { return v.submitted ? e : FieldError::None; };
  text_field((std::string(tr(l, "field.name")) + "###wl_name").c_str(), v.name, shown(ne), l);
  text_field((std::string(tr(l, "field.party")) + "###wl_party").c_str(), v.party, shown(pe), l, 4,
             false, InputKind::Number);
  text_field((std::string(tr(l, "field.phone")) + "###wl_phone").c_str(), v.phone, shown(fe), l,
             16.0f, false, InputKind::Phone);
  std::string add = std::string(tr(l, "action.add")) + "###wl_add_ok";
  if (touch_button(add.c_str())) {
    v.submitted = true;
    if (ne == FieldError::None && pe == FieldError::None && fe == FieldError::None) {
      out.add = NewWaitlistEntry{v.name, v.phone, std::stoi(v.party), false, false};
      v = WaitlistView{};
    }
  }
}

}  // namespace

bool is_unconfirmed(const WaitlistEntry& e) {
  auto it = e.extra.find("kiosk_pending");
  return it != e.extra.end() && it->is_boolean() && it->get<bool>();
}

std::vector<QueueRow> waitlist_queue(const Desk& d) {
  std::vector<QueueRow> rows;
  if (!d.day) return rows;
  for (const WaitlistEntry& e : d.day->waitlist) {
    if (!is_queued(e.status)) continue;
    QueueRow q{&e, e.position_in_queue.value_or(0), std::nullopt, 0};
    for (const WaitQuote& w : d.quotes)
      if (w.entry_id == e.id) q.position = w.position, q.quoted_minutes = w.quoted_minutes;
    if (auto at = d.local_time(e.created_at))
      q.waited_minutes = static_cast<int>(std::max<int64_t>(0, (d.now.seconds - at->seconds) / 60));
    rows.push_back(q);
  }
  // Queue order: quoted position, then arrival; unpositioned entries last.
  std::stable_sort(rows.begin(), rows.end(), [](const QueueRow& a, const QueueRow& b) {
    int pa = a.position > 0 ? a.position : 1 << 30, pb = b.position > 0 ? b.position : 1 << 30;
    if (pa != pb) return pa < pb;
    return a.entry->created_at < b.entry->created_at;
  });
  return rows;
}

void draw_waitlist(WaitlistView& v, const Desk& d, WaitlistIntents& out) {
  Locale l = d.locale;
  ImGui::PushID("waitlist");
  std::vector<QueueRow> rows = waitlist_queue(d);
  ImGui::Text("%s — %d", tr(l, "wl.title"), static_cast<int>(rows.size()));
  ImGui::SameLine();
  std::string add = std::string(tr(l, v.adding ? "action.close" : "wl.add")) + "###wl_add";
  if (touch_button(add.c_str())) v.adding = !v.adding;
  if (v.adding) draw_add_form(v, d, out);
  for (int pass = 0; pass < 2; ++pass) {
    // Kiosk entries waiting for staff first, then the confirmed queue.
    bool pending = pass == 0;
    int n = 0;
    for (const QueueRow& q : rows) n += is_unconfirmed(*q.entry) == pending;
    if (n == 0) continue;
    ImGui::Separator();
    ImGui::TextUnformatted(tr(l, pending ? "wl.pending" : "wl.queue"));
    if (!ImGui::BeginTable(pending ? "pending" : "queue", 7,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
      continue;
    for (const char* h :
         {"#", "field.name", "field.party", "wl.waited", "wl.quote", "field.status", ""})
      ImGui::TableSetupColumn(tr(l, h));
    ImGui::TableHeadersRow();
    for (const QueueRow& q : rows)
      if (is_unconfirmed(*q.entry) == pending) draw_row(q, v, d, out);
    ImGui::EndTable();
  }
  if (rows.empty()) ImGui::TextUnformatted(tr(l, "wl.empty"));
  ImGui::PopID();
}

}  // namespace foh::ui
