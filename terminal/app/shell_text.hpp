#pragma once
// The shell's own words: taken from the screens' string table (i18n.hpp) when
// it has the key, else the French/English given here, so a key the table
// lacks never shows up raw on screen.
#include <cstring>

#include "i18n.hpp"

namespace foh::app {

inline const char* text(ui::Language l, const char* key, const char* fr, const char* en) {
  const char* t = ui::tr(l, key);
  if (t != nullptr && std::strcmp(t, key) != 0) return t;
  return l == ui::Language::Fr ? fr : en;
}

}  // namespace foh::app
