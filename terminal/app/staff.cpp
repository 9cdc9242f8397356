// The staff side of a frame: login, then the role's tabs over the screens,
// the status bar, and the manager PIN popup for sensitive actions.
#include <imgui.h>

#include "app/app.hpp"
#include "foh/platform/item_registry.hpp"
#include "foh/platform/platform.hpp"
#include "i18n.hpp"
#include "screens/manager_pin.hpp"
#include "widgets/widgets.hpp"

namespace foh::app {

namespace {

const char* tab_label(ui::Language l, Tab t) {
  switch (t) {
    case Tab::Floor:
      return ui::tr(l, "tab.floor");
    case Tab::Seat:
      return ui::tr(l, "tab.seat");
    case Tab::Reservations:
      return ui::tr(l, "tab.reservations");
    case Tab::Waitlist:
      return ui::tr(l, "tab.waitlist");
    case Tab::Shift:
      return ui::tr(l, "tab.shift");
    case Tab::Editor:
      return ui::tr(l, "tab.editor");
  }
  return "";
}

// Seating and the waitlist serve the service under way, not another day:
// on a later day they offer the way back. True when tapped.
bool today_only(ui::Language l) {
  ImGui::TextWrapped("%s", ui::tr(l, "day.today_only"));
  const std::string back = std::string(ui::tr(l, "day.today")) + "###today_only_back";
  return ui::touch_button(back.c_str(), 12.0f);
}

}  // namespace

void App::draw_tabs() {
  if (!ui::begin_touch_tabs("tabs")) return;
  for (Tab t : kTabs) {
    if (!session_.may(t)) continue;
    std::string title = tab_label(desk_.locale, t);
    if (t == Tab::Waitlist) title = ui::waitlist_tab_title(desk_.locale, desk_, title.c_str());
    const std::string label = title + "###tab_" + tab_name(t);
    const std::string id = std::string("tab_") + tab_name(t);
    if (ui::touch_tab(label.c_str(), id.c_str(), screens_.switch_to == t)) {
      screens_.tab = t;
      ImGui::EndTabItem();
    }
  }
  screens_.switch_to.reset();
  ui::end_touch_tabs();
}

void App::draw_staff(platform::Platform& /*p*/) {
  const float bar = ui::status_bar_height(desk_);  // pixels: one or two rows
  ImGui::BeginChild("content", ImVec2(0, -bar), false, ImGuiWindowFlags_NoScrollbar);
  if (!session_) {
    ui::LoginIntents in;
    ui::draw_login(screens_.login, desk_, in);
    ImGui::EndChild();
    apply(in);
  } else {
    if (!session_.may(
            screens_.tab)) {  // the role lost this tab, or first login: the first allowed one
      for (Tab t : kTabs)
        if (session_.may(t)) {
          screens_.tab = t;
          screens_.switch_to = t;
          break;
        }
    }
    draw_tabs();
    draw_screen();
  }
  ui::StatusBarIntents bar_in;
  ui::draw_status_bar(screens_.status, desk_, bar_in);
  apply(bar_in);
  ui::SetAsideIntents set_aside_in;
  ui::draw_set_aside(screens_.set_aside, desk_, set_aside_in);
  apply(set_aside_in);
  if (pending_) draw_manager_pin();
}

// The open tab's screen: drawn, the content child ended, its intents applied.
void App::draw_screen() {
  if ((screens_.tab == Tab::Seat || screens_.tab == Tab::Waitlist) && !desk_.shows_today()) {
    const bool back = today_only(desk_.locale);
    ImGui::EndChild();
    ui::StatusBarIntents to_today;
    if (back) to_today.show_date = desk_.today;
    return apply(to_today);
  }
  switch (screens_.tab) {
    case Tab::Floor: {
      ui::FloorIntents in;
      ui::draw_floor(screens_.floor, desk_, in);
      ImGui::EndChild();
      return apply(in);
    }
    case Tab::Seat: {
      ui::SeatIntents in;
      ui::draw_seat(screens_.seat, desk_, in);
      ImGui::EndChild();
      return apply(in);
    }
    case Tab::Reservations: {
      ui::ReservationsIntents in;
      ui::draw_reservations(screens_.reservations, desk_, in);
      ImGui::EndChild();
      return apply(in);
    }
    case Tab::Waitlist: {
      ui::WaitlistIntents in;
      ui::draw_waitlist(screens_.waitlist, desk_, in);
      ImGui::EndChild();
      return apply(in);
    }
    case Tab::Shift: {
      ui::ShiftIntents in;
      ui::draw_shift(screens_.shift, desk_, in);
      ImGui::EndChild();
      return apply(in);
    }
    case Tab::Editor: {
      ui::EditorIntents in;
      ui::draw_editor(screens_.editor, desk_, in);
      ImGui::EndChild();
      return apply(in);
    }
  }
}

// A server's sensitive action waits here for a manager's (or admin's) PIN
// (screens/manager_pin): checked off the frame, one check per tap.
void App::draw_manager_pin() {
  PendingAction& a = *pending_;
  const bool checking = services_->jobs->running(JobKind::ManagerPin);
  ui::ManagerPinView v{a.manager_id, a.pin, a.message, checking, a.approved};
  ui::ManagerPinIntents in;
  ui::draw_manager_pin(v, desk_, in);
  a.manager_id = v.manager_id;
  a.pin = v.pin;
  bool done = a.approved;
  if (in.check && a.manager_id) {
    check_pin(JobKind::ManagerPin, *a.manager_id, a.pin,
              [this](Result<net::Session> s) { manager_checked(std::move(s)); });
    a.pin.clear();
  }
  if (in.cancel) {
    if (auto job = services_->jobs->current(Lane::Checks); job && checking)
      services_->jobs->cancel(job->id);
    done = true;
  }
  if (done) pending_.reset();
}

}  // namespace foh::app
