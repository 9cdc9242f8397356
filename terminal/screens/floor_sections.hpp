#pragma once
// Server sections on the floor (issue 13 item 3): each table's server as
// initials in a ring of the server's colour (one colour per server), the
// covers per server (seated now / this service) in a strip under the plan
// tabs, the logged-in server's own section highlighted, and a Manager's
// "sections" mode: pick a server, tap tables to give them (a table already
// theirs is taken back). One write per tap, for the service under way.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "desk.hpp"
#include "foh/engine/sections.hpp"

struct ImDrawList;

namespace foh::ui {

// One server of the service as the floor shows them.
struct SectionServer {
  Uuid id;
  std::string name, initials;
  int colour = 0;  // palette index (section_colour): stable for the service
  ServerCovers covers;
};

// The service's sections, computed again when the desk's data or minute
// changes (not every frame: 300 tables look their server up each frame).
struct SectionsNow {
  uint64_t revision = 0;
  int64_t minute = -1;
  const DayBook* day = nullptr;
  std::optional<Uuid> service_id;                 // the service shown (none: open all day)
  std::vector<SectionServer> servers;             // who may hold a section, venue order
  std::unordered_map<Uuid, int> server_of_table;  // table -> index in servers
};

struct FloorSectionsView {
  bool editing = false;        // sections mode: a tap gives or takes a table
  std::optional<Uuid> server;  // the server taps give tables to (none: taps take back)
  SectionsNow now;
};

// A Manager's tap: the table's server for the service (none: taken back).
struct SectionSet {
  Uuid table_id;
  std::optional<Uuid> service_id;
  std::optional<Uuid> team_member_id;
};

struct FloorSectionsIntents {
  std::optional<SectionSet> set;
};

// The service the floor's sections are for: the one open at the desk's time
// on the shown day, else the next that day, else its last; none when the
// restaurant has no services.
std::optional<Uuid> sections_service(const Desk& d);
// Brings v.now up to date with the desk (cheap when nothing changed).
const SectionsNow& sections_now(FloorSectionsView& v, const Desk& d);
// Managers and Admins give sections (permissions' kSections).
bool may_give_sections(const Desk& d);

// The covers strip (and the Sections button for a Manager), or the sections
// mode's server picker; draws nothing when the service has no sections and
// the member may not give them.
void draw_sections_bar(FloorSectionsView& v, const Desk& d, FloorSectionsIntents& out);
// A table tapped on the floor: in sections mode it is given or taken back
// (true: the tap is used, the table does not open).
bool sections_tap(FloorSectionsView& v, const Desk& d, const Uuid& table_id,
                  FloorSectionsIntents& out);
// The canvas hook: table `t`'s server ring and initials around its screen
// bounds (x0, y0)-(x1, y1); the logged-in server's tables stand out.
void draw_section_mark(ImDrawList* dl, FloorSectionsView& v, const Desk& d, const Table& t,
                       float x0, float y0, float x1, float y1);

}  // namespace foh::ui
