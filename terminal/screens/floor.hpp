#pragma once
// The live floor: one tab per floor plan, zones as coloured areas, tables by
// shape/size/rotation with chairs on their chair sides, coloured by state;
// tap a table for who is there, next reservations and actions; a long-press
// opens its actions at the finger. Pinch/wheel zoom and pan.
#include <optional>
#include <string>
#include <vector>

#include "desk.hpp"
#include "screens/commands.hpp"
#include "screens/floor_join.hpp"
#include "screens/floor_legend.hpp"
#include "screens/floor_sections.hpp"

namespace foh::ui {

// Camera of one floor plan: plan units -> screen pixels = (p - pan) * zoom * em-scale.
struct FloorCamera {
  float zoom = 1.0f;           // 1 = fit-to-width default
  float pan_x = 0, pan_y = 0;  // plan units at the top-left corner
};

// Tables to highlight on the floor (the seat screen's suggestion and alternatives).
struct FloorHighlight {
  std::vector<Uuid> suggested;                  // drawn thick, linked when a combination
  std::vector<std::vector<Uuid>> alternatives;  // drawn dashed; tapping one picks it
  std::string reason;                           // one line under the floor
};

struct FloorView {
  std::optional<Uuid> floor_plan_id;                  // current tab (first plan when empty)
  std::vector<std::pair<Uuid, FloorCamera>> cameras;  // per plan
  std::optional<Uuid> selected_table;
  bool dragging = false;              // mouse drag pans
  bool long_pressed = false;          // the press under way was a long-press: its release is no tap
  std::optional<Uuid> actions_table;  // a long-press opened this table's actions
  float actions_x = 0, actions_y = 0;  // where (screen pixels), the menu opens there
  int walk_in_party = 2;               // the "seat walk-in" stepper in the table panel
  LegendView legend;                   // the "?" popup: statuses, tile words, marks
  FloorDayView day;                    // the day's note, join mode (screens/floor_join)
  FloorSectionsView sections;          // servers' sections (screens/floor_sections)
};

struct FloorIntents {
  std::optional<Uuid> select_table;
  std::optional<SeatCommand> seat_walk_in;           // walk-in at the selected table
  std::optional<Uuid> complete_reservation;          // clear the table
  std::optional<std::pair<Uuid, bool>> block_table;  // table, blocked today (true) or unblocked
  std::optional<Uuid> open_seat_for_reservation;     // go to the seat screen with it
  std::optional<int> picked_alternative;             // index into FloorHighlight::alternatives
  std::optional<Uuid> tapped_table;                  // any tap on a table (seat screen uses it)
  FloorDayIntents day;                               // join, split, undo, the day's note
  FloorSectionsIntents sections;                     // a table given to a server or taken back
};

// Draws only the canvas (zones, tables, highlight) in the current child region.
void draw_floor_canvas(FloorView& v, const Desk& d, const FloorHighlight* hl, FloorIntents& out);
// The whole floor screen: plan tabs, canvas, the selected table's panel, floor notes.
void draw_floor(FloorView& v, const Desk& d, FloorIntents& out);

}  // namespace foh::ui
