// The waitlist queue: position, quoted wait, notify / call / seat / expire;
// kiosk entries stay apart until staff accept them.
#include "screens/waitlist.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "foh/engine/waitlist.hpp"
#include "screens/commands.hpp"
#include "widgets/guest_texts.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

// Room the position, name, party, waits and status need beside all four actions.
constexpr float kRestEm = 44.0f;

bool is_queued(WaitlistStatus s) {
  return s == WaitlistStatus::Waiting || s == WaitlistStatus::Notified ||
         s == WaitlistStatus::Called;
}

// The table the engine recommends for this party now, if any.
std::optional<TableChoice> recommended_table(const Desk& d, const Uuid& entry_id) {
  for (const SeatNow& h : d.seat_now)
    if (h.entry_id == entry_id) return h.table;
  return std::nullopt;
}

void action_button(const char* key, const char* id, WaitlistAction a, const WaitlistEntry& e,
                   const Desk& d, WaitlistIntents& out, bool first = false) {
  std::string label = std::string(tr(d.locale, key)) + "###" + id;
  if (!first) flow(touch_button_width(label.c_str()));  // wrapping in the actions' column
  if (touch_button(label.c_str()))
    out.command = WaitlistCommand{
        e.id, a, a == WaitlistAction::Seat ? recommended_table(d, e.id) : std::nullopt};
}

void draw_row(const QueueRow& q, WaitlistView& v, const Desk& d, WaitlistIntents& out) {
  const WaitlistEntry& e = *q.entry;
  Language l = d.locale;
  ImGui::PushID(e.id.c_str());
  ImGui::TableNextRow(0, touch_target());
  ImGui::TableNextColumn();
  if (q.position > 0) ImGui::Text("%d", q.position);
  ImGui::TableNextColumn();
  bool sel = v.selected && *v.selected == e.id;
  std::string name =
      (e.guest_name.empty() ? std::string("—") : e.guest_name) + "###wl_" + e.guest_name;
  if (ImGui::Selectable(name.c_str(), sel, ImGuiSelectableFlags_None,
                        ImVec2(std::max(em(8), ImGui::CalcTextSize(name.c_str(), nullptr, true).x),
                               touch_target()))) {  // a short name is still a fingertip wide
    v.selected = e.id;
    out.select = e.id;
  }
  record_item(name.c_str());
  ImGui::TableNextColumn();
  ImGui::Text("%d", e.party_size);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(format_minutes(l, q.waited_minutes).c_str());
  ImGui::TableNextColumn();
  ImGui::PushTextWrapPos(0.0f);  // at the column's edge
  if (q.quoted_minutes)
    ImGui::TextUnformatted(format_quote(l, *q.quoted_minutes).c_str());
  else if (q.position > 0)
    ImGui::TextUnformatted(tr(l, "wl.no_table"));
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(status_line(l, d, e).c_str());
  draw_guest_texts(d, e);  // the last text, its delivery and any reply
  ImGui::PopTextWrapPos();
  ImGui::TableNextColumn();
  if (is_unconfirmed(e)) {
    action_button("wl.accept", "wl_accept", WaitlistAction::Accept, e, d, out, true);
    action_button("wl.reject", "wl_cancel", WaitlistAction::Cancel, e, d, out);
  } else {
    action_button("wl.notify", "wl_notify", WaitlistAction::Notify, e, d, out, true);
    action_button("wl.call", "wl_call", WaitlistAction::Call, e, d, out);
    action_button("wl.seat", "wl_seat", WaitlistAction::Seat, e, d, out);
    action_button("wl.expire", "wl_expire", WaitlistAction::Expire, e, d, out);
  }
  ImGui::PopID();
}

// The actions' column: all of a row's buttons on one line where the screen is
// wide, else the widest two side by side (the others wrap under them).
float actions_width(Language l, bool pending) {
  auto w = [&](const char* key) { return touch_button_width(tr(l, key)); };
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  if (pending) return w("wl.accept") + gap + w("wl.reject");
  const float all = w("wl.notify") + w("wl.call") + w("wl.seat") + w("wl.expire") + 3 * gap;
  if (ImGui::GetContentRegionAvail().x - all >= em(kRestEm)) return all;
  return std::max(w("wl.notify") + w("wl.call"), w("wl.seat") + w("wl.expire")) + gap;
}

std::string quote_text(Language l, const AddQuote& q) {
  if (!q.minutes) return tr(l, "wl.no_table");
  char buf[160];
  std::snprintf(buf, sizeof buf, tr(l, "wl.add_quote"), format_quote(l, *q.minutes).c_str(),
                q.position);
  return buf;
}

// The engine's recommendation, who to seat next and where, is a few lines
// above the queue, each with its own Seat (the seat screen opens with that
// table proposed); the queue itself stays in join order. The first few only:
// once they are seated the next ones show.
constexpr size_t kAdviceLines = 3;

void draw_recommendations(Language l, const Desk& d, WaitlistIntents& out) {
  size_t shown = 0;
  for (const SeatNow& hint : d.seat_now) {
    if (shown == kAdviceLines) break;
    std::string line = recommendation_line(l, d, hint);
    if (line.empty()) continue;
    ++shown;
    ImGui::PushID(hint.entry_id.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    record_item(("wl_advice_" + hint.entry_id).c_str());
    flow(touch_button_width(tr(l, "wl.seat")));  // under the line when the screen is narrow
    std::string seat = std::string(tr(l, "wl.seat")) + "###wl_recommend_seat";
    if (touch_button(seat.c_str()))
      out.command = WaitlistCommand{hint.entry_id, WaitlistAction::Seat, hint.table};
    ImGui::PopID();
  }
}

void draw_add_form(WaitlistView& v, const Desk& d, WaitlistIntents& out) {
  Language l = d.locale;
  FieldError ne = validate_name(v.name), pe = validate_party_text(v.party),
             fe = validate_phone(v.phone, false);
  auto shown = [&](FieldError e) { return v.submitted ? e : FieldError::None; };
  text_field((std::string(tr(l, "field.name")) + "###wl_name").c_str(), v.name, shown(ne), l);
  text_field((std::string(tr(l, "field.party")) + "###wl_party").c_str(), v.party, shown(pe), l, 4,
             false, InputKind::Number);
  text_field((std::string(tr(l, "field.phone")) + "###wl_phone").c_str(), v.phone, shown(fe), l,
             16.0f, false, InputKind::Phone);
  // The quote comes before the party is added: the host tells the guest first.
  // Checked again: the fields above may have changed the text this frame.
  if (validate_party_text(v.party) == FieldError::None) {
    ImGui::TextUnformatted(quote_text(l, add_quote(v.quote, d, std::stoi(v.party))).c_str());
    record_item("wl_add_quote");
  }
  std::string add = std::string(tr(l, "action.add")) + "###wl_add_ok";
  if (touch_button(add.c_str(), 0.0f, !d.writing(kWriteWaitlistAdd))) {
    v.submitted = true;
    if (validate_name(v.name) == FieldError::None &&
        validate_party_text(v.party) == FieldError::None &&
        validate_phone(v.phone, false) == FieldError::None) {
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

int awaiting_acceptance(const Desk& d) {
  int n = 0;
  if (d.day)
    for (const WaitlistEntry& e : d.day->waitlist) n += is_queued(e.status) && is_unconfirmed(e);
  return n;
}

std::string waitlist_tab_title(Language l, const Desk& d, const char* title) {
  const int n = awaiting_acceptance(d);
  if (n == 0) return title;
  char buf[128];
  std::snprintf(buf, sizeof buf, tr(l, "wl.tab_badge"), title, n);
  return buf;
}

std::string recommendation_line(Language l, const Desk& d, const SeatNow& hint) {
  if (!d.day) return {};
  for (const WaitlistEntry& e : d.day->waitlist) {
    if (e.id != hint.entry_id || !is_queued(e.status) || is_unconfirmed(e)) continue;
    char buf[256];
    std::snprintf(buf, sizeof buf, tr(l, "wl.recommend"),
                  e.guest_name.empty() ? "—" : e.guest_name.c_str(), e.party_size,
                  hint.table.table_number.c_str());
    return buf;
  }
  return {};
}

std::string status_line(Language l, const Desk& d, const WaitlistEntry& e) {
  const std::optional<std::string>& stamp = e.status == WaitlistStatus::Notified ? e.notified_at
                                            : e.status == WaitlistStatus::Called ? e.called_at
                                                                                 : std::nullopt;
  auto at = stamp ? d.local_time(*stamp) : std::nullopt;
  if (!at) return status_text(l, e.status);
  const bool notified = e.status == WaitlistStatus::Notified;
  char buf[160];
  if (at->seconds > d.now.seconds) {  // another terminal's clock ahead: the time alone
    std::snprintf(buf, sizeof buf, tr(l, notified ? "wl.notified_at" : "wl.called_at"),
                  format_time(at->time()).c_str());
    return buf;
  }
  int ago = static_cast<int>((d.now.seconds - at->seconds) / 60);
  std::snprintf(buf, sizeof buf, tr(l, notified ? "wl.notified_since" : "wl.called_since"),
                format_time(at->time()).c_str(), format_minutes(l, ago).c_str());
  return buf;
}

const AddQuote& add_quote(AddQuote& q, const Desk& d, int party) {
  const int64_t minute = d.now.seconds / 60;
  if (q.revision == d.revision && q.minute == minute && q.party == party) return q;
  q = AddQuote{d.revision, minute, party, std::nullopt, 0};
  if (!d.venue || !d.day) return q;
  auto w = quote_walk_in(*d.venue, *d.day, party, d.now, day_waitlist_options(*d.day));
  if (w && w->seatable) q.minutes = w->quoted_minutes;
  if (w) q.position = w->position;
  return q;
}

std::vector<QueueRow> waitlist_queue(const Desk& d) {
  std::vector<QueueRow> rows;
  if (!d.day) return rows;
  for (const WaitlistEntry& e : d.day->waitlist) {
    if (!is_queued(e.status)) continue;
    QueueRow q{&e, e.position_in_queue.value_or(0), std::nullopt, 0};
    for (const WaitQuote& w : d.quotes)
      if (w.entry_id == e.id) {
        q.position = w.position;
        q.quoted_minutes = w.seatable ? std::optional<int>(w.quoted_minutes) : std::nullopt;
      }
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
  Language l = d.locale;
  ImGui::PushID("waitlist");
  std::vector<QueueRow> rows = waitlist_queue(d);
  ImGui::Text("%s — %d", tr(l, "wl.title"), static_cast<int>(rows.size()));
  ImGui::SameLine();
  std::string add = std::string(tr(l, v.adding ? "action.close" : "wl.add")) + "###wl_add";
  if (touch_button(add.c_str())) v.adding = !v.adding;
  draw_sms_quota(d);  // managers only
  // The form and the queue scroll under the title on a short screen.
  ImGui::BeginChild("wl_scroll", ImVec2(0, 0), false);
  if (v.adding) draw_add_form(v, d, out);
  draw_recommendations(l, d, out);
  for (int pass = 0; pass < 2; ++pass) {
    // Kiosk entries waiting for staff first, then the confirmed queue.
    bool pending = pass == 0;
    int n = 0;
    for (const QueueRow& q : rows) n += is_unconfirmed(*q.entry) == pending;
    if (n == 0) continue;
    ImGui::Separator();
    ImGui::TextUnformatted(tr(l, pending ? "wl.pending" : "wl.queue"));
    const float actions = actions_width(l, pending);
    if (!ImGui::BeginTable(pending ? "pending" : "queue", 7,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
      continue;
    for (const char* h : {"#", "field.name", "field.party", "wl.waited"})
      ImGui::TableSetupColumn(tr(l, h));
    // The quote and the status share the rest of the width, their lines wrapped; the actions
    // keep the room of two buttons side by side (wrapping on narrow tablets).
    ImGui::TableSetupColumn(tr(l, "wl.quote"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(l, "field.status"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, actions);
    ImGui::TableHeadersRow();
    for (const QueueRow& q : rows)
      if (is_unconfirmed(*q.entry) == pending) draw_row(q, v, d, out);
    ImGui::EndTable();
  }
  if (rows.empty()) ImGui::TextUnformatted(tr(l, "wl.empty"));
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace foh::ui
