#include "widgets/guest_texts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {

constexpr float kLineEm = 18.0f;  // the line's width before it wraps

const char* type_key(const std::string& type) {
  if (type == "waitlist_joined") return "txt.type_joined";
  if (type == "table_ready") return "txt.type_ready";
  if (type == "confirmation") return "txt.type_confirmation";
  if (type == "reminder") return "txt.type_reminder";
  if (type == "reconfirmation") return "txt.type_reconfirmation";
  return nullptr;
}

const char* delivery_key(Delivery s) {
  switch (s) {
    case Delivery::Pending:
      return "txt.pending";
    case Delivery::Sent:
      return "txt.sent";
    case Delivery::Delivered:
      return "txt.delivered";
    case Delivery::Failed:
      return "txt.failed";
    case Delivery::Refused:
      return "txt.refused";
    case Delivery::None:
      break;
  }
  return nullptr;
}

// The backend's reasons a host can act on, worded; a provider's own words
// (e.g. "21211 invalid To") are shown as they came.
std::string reason_text(Language l, const std::string& reason) {
  if (reason == "no_consent") return tr(l, "txt.no_consent");
  if (reason == "no_phone") return tr(l, "txt.no_phone");
  if (reason == "quota") return tr(l, "txt.quota");
  return reason;
}

std::string hhmm(const Desk& d, const std::string& at) {
  if (at.empty()) return {};
  auto t = d.local_time(at);
  return t ? t->time().hhmm() : std::string();
}

bool manager(const Desk& d) {
  return d.member && (d.member->role == Role::Manager || d.member->role == Role::Admin);
}

void draw_line(const std::string& line, bool failed) {
  if (line.empty()) return;
  if (failed) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1.0f));
  // Wrapped at a fixed width: a fit-to-content table column would otherwise
  // shrink to the wrapped text, or widen and push the row's buttons away;
  // sooner in a column narrower than that (a portrait tablet's waitlist).
  const float room = ImGui::GetContentRegionAvail().x;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() +
                         (room > em(4.0f) ? std::min(em(kLineEm), room) : em(kLineEm)));
  ImGui::TextUnformatted(line.c_str());
  ImGui::PopTextWrapPos();
  if (failed) ImGui::PopStyleColor();
}

bool failed_line(const Desk& d, const Uuid& subject, const Json& extra) {
  Delivery s = guest_texts(subject, d.texts, extra).delivery;
  return s == Delivery::Failed || s == Delivery::Refused;
}

}  // namespace

std::string guest_text_line(Language l, const Desk& d, const Uuid& subject, const Json& extra,
                            NoText no_text) {
  GuestTexts g = guest_texts(subject, d.texts, extra);
  std::string line;
  if (!g.type.empty()) {
    const char* type = type_key(g.type);
    line = std::string(tr(l, "txt.sms")) + " " + (type ? tr(l, type) : g.type);
    if (const char* state = delivery_key(g.delivery)) {
      line += colon(l);
      line += tr(l, state);
    }
    if ((g.delivery == Delivery::Failed || g.delivery == Delivery::Refused) && !g.reason.empty())
      line += " (" + reason_text(l, g.reason) + ")";
    if (std::string t = hhmm(d, g.at); !t.empty()) line += " " + t;
  } else if (no_text != NoText::None) {
    line = std::string(tr(l, "txt.cannot")) + colon(l) +
           tr(l, no_text == NoText::NoPhone ? "txt.no_phone" : "txt.no_consent");
  }
  if (!g.reply.empty()) {
    if (!line.empty()) line += " · ";
    line += std::string(tr(l, "txt.reply")) + colon(l) + tr(l, "txt.quote_open") + g.reply +
            tr(l, "txt.quote_close");
  }
  return line;
}

std::string guest_text_line(Language l, const Desk& d, const WaitlistEntry& e) {
  // Why no text can go matters once the party is told its table is ready
  // (Notify); on every waiting row it would only crowd the queue.
  NoText why = e.status == WaitlistStatus::Waiting ? NoText::None : why_no_text(e);
  return guest_text_line(l, d, e.id, e.extra, why);
}

std::string guest_text_line(Language l, const Desk& d, const Reservation& r) {
  // A booking's detail shows texts that happened; "cannot text" on every
  // booking taken by phone would be noise (there is no Notify there).
  return guest_text_line(l, d, r.id, r.extra, NoText::None);
}

std::string no_text_suffix(Language l, const WaitlistEntry& e) {
  NoText why = why_no_text(e);
  if (why == NoText::None) return {};
  return std::string(" — ") + tr(l, "txt.no_sms") + colon(l) +
         tr(l, why == NoText::NoPhone ? "txt.no_phone" : "txt.no_consent");
}

std::string sms_quota_line(Language l, const Desk& d) {
  if (!manager(d) || !d.sms_quota) return {};
  const SmsQuota& q = *d.sms_quota;
  char buf[200];
  std::snprintf(buf, sizeof buf, tr(l, "txt.quota_left"), q.remaining, q.included + q.credits);
  return buf;
}

void draw_guest_texts(const Desk& d, const WaitlistEntry& e) {
  draw_line(guest_text_line(d.locale, d, e), failed_line(d, e.id, e.extra));
}

void draw_guest_texts(const Desk& d, const Reservation& r) {
  draw_line(guest_text_line(d.locale, d, r), failed_line(d, r.id, r.extra));
}

void draw_sms_quota(const Desk& d) {
  std::string line = sms_quota_line(d.locale, d);
  if (line.empty()) return;
  draw_line(line, d.sms_quota->remaining <= 0);
}

}  // namespace foh::ui
