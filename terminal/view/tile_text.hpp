#pragma once
// What a floor tile says, and how much of it fits. A tile speaks in lines,
// most important first: the table's name; then for a seated party its short
// name and covers and "elapsed/turn'" minutes; for a table held for a late
// party "Late 12'" and who; for a free table its next arrival ("19:45 Dvořák
// 4") or its seats ("2-4"); "Blocked" for a table out of use. A guest's name
// shortens to fit (whole, first word, cut with an ellipsis, left out); lines
// that do not fit the tile's height are left out from the last. Pure: the
// width of a text comes from the caller (the canvas measures with its font).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n.hpp"
#include "view/table_state.hpp"

namespace foh::ui {

// One line: `before` and `after` stay whole, `name` may shorten or go.
struct TileLine {
  std::string before, name, after;
};

using MeasureText = std::function<float(std::string_view)>;

// The lines of `t`'s tile in `st`, most important first (not yet fitted).
std::vector<TileLine> tile_lines(const Table& t, const TableStatus& st, Language l);

// The text of `line` that fits `width`, its name as long as fits; empty when
// not even `before` and `after` fit.
std::string fit_line(const TileLine& line, float width, const MeasureText& measure);

// The lines that fit a box `width` x `height` with `line_height` per line:
// the first lines that fit whole; stops at the first that does not. Lines
// after the first are drawn `rest_scale` times as large (their height and
// width scale with it), so a small tile keeps its name, who and the time.
std::vector<std::string> fit_tile(const std::vector<TileLine>& lines, float width, float height,
                                  float line_height, const MeasureText& measure,
                                  float rest_scale = 1.0f);

}  // namespace foh::ui
