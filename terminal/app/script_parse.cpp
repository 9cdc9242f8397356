#include <fstream>
#include <sstream>

#include "app/script.hpp"

namespace foh::app {

namespace {

struct KeySpec {
  const char* key;
  Step::Kind kind;
  // expected count of numbers; -1 = a string value; -2 = [id, dx, dy]; -3 = [id, n > 0]
  int numbers;
};
constexpr KeySpec kKeys[] = {
    {"tap", Step::Kind::Tap, 2},
    {"drag", Step::Kind::Drag, 5},
    {"long_press", Step::Kind::LongPress, 2},
    {"pinch", Step::Kind::Pinch, 3},
    {"text", Step::Kind::Text, -1},
    {"key", Step::Kind::Key, -1},
    {"tap_item", Step::Kind::TapItem, -1},
    {"wait_ms", Step::Kind::WaitMs, 1},
    {"wait_frames", Step::Kind::WaitFrames, 1},
    {"screenshot", Step::Kind::Screenshot, -1},
    {"dump", Step::Kind::Dump, -1},
    {"drag_item", Step::Kind::DragItem, -2},
    {"long_press_item", Step::Kind::LongPressItem, -1},
    {"pinch_item", Step::Kind::PinchItem, -3},
    {"wait_item", Step::Kind::WaitItem, -3},
    {"wait_file", Step::Kind::WaitFile, -1},
    {"double_tap_item", Step::Kind::DoubleTapItem, -1},
    {"dump_now", Step::Kind::DumpNow, -1},
    {"screenshot_now", Step::Kind::ScreenshotNow, -1},
};

Result<Step> parse_step(const Json& j, const std::string& where) {
  if (!j.is_object() || j.size() != 1)
    return Error{where, "a step is an object with exactly one key, e.g. {\"tap\":[100,200]}"};
  const auto& [key, value] = *j.items().begin();
  for (const KeySpec& k : kKeys) {
    if (key != k.key) continue;
    Step s;
    s.kind = k.kind;
    s.where = where;
    if (k.numbers == -2) {  // ["id", dx, dy]
      if (!value.is_array() || value.size() != 3 || !value[0].is_string() ||
          !value[1].is_number() || !value[2].is_number())
        return Error{where + "." + key, "must be [\"item id\", dx, dy]"};
      s.text = value[0].get<std::string>();
      s.numbers = {value[1].get<double>(), value[2].get<double>()};
      return s;
    }
    if (k.numbers == -3) {  // ["id", scale] or ["id", timeout ms]
      if (!value.is_array() || value.size() != 2 || !value[0].is_string() ||
          !value[1].is_number() || value[1].get<double>() <= 0)
        return Error{where + "." + key, "must be [\"item id\", number > 0]"};
      s.text = value[0].get<std::string>();
      s.numbers = {value[1].get<double>()};
      return s;
    }
    if (k.numbers < 0) {
      if (!value.is_string() || value.get<std::string>().empty())
        return Error{where + "." + key, "must be a non-empty string"};
      s.text = value.get<std::string>();
      return s;
    }
    const Json arr = value.is_array() ? value : Json::array({value});
    if (static_cast<int>(arr.size()) != k.numbers)
      return Error{where + "." + key, "needs " + std::to_string(k.numbers) + " number(s)"};
    for (const Json& n : arr) {
      if (!n.is_number()) return Error{where + "." + key, "must hold numbers only"};
      s.numbers.push_back(n.get<double>());
    }
    if ((k.kind == Step::Kind::WaitMs || k.kind == Step::Kind::WaitFrames) && s.numbers[0] < 0)
      return Error{where + "." + key, "must not be negative"};
    return s;
  }
  return Error{where, "unknown step \"" + key + "\""};
}

}  // namespace

Result<std::vector<Step>> parse_script(const std::string& text, const std::string& name) {
  std::vector<Step> steps;
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '[') {
    const Json arr = Json::parse(text, nullptr, false);
    if (arr.is_discarded()) return Error{name, "not valid JSON"};
    for (size_t i = 0; i < arr.size(); ++i) {
      auto s = parse_step(arr[i], name + "[" + std::to_string(i) + "]");
      if (!s) return s.error();
      steps.push_back(*s);
    }
    return steps;
  }
  std::istringstream in(text);
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    const auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    const std::string where = name + ":" + std::to_string(line_no);
    const Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded()) return Error{where, "not valid JSON"};
    auto s = parse_step(j, where);
    if (!s) return s.error();
    steps.push_back(*s);
  }
  return steps;
}

Result<std::vector<Step>> load_script(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{path, "cannot read the script file"};
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_script(buf.str(), path);
}

}  // namespace foh::app
