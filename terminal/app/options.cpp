#include "app/options.hpp"

#include <cstdlib>
#include <filesystem>

namespace foh::app {

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

Result<std::pair<int, int>> parse_size(const std::string& s) {
  const auto x = s.find('x');
  if (x == std::string::npos) return Error{"--size", "expected WIDTHxHEIGHT, got \"" + s + "\""};
  try {
    const int w = std::stoi(s.substr(0, x)), h = std::stoi(s.substr(x + 1));
    if (w < 320 || h < 240 || w > 16384 || h > 16384)
      return Error{"--size", "must be between 320x240 and 16384x16384, got " + s};
    return std::pair{w, h};
  } catch (const std::logic_error&) {
    return Error{"--size", "expected WIDTHxHEIGHT, got \"" + s + "\""};
  }
}

Result<double> parse_number(const std::string& opt, const std::string& s, double lo, double hi) {
  try {
    size_t used = 0;
    const double v = std::stod(s, &used);
    if (used != s.size() || v < lo || v > hi)
      return Error{opt, "must be a number between " + std::to_string(lo) + " and " +
                            std::to_string(hi) + ", got \"" + s + "\""};
    return v;
  } catch (const std::logic_error&) {
    return Error{opt, "must be a number, got \"" + s + "\""};
  }
}

// Applies one option that takes a value.
Status set_valued(Options& o, const std::string& opt, const std::string& v) {
  if (opt == "--db")
    o.db = v;
  else if (opt == "--assets")
    o.assets = v;
  else if (opt == "--backend")
    o.backend_url = v;
  else if (opt == "--anon-key")
    o.anon_key = v;
  else if (opt == "--restaurant")
    o.restaurant_id = v;
  else if (opt == "--device-token")
    o.device_token = v;
  else if (opt == "--screenshot")
    o.screenshot = v;
  else if (opt == "--script")
    o.script = v;
  else if (opt == "--locale") {
    if (v != "fr" && v != "en") return Error{opt, "must be fr or en, got \"" + v + "\""};
    o.locale = v;
  } else if (opt == "--size") {
    auto wh = parse_size(v);
    if (!wh) return wh.error();
    o.width = wh->first;
    o.height = wh->second;
  } else if (opt == "--scale") {
    auto s = parse_number(opt, v, 0.5, 4);
    if (!s) return s.error();
    o.scale = static_cast<float>(*s);
  } else if (opt == "--bench-idle") {
    auto s = parse_number(opt, v, 1, 3600);
    if (!s) return s.error();
    o.bench_idle_seconds = *s;
  } else if (opt == "--write-delay-ms") {
    auto s = parse_number(opt, v, 0, 60000);
    if (!s) return s.error();
    o.write_delay_ms = static_cast<int>(*s);
  } else if (opt == "--now") {
    auto t = LocalInstant::parse(v);
    if (!t) return Error{opt, "expected YYYY-MM-DDTHH:MM:SS, got \"" + v + "\""};
    o.now = *t;
  } else {
    return Error{opt, "unknown option (see --help)"};
  }
  return ok();
}

}  // namespace

std::string usage() {
  return "usage: foh-terminal [options]\n"
         "  --db PATH            local cache (default $XDG_DATA_HOME/foh/foh.sqlite)\n"
         "  --assets DIR         assets folder (demo restaurant, fonts list)\n"
         "  --backend URL --anon-key KEY --restaurant ID   sync with the backend\n"
         "                       (or FOH_BACKEND_URL, FOH_ANON_KEY, FOH_RESTAURANT_ID)\n"
         "  --device-token JWT   the terminal's own backend login, so a new terminal can pull\n"
         "                       its team before the first PIN login (or FOH_DEVICE_TOKEN)\n"
         "  --kiosk              guest waitlist kiosk, fullscreen and locked\n"
         "  --fullscreen         fullscreen window\n"
         "  --size WxH           window size (default 1280x800)\n"
         "  --scale S            UI scale (default: from the display DPI)\n"
         "  --locale fr|en       language (default: the restaurant's)\n"
         "  --now YYYY-MM-DDTHH:MM:SS   fixed restaurant-local clock\n"
         "  --script FILE        replay input events (JSON lines or array), then exit\n"
         "  --screenshot PATH    write a PNG of the last frame, then exit\n"
         "  --bench-idle SECONDS measure idle CPU and first-frame time, print JSON, exit\n"
         "  --write-delay-ms MS  tests: each Store write and day read waits MS first (slow disk)\n";
}

std::string default_db_path() {
  std::string base = env("XDG_DATA_HOME");
  if (base.empty() && !env("HOME").empty()) base = env("HOME") + "/.local/share";
  if (base.empty()) return "foh.sqlite";
  std::error_code ec;
  std::filesystem::create_directories(base + "/foh", ec);
  return ec ? "foh.sqlite" : base + "/foh/foh.sqlite";
}

Result<Options> parse_options(const std::vector<std::string>& args) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h")
      o.help = true;
    else if (a == "--kiosk")
      o.kiosk = true;
    else if (a == "--fullscreen")
      o.fullscreen = true;
    else if (a.rfind("--", 0) == 0) {
      if (i + 1 >= args.size()) return Error{a, "needs a value"};
      if (auto st = set_valued(o, a, args[++i]); !st) return st.error();
    } else {
      return Error{a, "unexpected argument (see --help)"};
    }
  }
  if (o.backend_url.empty()) o.backend_url = env("FOH_BACKEND_URL");
  if (o.anon_key.empty()) o.anon_key = env("FOH_ANON_KEY");
  if (o.restaurant_id.empty()) o.restaurant_id = env("FOH_RESTAURANT_ID");
  if (o.db.empty()) o.db = env("FOH_DB");
  if (o.device_token.empty()) o.device_token = env("FOH_DEVICE_TOKEN");
  if (!o.backend_url.empty() && (o.anon_key.empty() || o.restaurant_id.empty()))
    return Error{"--backend", "needs --anon-key and --restaurant too"};
  if (!o.device_token.empty() && o.backend_url.empty())
    return Error{"--device-token", "only means something with --backend"};
  return o;
}

}  // namespace foh::app
