// A floor tile's words, fitted to the tile (see tile_text.hpp).
#include "view/tile_text.hpp"

#include <cstdio>

namespace foh::ui {
namespace {

std::string join(const std::string& a, const std::string& b, const std::string& c) {
  std::string out = a;
  for (const std::string* s : {&b, &c})
    if (!s->empty()) out += (out.empty() ? "" : " ") + *s;
  return out;
}

// Byte length of the first `chars` UTF-8 characters of `s`.
size_t utf8_prefix(std::string_view s, size_t chars) {
  size_t i = 0;
  for (size_t n = 0; i < s.size() && n < chars; ++n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

TileLine who(const Booking& b) {
  return TileLine{format_time(b.r->time), b.r->guest_name, std::to_string(b.r->party_size)};
}

}  // namespace

std::vector<TileLine> tile_lines(const Table& t, const TableStatus& st, Language l) {
  std::vector<TileLine> lines{{t.name, "", ""}};
  char buf[32];
  switch (st.state) {
    case TableState::Seated:
    case TableState::Overdue:
      if (!st.seated) break;
      lines.push_back({"", st.seated->r->guest_name, std::to_string(st.seated->r->party_size)});
      std::snprintf(buf, sizeof buf, "%d/%d'", st.elapsed_minutes, st.turn_minutes);
      lines.push_back({buf, "", ""});
      break;
    case TableState::Held:
      std::snprintf(buf, sizeof buf, "%s %d'", tr(l, "tile.late"), st.late_minutes);
      lines.push_back({buf, "", ""});
      if (st.next) lines.push_back(who(*st.next));
      break;
    case TableState::Blocked:
      lines.push_back({tr(l, "tone.blocked"), "", ""});
      break;
    case TableState::Free:
    case TableState::ArrivingSoon:
      if (st.next) {
        lines.push_back(who(*st.next));
      } else {
        std::snprintf(buf, sizeof buf, "%d-%d", t.capacity_min, t.capacity_max);
        lines.push_back({buf, "", ""});
      }
      break;
  }
  return lines;
}

std::string fit_line(const TileLine& line, float width, const MeasureText& measure) {
  auto fits = [&](const std::string& s) { return measure(s) <= width; };
  std::string whole = join(line.before, line.name, line.after);
  if (fits(whole)) return whole;
  if (!line.name.empty()) {
    // The first word ("Dvořák" of "Dvořák Anna"), then fewer letters and an ellipsis.
    std::string_view name = line.name;
    size_t space = name.find(' ');
    if (space != std::string_view::npos) {
      std::string s = join(line.before, std::string(name.substr(0, space)), line.after);
      if (fits(s)) return s;
      name = name.substr(0, space);
    }
    for (size_t n = utf8_length(name); n-- > 1;) {
      std::string s = join(
          line.before, std::string(name.substr(0, utf8_prefix(name, n))) + "\u2026", line.after);
      if (fits(s)) return s;
    }
    std::string bare = join(line.before, "", line.after);
    if (!bare.empty() && fits(bare)) return bare;
  }
  return {};
}

std::vector<std::string> fit_tile(const std::vector<TileLine>& lines, float width, float height,
                                  float line_height, const MeasureText& measure, float rest_scale) {
  std::vector<std::string> out;
  float used = 0;
  for (const TileLine& line : lines) {
    const float k = out.empty() ? 1.0f : rest_scale;
    if (used + line_height * k > height) break;
    std::string s = fit_line(line, width / k, measure);
    if (s.empty()) break;
    out.push_back(std::move(s));
    used += line_height * k;
  }
  return out;
}

}  // namespace foh::ui
