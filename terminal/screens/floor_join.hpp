#pragma once
// The floor's changes of the day (issue 13 item 5): the day's note (a banner;
// Managers edit it), and a host's join of two free adjacent tables for the
// day (a "join" mode: tap two tables, confirm), split again from the table's
// panel, with undo. The checks are the engine's (day_join.hpp); net's Store
// checks again before writing.
#include <optional>
#include <string>
#include <vector>

#include "desk.hpp"

namespace foh::ui {

// Keys of the writes the bar starts (Desk::writing): its button stays
// disabled until the write lands.
inline constexpr const char* kWriteDayJoin = "write.day_join";  // join, split, undo
inline constexpr const char* kWriteDayNote = "write.day_note";

// The last join or split made here, for its undo.
struct DayUndo {
  bool joined = true;  // true: a join (undo splits); false: a split (undo joins again)
  Uuid a, b;           // the pair's tables
};

// The note a Manager saved: the one shown (its id and plan), or a new note
// for the whole floor (no id, no plan).
struct NoteSave {
  std::optional<Uuid> id;
  std::optional<Uuid> floor_plan_id;
  std::string note;
};

struct FloorDayView {
  bool joining = false;         // join mode: a tap picks a table instead of opening it
  std::optional<Uuid> first;    // the first table picked
  std::optional<Uuid> second;   // the second: the pair waits for Confirm
  std::string refusal;          // why the picked pair cannot be joined (the engine's)
  bool editing_note = false;    // a Manager is writing the note
  std::string note;             // the note being written
  std::optional<DayUndo> undo;  // the last join or split made on this terminal
};

struct FloorDayIntents {
  std::optional<std::pair<Uuid, Uuid>> join;  // confirmed: join these tables today
  std::optional<Uuid> split;                  // split the join of this table today
  std::optional<DayUndo> undo;                // undo this join or split
  std::optional<NoteSave> save_note;          // the day's floor note, as written
};

// The note banner and the join bar, under the plan tabs. `floor_plan_id`: the
// shown plan (its notes, and notes for every plan).
void draw_floor_day_bar(FloorDayView& v, const Desk& d, const std::optional<Uuid>& floor_plan_id,
                        FloorDayIntents& out);
// A table tapped in join mode: picked first or second; the pair checked.
void floor_join_pick(FloorDayView& v, const Desk& d, const Uuid& table_id);
// The table's "split" action when it is joined today (the table panel).
void draw_split_action(const Desk& d, const Table& t, FloorDayIntents& out);
// The tables picked in join mode (drawn highlighted on the canvas).
std::vector<Uuid> join_picked(const FloorDayView& v);

}  // namespace foh::ui
