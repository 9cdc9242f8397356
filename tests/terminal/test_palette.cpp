// The one palette (issue 13, item 1): text on every tile colour is readable
// (WCAG 2.x contrast >= 4.5:1) and every two statuses stay apart for the
// commonest colour-vision deficiencies: colours simulated with Machado,
// Oliveira & Fernandes (2009) at severity 1.0 for deuteranopia and protanopia,
// compared in CIELAB (D65) with CIE76 dE >= 10 (and in normal vision too).
// The formulas are written here from their sources, apart from the palette,
// so the test does not check the palette with its own arithmetic.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>

#include "fixture.hpp"
#include "foh/platform/fonts.hpp"
#include "i18n.hpp"
#include "widgets/palette.hpp"

using namespace foh;
using namespace foh::ui;

namespace {

constexpr double kMinContrast = 4.5;  // WCAG 2.x AA, normal text
constexpr double kMinDeltaE = 10.0;   // CIE76: clearly different at a glance

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;

// sRGB channel (0..255) to linear light (IEC 61966-2-1, as WCAG uses it).
double linear(uint8_t c) {
  const double s = c / 255.0;
  return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

Vec3 linear(Rgb c) { return {linear(c.r), linear(c.g), linear(c.b)}; }

// WCAG relative luminance and contrast ratio.
double luminance(Rgb c) {
  const Vec3 l = linear(c);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}
double contrast(Rgb a, Rgb b) {
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

// Machado, Oliveira & Fernandes 2009, severity 1.0, on linear RGB.
constexpr Mat3 kProtanopia = {{{0.152286, 1.052583, -0.204868},
                               {0.114503, 0.786281, 0.099216},
                               {-0.003882, -0.048116, 1.051998}}};
constexpr Mat3 kDeuteranopia = {{{0.367322, 0.860646, -0.227968},
                                 {0.280085, 0.672501, 0.047413},
                                 {-0.011820, 0.042940, 0.968881}}};
constexpr Mat3 kNormal = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};

Vec3 simulate(Rgb c, const Mat3& m) {
  const Vec3 l = linear(c);
  Vec3 out{};
  for (int i = 0; i < 3; ++i)
    out[i] = std::clamp(m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2], 0.0, 1.0);
  return out;
}

// Linear sRGB -> XYZ (D65) -> CIELAB.
Vec3 lab(const Vec3& l) {
  const double x = 0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2];
  const double y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  const double z = 0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2];
  auto f = [](double t) {
    constexpr double d = 6.0 / 29;
    return t > d * d * d ? std::cbrt(t) : t / (3 * d * d) + 4.0 / 29;
  };
  const double fx = f(x / 0.95047), fy = f(y / 1.0), fz = f(z / 1.08883);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double delta_e76(const Vec3& a, const Vec3& b) {
  return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) +
                   (a[2] - b[2]) * (a[2] - b[2]));
}

std::string name(Tone t) { return tr(Language::En, tone_style(t).word_key); }

}  // namespace

TEST_CASE("palette: the formulas match their published values") {
  CHECK(contrast({255, 255, 255}, {0, 0, 0}) == doctest::Approx(21.0));
  CHECK(contrast({0x77, 0x77, 0x77}, {255, 255, 255}) == doctest::Approx(4.48).epsilon(0.01));
  // The figure: white on the floor's old amber was 2.1:1.
  CHECK(contrast({226, 170, 60}, {255, 255, 255}) == doctest::Approx(2.09).epsilon(0.01));
  // Pure red and green, far apart in normal vision, nearly merge for a deuteranope.
  const Rgb red{200, 60, 40}, green{100, 130, 40};
  CHECK(delta_e76(lab(simulate(red, kNormal)), lab(simulate(green, kNormal))) > 40);
  CHECK(delta_e76(lab(simulate(red, kDeuteranopia)), lab(simulate(green, kDeuteranopia))) < 10);
  CHECK(lab(linear(Rgb{255, 255, 255}))[0] == doctest::Approx(100).epsilon(0.001));
}

TEST_CASE("palette: text on every tile colour is at least 4.5:1") {
  for (Tone t : kAllTones) {
    const ToneStyle& s = tone_style(t);
    INFO(name(t) << ": " << contrast(s.fill, s.text) << ":1");
    CHECK(contrast(s.fill, s.text) >= kMinContrast);
  }
  for (Mark m : {Mark::Allergy, Mark::Vip}) {
    const MarkStyle& s = mark_style(m);
    INFO(tr(Language::En, s.word_key) << ": " << contrast(s.disc, s.icon_colour) << ":1");
    CHECK(contrast(s.disc, s.icon_colour) >= kMinContrast);
  }
}

TEST_CASE("palette: every two statuses stay distinct under deuteranopia and protanopia") {
  struct Vision {
    const char* name;
    const Mat3* m;
  };
  for (Vision v : {Vision{"normal", &kNormal}, Vision{"deuteranopia", &kDeuteranopia},
                   Vision{"protanopia", &kProtanopia}})
    for (size_t i = 0; i < kAllTones.size(); ++i)
      for (size_t j = i + 1; j < kAllTones.size(); ++j) {
        const Tone a = kAllTones[i], b = kAllTones[j];
        const double de = delta_e76(lab(simulate(tone_style(a).fill, *v.m)),
                                    lab(simulate(tone_style(b).fill, *v.m)));
        INFO(std::string(v.name) << ": " << name(a) << " / " << name(b) << " dE " << de);
        CHECK(de >= kMinDeltaE);
      }
}

TEST_CASE("palette: one meaning everywhere, an icon and a word for every status") {
  // The floor's green (free) is no booking's colour on the timeline or the list.
  for (ReservationStatus s :
       {ReservationStatus::Pending, ReservationStatus::Confirmed, ReservationStatus::Arrived,
        ReservationStatus::Seated, ReservationStatus::Completed, ReservationStatus::Cancelled,
        ReservationStatus::NoShow})
    for (bool late : {false, true})
      for (bool over : {false, true}) CHECK(tone_of(s, late, over) != Tone::Free);
  CHECK(tone_of(ReservationStatus::Confirmed) == Tone::Booked);
  CHECK(tone_of(ReservationStatus::Confirmed, true) == Tone::Late);
  CHECK(tone_of(ReservationStatus::Seated, false, true) == Tone::Overdue);
  CHECK(tone_of(ReservationStatus::Arrived, true) == Tone::Arrived);  // here: not late
  std::set<char32_t> icons;
  std::set<std::string> words;
  for (Tone t : kAllTones) {
    icons.insert(tone_style(t).icon);
    for (Language l : {Language::Fr, Language::En}) {
      const std::string w = tr(l, tone_style(t).word_key);
      CHECK_MESSAGE(w != tone_style(t).word_key, "no text for " << w);
      words.insert(std::string(locale_code(l)) + w);
    }
  }
  CHECK(icons.size() == kAllTones.size());
  CHECK(words.size() == 2 * kAllTones.size());
  CHECK(icons.count(mark_style(Mark::Allergy).icon) == 0);
  CHECK(icons.count(mark_style(Mark::Vip).icon) == 0);
}

TEST_CASE("palette: UTF-8 of icon code points") {
  char buf[5];
  CHECK(std::string(utf8(0xE86C, buf)) == "\xEE\xA1\xAC");
  CHECK(std::string(utf8(U'é', buf)) == "\xC3\xA9");
  CHECK(std::string(utf8(U'A', buf)) == "A");
}

namespace {
void build_atlas() {
  unsigned char* px;
  int w, h;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
}

bool in_ranges(const unsigned short* r, char32_t cp) {
  for (; r[0]; r += 2)
    if (cp >= r[0] && cp <= r[1]) return true;
  return false;
}
}  // namespace

TEST_CASE("palette: every icon is in the atlas with the icon font, and none without it") {
  std::vector<char32_t> icons{kIconLegend, mark_style(Mark::Allergy).icon,
                              mark_style(Mark::Vip).icon};
  for (Tone t : kAllTones) icons.push_back(tone_style(t).icon);
  for (char32_t cp : icons) CHECK(in_ranges(platform::icon_ranges(), cp));
  auto text = platform::find_font(platform::font_candidates(""));
  REQUIRE(text);
  {
    test::Headless h;
    REQUIRE_MESSAGE(platform::icon_font_status().ok(),
                    "fonts-material-design-icons-iconfont is installed by scripts/setup.sh");
    REQUIRE(platform::load_font(*text, 18).ok());
    build_atlas();
    h.frame([&] {
      for (char32_t cp : icons) CHECK(has_icon(cp));
      CHECK_FALSE(has_icon(0xE000));          // the font's others are not rasterised
      CHECK(ImGui::CalcTextSize("A").x > 0);  // Latin letters still come from the text font
    });
  }
  {
    test::Headless h;
    // No icon font: the terminal still gets its text font; the error names the file.
    auto missing = platform::icon_font_status("/nonexistent/MaterialIcons-Regular.ttf");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().where == "/nonexistent/MaterialIcons-Regular.ttf");
    CHECK(missing.error().message.find("fonts-material-design-icons-iconfont") !=
          std::string::npos);
    REQUIRE(platform::load_font(*text, 18, {}, "/nonexistent/MaterialIcons-Regular.ttf").ok());
    build_atlas();
    h.frame([&] {
      for (char32_t cp : icons) CHECK_FALSE(has_icon(cp));
    });
  }
}
