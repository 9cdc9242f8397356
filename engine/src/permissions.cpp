#include "foh/engine/permissions.hpp"

#include <algorithm>

namespace foh {
namespace {

std::vector<std::string> tabs(std::initializer_list<std::string_view> names) {
  return std::vector<std::string>(names.begin(), names.end());
}

}  // namespace

const std::vector<std::string>& all_tabs() {
  static const auto kAll = tabs(
      {tab::kFloor, tab::kReservations, tab::kWaitlist, tab::kEditor, tab::kSettings, tab::kTeam});
  return kAll;
}

const std::vector<std::string>& default_tabs(Role r) {
  static const auto kManager =
      tabs({tab::kFloor, tab::kReservations, tab::kWaitlist, tab::kEditor, tab::kSettings});
  static const auto kServer = tabs({tab::kFloor, tab::kWaitlist});
  switch (r) {
    case Role::Admin:
      return all_tabs();
    case Role::Manager:
      return kManager;
    case Role::Server:
      return kServer;
  }
  return kServer;  // unreachable: every Role is listed above
}

std::vector<std::string> tabs_of(const TeamMember& m) {
  if (!m.is_active) return {};
  return m.allowed_tabs.empty() ? default_tabs(m.role) : m.allowed_tabs;
}

bool may(const TeamMember& m, std::string_view tab) {
  if (!m.is_active) return false;
  const auto& list = m.allowed_tabs.empty() ? default_tabs(m.role) : m.allowed_tabs;
  return std::find(list.begin(), list.end(), tab) != list.end();
}

bool is_sensitive(std::string_view a) {
  return a == action::kCancel || a == action::kUndo || a == action::kEditor ||
         a == action::kLeaveKiosk || a == action::kOptimise || a == action::kOverride ||
         a == action::kFloorNote || a == action::kSections;
}

bool may_authorize(Role r, std::string_view a) {
  return !is_sensitive(a) || r == Role::Manager || r == Role::Admin;
}

bool may_authorize(const TeamMember& m, std::string_view a) {
  return m.is_active && may_authorize(m.role, a);
}

}  // namespace foh
