#pragma once
// Rows set aside: the rows of the backend the terminal cannot read (a time
// "24:00", a created_at "-infinity", a BC date, a wrong type), each with its
// table, id, reason and when it was last met. A diagnostics view for
// managers and admins; servers never see it.
#include "desk.hpp"

namespace foh::ui {

struct SetAsideView {
  bool open = false;  // the status bar's notice was tapped
};

struct SetAsideIntents {
  bool close = false;
};

// Managers and admins see the notice and the view.
bool sees_set_aside(const Desk& d);
// "1 ligne mise de côté" / "3 rows set aside".
std::string set_aside_notice(Language l, size_t rows);
// The modal list; draws nothing unless v.open and the member may see it.
void draw_set_aside(SetAsideView& v, const Desk& d, SetAsideIntents& out);

}  // namespace foh::ui
