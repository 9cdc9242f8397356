#pragma once
// What a team member may see and do. Tabs: the role's defaults unless the
// member's allowed_tabs overrides them. Sensitive actions need a Manager or an
// Admin (the terminal asks for such a member's PIN before doing them).
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/model.hpp"

namespace foh {

namespace tab {
inline constexpr std::string_view kFloor = "floor";
inline constexpr std::string_view kReservations = "reservations";
inline constexpr std::string_view kWaitlist = "waitlist";
inline constexpr std::string_view kEditor = "editor";
inline constexpr std::string_view kSettings = "settings";
inline constexpr std::string_view kTeam = "team";
}  // namespace tab

namespace action {
inline constexpr std::string_view kCancel = "cancel";
inline constexpr std::string_view kUndo = "undo";
inline constexpr std::string_view kEditor = "editor";
inline constexpr std::string_view kLeaveKiosk = "leave_kiosk";
inline constexpr std::string_view kOptimise = "optimise";  // re-plan the whole day at once
// Book or edit what the engine refuses (no service, outside hours, pacing).
inline constexpr std::string_view kOverride = "override_refusal";
// Write the day's floor note (daily_floor_notes; the database agrees: 027).
inline constexpr std::string_view kFloorNote = "floor_note";
// Give tables to servers (server_sections; the database agrees: 026).
inline constexpr std::string_view kSections = "sections";
}  // namespace action

// Every tab (what an Admin sees by default).
const std::vector<std::string>& all_tabs();
// Admin: all; Manager: floor, reservations, waitlist, editor, settings; Server: floor, waitlist.
const std::vector<std::string>& default_tabs(Role r);
// allowed_tabs when non-empty, else the role's defaults; nothing when inactive.
std::vector<std::string> tabs_of(const TeamMember& m);
bool may(const TeamMember& m, std::string_view tab);

// cancel, undo, editor, leave_kiosk, optimise, override_refusal, floor_note, sections.
bool is_sensitive(std::string_view action);
// Manager and Admin may authorise a sensitive action; anyone active may do the others.
bool may_authorize(Role r, std::string_view action);
bool may_authorize(const TeamMember& m, std::string_view action);

}  // namespace foh
