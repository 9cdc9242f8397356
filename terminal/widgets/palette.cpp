// The palette's values. Chosen so that (test_palette.cpp): text on every fill
// is >= 4.5:1 (dark text on the light fills, white on the dark ones), and
// every two tones differ by CIE76 dE >= 10 in normal vision and under
// Machado 2009 deuteranopia/protanopia (severity 1): the light fills and the
// dark ones also differ in lightness, which both deficiencies keep. Hues keep
// their usual restaurant meaning: green free, amber booked, blue seated,
// red over time, grey done or out of use.
#include "widgets/palette.hpp"

namespace foh::ui {
namespace {

constexpr Rgb kDark{20, 20, 20};
constexpr Rgb kWhite{255, 255, 255};

// Material Icons code points (fonts-material-design-icons-iconfont, codepoints file).
constexpr ToneStyle kTones[kToneCount] = {
    {{0xA5, 0xD6, 0xA7}, kDark, 0xE86C, "tone.free"},      // check_circle
    {{0xFF, 0xB3, 0x00}, kDark, 0xE878, "tone.booked"},    // event
    {{0xFF, 0xF5, 0x9D}, kDark, 0xEF64, "tone.pending"},   // pending
    {{0x4F, 0xC3, 0xF7}, kDark, 0xE536, "tone.arrived"},   // directions_walk
    {{0xC2, 0x18, 0x5B}, kWhite, 0xEA5C, "tone.late"},     // hourglass_bottom
    {{0x28, 0x35, 0x93}, kWhite, 0xE56C, "tone.seated"},   // restaurant
    {{0xB7, 0x1C, 0x1C}, kWhite, 0xE855, "tone.overdue"},  // alarm
    {{0xBD, 0xBD, 0xBD}, kDark, 0xE876, "tone.done"},      // done
    {{0x3C, 0x3C, 0x3C}, kWhite, 0xE14B, "tone.blocked"},  // block
    {{0xE8, 0xD8, 0xF8}, kDark, 0xE5C9, "tone.void"},      // cancel
};

constexpr MarkStyle kMarks[] = {
    {kWhite, {0xB7, 0x1C, 0x1C}, 0xF1D6, "mark.allergy"},  // no_meals, red on white 6.6:1
    {kWhite, kDark, 0xE838, "mark.vip"},                   // star
};

// Okabe & Ito's colour-blind-safe set, then white: rings on the dark canvas.
constexpr Rgb kSections[kSectionColours] = {
    {0xE6, 0x9F, 0x00}, {0x56, 0xB4, 0xE9}, {0x00, 0x9E, 0x73}, {0xF0, 0xE4, 0x42},
    {0x00, 0x72, 0xB2}, {0xD5, 0x5E, 0x00}, {0xCC, 0x79, 0xA7}, {0xFF, 0xFF, 0xFF},
};

}  // namespace

const ToneStyle& tone_style(Tone t) { return kTones[static_cast<int>(t)]; }

Tone tone_of(ReservationStatus s, bool late, bool over_turn) {
  switch (s) {
    case ReservationStatus::Pending:
      return late ? Tone::Late : Tone::Pending;
    case ReservationStatus::Confirmed:
      return late ? Tone::Late : Tone::Booked;
    case ReservationStatus::Arrived:
      return Tone::Arrived;
    case ReservationStatus::Seated:
      return over_turn ? Tone::Overdue : Tone::Seated;
    case ReservationStatus::Completed:
      return Tone::Done;
    case ReservationStatus::Cancelled:
    case ReservationStatus::NoShow:
      return Tone::Void;
  }
  return Tone::Booked;
}

const MarkStyle& mark_style(Mark m) { return kMarks[static_cast<int>(m)]; }

Rgb section_colour(int index) {
  const int n = kSectionColours;
  return kSections[((index % n) + n) % n];
}

const char* utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp), out[1] = 0;
  } else if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F)), out[2] = 0;
  } else if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F)), out[3] = 0;
  } else {
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F)), out[4] = 0;
  }
  return out;
}

}  // namespace foh::ui
