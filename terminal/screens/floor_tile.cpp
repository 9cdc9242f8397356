// A floor tile's face: icon, name and words, marks, hatching (floor_tile.hpp).
// Per frame and visible table: a few text measures of short strings, no
// lookups beyond the table's status (computed by the canvas).
#include "screens/floor_tile.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "view/tile_text.hpp"
#include "widgets/palette.hpp"
#include "widgets/widgets.hpp"

namespace foh::ui {
namespace {
// Who and the time under the table's name, a little smaller (14 px of 18 at
// scale 1): a fingertip-sized tile then holds all three lines.
constexpr float kTileRestScale = 0.8f;
}  // namespace

void draw_tile_face(ImDrawList* dl, ImVec2 lo, ImVec2 hi, const Table& t, const TableStatus& st,
                    Language l) {
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float w = hi.x - lo.x, h = hi.y - lo.y;
  if (w <= 0 || h <= 0) return;
  auto measure = [&](std::string_view s) {
    return font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
  };
  const ToneStyle& tone = tone_style(tone_of(st));
  const ImU32 ink = packed(tone.text);
  const float line_h = size;  // no extra leading: the tile is small
  std::vector<std::string> lines =
      fit_tile(tile_lines(t, st, l), w, h, line_h, measure, kTileRestScale);
  // The status icon before the table's name, where both fit.
  char icon[5];
  utf8(tone.icon, icon);
  const bool iconic = has_icon(tone.icon);
  const float icon_w = iconic ? measure(icon) : 0.0f, gap = size * 0.15f;
  const float block = lines.empty() ? 0.0f : line_h * (1 + (lines.size() - 1) * kTileRestScale);
  float y = (lo.y + hi.y) / 2 - block / 2;
  for (size_t i = 0; i < lines.size(); ++i) {
    const float k = i == 0 ? 1.0f : kTileRestScale;
    const float tw = measure(lines[i]) * k;
    // The icon at full size, else smaller (a small round table), else none.
    float ik = 0.0f;
    if (i == 0 && iconic && tw + gap + icon_w <= w)
      ik = 1.0f;
    else if (i == 0 && iconic && tw + gap + icon_w * kTileRestScale <= w)
      ik = kTileRestScale;
    const float iw = (ik > 0 ? gap : 0.0f) + icon_w * ik;
    float x = (lo.x + hi.x) / 2 - (tw + iw) / 2;
    if (ik > 0) {
      dl->AddText(font, size * ik, ImVec2(x, y + line_h * (1 - ik) / 2), ink, icon);
      x += iw;
    }
    dl->AddText(font, size * k, ImVec2(x, y), ink, lines[i].c_str());
    const std::string id = "tile_" + t.name + "_" + std::to_string(i);
    record_rect(id.c_str(), x - iw, y, x + tw, y + line_h * k);
    y += line_h * k;
  }
  // Not even the name fits (zoomed far out): the icon alone, if it does.
  if (lines.empty() && iconic && icon_w <= w && line_h <= h)
    dl->AddText(font, size, ImVec2((lo.x + hi.x - icon_w) / 2, (lo.y + hi.y - line_h) / 2), ink,
                icon);
}

void draw_tile_marks(ImDrawList* dl, ImVec2 box_min, ImVec2 box_max, const TableStatus& st) {
  struct Disc {
    Rgb fill, ink;
    char32_t icon;
    const char* fallback;  // without the icon font
  };
  Disc discs[3];
  int n = 0;
  if (st.allergy) {
    const MarkStyle& m = mark_style(Mark::Allergy);
    discs[n++] = {m.disc, m.icon_colour, m.icon, "!"};
  }
  if (st.vip) {
    const MarkStyle& m = mark_style(Mark::Vip);
    discs[n++] = {m.disc, m.icon_colour, m.icon, "*"};
  }
  if (st.next_late && st.state != TableState::Held) {  // occupied, and the next party is late
    const ToneStyle& late = tone_style(Tone::Late);
    discs[n++] = {late.fill, late.text, late.icon, "!"};
  }
  if (n == 0) return;
  ImFont* font = ImGui::GetFont();
  const float r = em(0.6f), isize = em(0.9f);
  const float span = box_max.x - box_min.x;
  // A disc's centre on the box's top edge; more marks step left, never past its middle.
  const float step = std::min(2.1f * r, std::max(r, span / 2 / std::max(1, n - 1)));
  for (int i = 0; i < n; ++i) {
    ImVec2 c(box_max.x - r * 0.4f - i * step, box_min.y + r * 0.4f);
    dl->AddCircleFilled(c, r, packed(discs[i].fill));
    dl->AddCircle(c, r, IM_COL32(30, 30, 30, 255), 0, 1.0f);
    char buf[5];
    const char* s = has_icon(discs[i].icon) ? utf8(discs[i].icon, buf) : discs[i].fallback;
    const ImVec2 ts = font->CalcTextSizeA(isize, FLT_MAX, 0, s);
    dl->AddText(font, isize, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), packed(discs[i].ink), s);
  }
}

void hatch_convex(ImDrawList* dl, const ImVec2* pts, int n, float spacing, ImU32 col) {
  if (n < 3 || spacing <= 0) return;
  // Lines x + y = c across the polygon: each one's entry and exit on its edges.
  float cmin = FLT_MAX, cmax = -FLT_MAX;
  for (int i = 0; i < n; ++i)
    cmin = std::min(cmin, pts[i].x + pts[i].y), cmax = std::max(cmax, pts[i].x + pts[i].y);
  for (float c = cmin + spacing / 2; c < cmax; c += spacing) {
    ImVec2 hit[2];
    int k = 0;
    for (int i = 0; i < n && k < 2; ++i) {
      const ImVec2 a = pts[i], b = pts[(i + 1) % n];
      const float fa = a.x + a.y - c, fb = b.x + b.y - c;
      if ((fa < 0) == (fb < 0) || fa == fb) continue;
      const float u = fa / (fa - fb);
      hit[k++] = ImVec2(a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u);
    }
    if (k == 2) dl->AddLine(hit[0], hit[1], col, 1.5f);
  }
}

}  // namespace foh::ui
