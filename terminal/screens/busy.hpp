#pragma once
// The busy state of a job the frame does not wait for (app/jobs.hpp, the
// Store's worker): what is being done, for how long, and Cancel. A modal
// over the screen, so no button under it starts a second write while the
// first has not landed.
#include "desk.hpp"

namespace foh::ui {

struct BusyView {
  bool open = false;        // a job is running
  const char* what = "";    // its key in the string table: "busy.login", "busy.saving"…
  int seconds = 0;          // since it started
  bool cancellable = true;  // a write to the local cache is not: it commits or fails by itself
};

struct BusyIntents {
  bool cancel = false;  // stop waiting: the job's late result is dropped
};

void draw_busy(BusyView& v, const Desk& d, BusyIntents& out);

}  // namespace foh::ui
