#pragma once
// The busy state of a job the frame does not wait for (app/jobs.hpp): what
// is being done, for how long, and Cancel. A modal over the screen, so no
// button under it starts a second write while the first has not landed.
#include "i18n.hpp"

namespace foh::app {

struct BusyView {
  bool open = false;      // a job is running
  const char* what = "";  // "Checking the PIN…"
  int seconds = 0;        // since it started
  bool cancellable = true;  // a write to the local cache is not: it commits or fails by itself
};

// True when Cancel was tapped.
bool draw_busy(const BusyView& v, ui::Locale l);

}  // namespace foh::app
