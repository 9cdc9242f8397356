#pragma once
// The UI font: a TTF from Debian's font packages, found at runtime from the
// candidate list in assets/fonts.txt, with the glyphs French names need.
#include <string>
#include <vector>

#include "foh/engine/result.hpp"

namespace foh::platform {

// Candidate font files, in order: the non-comment lines of `list_file`
// (assets/fonts.txt); when that file cannot be read, the built-in list
// (Noto Sans, then DejaVu Sans, from fonts-noto-core / fonts-dejavu-core).
std::vector<std::string> font_candidates(const std::string& list_file);

// The first candidate that exists, or an Error that names every path tried
// and the Debian packages that provide them.
Result<std::string> find_font(const std::vector<std::string>& candidates);

// Glyph ranges: Basic Latin, Latin-1, Latin Extended-A (U+0020-U+017F) and the
// typographic signs a restaurant prints (en/em dash, quotes, ellipsis, euro,
// bullet, arrows). Zero-terminated pairs, as ImGui wants.
const unsigned short* glyph_ranges();

// The status icons' font: Material Icons, from Debian's
// fonts-material-design-icons-iconfont.
inline constexpr const char* kIconFont =
    "/usr/share/fonts/truetype/material-design-icons-iconfont/MaterialIcons-Regular.ttf";
// The icons the terminal draws (terminal/widgets/palette.*), as glyph ranges:
// only those are rasterised, not the font's two thousand.
const unsigned short* icon_ranges();
// Whether `icon_font` can be merged: ok, or an Error naming the missing file
// and its Debian package (the terminal starts anyway; statuses then show by
// their words and patterns, without icons).
Status icon_font_status(const std::string& icon_font = kIconFont);

// Replaces the ImGui font atlas with `path` at `pixel_size`; the glyphs of
// glyph_ranges() it lacks (Noto Sans has no arrows) are merged from
// `fallbacks`, first found first, skipping any that is missing; then the
// icons of icon_ranges() from `icon_font` when it is there (a missing icon
// font is no error: see icon_font_status). Needs a current ImGui context; the
// renderer must rebuild its font texture afterwards.
Status load_font(const std::string& path, float pixel_size,
                 const std::vector<std::string>& fallbacks = {},
                 const std::string& icon_font = kIconFont);

}  // namespace foh::platform
