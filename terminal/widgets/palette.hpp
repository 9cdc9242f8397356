#pragma once
// The one palette: what a colour means, the same on the floor, the timeline
// and the reservations list. Every status is a tone: a fill, the text drawn
// on it (>= 4.5:1 WCAG contrast), an icon (Material Icons font) and a word,
// so status is never colour alone. The tones stay apart under deuteranopia
// and protanopia (tests/terminal/test_palette.cpp checks both rules).
// A tile or bar picks its tone; nothing else chooses a status colour.
#include <array>
#include <cstdint>
#include <string_view>

#include "foh/engine/model.hpp"
#include "i18n.hpp"

namespace foh::ui {

struct Rgb {
  uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

enum class Tone {
  Free,     // a table nobody holds now (floor only)
  Booked,   // a confirmed booking to come; on the floor, its table soon
  Pending,  // a booking not confirmed yet
  Arrived,  // the party is here, not at a table yet
  Late,     // past its time and not here: its table is held for it
  Seated,   // at the table within its expected turn
  Overdue,  // at the table past its expected turn
  Done,     // completed
  Blocked,  // a table out of use today (drawn hatched as well)
  Void,     // cancelled or no-show
};
inline constexpr int kToneCount = 10;
inline constexpr std::array<Tone, kToneCount> kAllTones = {
    Tone::Free,   Tone::Booked,  Tone::Pending, Tone::Arrived, Tone::Late,
    Tone::Seated, Tone::Overdue, Tone::Done,    Tone::Blocked, Tone::Void};

struct ToneStyle {
  Rgb fill;              // the tile or bar
  Rgb text;              // text and icon drawn on the fill
  char32_t icon;         // Material Icons code point
  const char* word_key;  // i18n key of the word ("tone.free")
};

const ToneStyle& tone_style(Tone t);
// A reservation's tone by its status; `late` (past its time, not here) turns
// a pending/confirmed booking Late, `over_turn` a seated one Overdue.
Tone tone_of(ReservationStatus s, bool late = false, bool over_turn = false);

// Guest marks on a seated tile and the customer card: icon on a disc.
enum class Mark { Allergy, Vip };
struct MarkStyle {
  Rgb disc, icon_colour;
  char32_t icon;
  const char* word_key;  // "mark.allergy"
};
const MarkStyle& mark_style(Mark m);

// Section rings (one colour per server), distinct from one another; index wraps.
Rgb section_colour(int index);
inline constexpr int kSectionColours = 8;

// Icons drawn elsewhere on the floor.
inline constexpr char32_t kIconLegend = 0xE8FD;  // help_outline

// ImGui packed colour (IM_COL32 layout: 0xAABBGGRR).
inline uint32_t packed(Rgb c, uint8_t alpha = 255) {
  return (uint32_t{alpha} << 24) | (uint32_t{c.b} << 16) | (uint32_t{c.g} << 8) | c.r;
}

// UTF-8 of one code point; `out` holds at least 5 bytes, NUL-terminated.
const char* utf8(char32_t cp, char* out);
// True when the current ImGui font has the icon (the Material Icons font was
// merged into the atlas, platform/src/fonts.cpp); without it icons are not
// drawn and the words and patterns carry the status.
bool has_icon(char32_t cp);

}  // namespace foh::ui
