#include "foh/platform/fonts.hpp"

#include <imgui.h>

#include <array>
#include <fstream>

namespace foh::platform {

namespace {
const std::vector<std::string> kBuiltInFonts = {
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",  // fonts-noto-core
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",      // fonts-dejavu-core
};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// TrueType / OpenType signatures: ImGui's rasteriser would crash on anything else.
bool looks_like_font(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 4> magic{};
  if (!in.read(magic.data(), magic.size())) return false;
  const std::string m(magic.data(), magic.size());
  return m == std::string("\x00\x01\x00\x00", 4) || m == "OTTO" || m == "true";
}
}  // namespace

std::vector<std::string> font_candidates(const std::string& list_file) {
  std::ifstream in(list_file);
  if (!in) return kBuiltInFonts;
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    line = trim(line);
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out.empty() ? kBuiltInFonts : out;
}

Result<std::string> find_font(const std::vector<std::string>& candidates) {
  std::string tried;
  for (const auto& path : candidates) {
    if (looks_like_font(path)) return path;
    tried += (tried.empty() ? "" : ", ") + path;
  }
  return Error{"fonts", "no usable TrueType font found (tried: " + tried +
                            "); install fonts-noto-core or fonts-dejavu-core "
                            "(apt-get install fonts-noto-core fonts-dejavu-core)"};
}

const unsigned short* glyph_ranges() {
  static const unsigned short kRanges[] = {
      0x0020, 0x017F,  // Basic Latin, Latin-1 Supplement, Latin Extended-A
      0x2013, 0x2014,  // en and em dash
      0x2018, 0x201E,  // typographic quotes
      0x2022, 0x2022,  // bullet
      0x2026, 0x2026,  // ellipsis
      0x20AC, 0x20AC,  // euro sign
      0x2190, 0x2193,  // arrows
      0x2212, 0x2212,  // minus sign
      0,
  };
  return kRanges;
}

const unsigned short* icon_ranges() {
  // One pair per icon; keep in step with terminal/widgets/palette.* (test_palette checks).
  static const unsigned short kRanges[] = {
      0xE14B, 0xE14B,  // block
      0xE536, 0xE536,  // directions_walk
      0xE56C, 0xE56C,  // restaurant
      0xE5C9, 0xE5C9,  // cancel
      0xE838, 0xE838,  // star
      0xE855, 0xE855,  // alarm
      0xE86C, 0xE86C,  // check_circle
      0xE876, 0xE876,  // done
      0xE878, 0xE878,  // event
      0xE8FD, 0xE8FD,  // help_outline
      0xEA5C, 0xEA5C,  // hourglass_bottom
      0xEF64, 0xEF64,  // pending
      0xF1D6, 0xF1D6,  // no_meals
      0,
  };
  return kRanges;
}

Status icon_font_status(const std::string& icon_font) {
  if (looks_like_font(icon_font)) return ok();
  return Error{icon_font,
               "status icons font missing; statuses show without icons "
               "(apt-get install fonts-material-design-icons-iconfont)"};
}

Status load_font(const std::string& path, float pixel_size,
                 const std::vector<std::string>& fallbacks, const std::string& icon_font) {
  if (!looks_like_font(path)) return Error{path, "not a readable TrueType/OpenType font"};
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  if (io.Fonts->AddFontFromFileTTF(path.c_str(), pixel_size, &cfg, glyph_ranges()) == nullptr)
    return Error{path, "ImGui could not load the font"};
  cfg.MergeMode = true;  // ImGui keeps the glyphs already loaded, adds only the missing ones
  for (const auto& extra : fallbacks)
    if (extra != path && looks_like_font(extra))
      io.Fonts->AddFontFromFileTTF(extra.c_str(), pixel_size, &cfg, glyph_ranges());
  if (looks_like_font(icon_font)) {
    // Icons sit on the text's baseline like a capital letter, one em wide.
    ImFontConfig icons = cfg;
    icons.GlyphMinAdvanceX = pixel_size;
    icons.GlyphOffset.y = pixel_size * 0.18f;
    io.Fonts->AddFontFromFileTTF(icon_font.c_str(), pixel_size, &icons, icon_ranges());
  }
  if (!io.Fonts->Build()) return Error{path, "ImGui could not build the font atlas"};
  return ok();
}

}  // namespace foh::platform
