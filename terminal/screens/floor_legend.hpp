#pragma once
// The floor's legend, one tap away: a small "?" button on the plan tabs' row
// opens a popup listing each status of the one palette (colour, icon, word),
// what a tile's words mean, and the guest marks. The same tones colour the
// timeline and the reservations list.
#include "i18n.hpp"
#include "widgets/palette.hpp"

namespace foh::ui {

struct LegendView {
  bool open = false;
};

// The button, on the current line (call after SameLine()): the icon, or the
// word "Légende"/"Legend" without the icon font.
void draw_legend_button(LegendView& v, Language l);
// The popup while `v.open`; a tap outside or Close closes it.
void draw_legend_popup(LegendView& v, Language l);
// One status as the legend and the list show it: a chip of its colour with
// its icon, then its word.
void tone_chip(Tone t, Language l, bool with_word = true);

}  // namespace foh::ui
