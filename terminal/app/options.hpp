#pragma once
// foh-terminal's command line (and FOH_* environment variables).
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/calendar.hpp"
#include "foh/engine/result.hpp"

namespace foh::app {

struct Options {
  std::string db;      // cache file; default $XDG_DATA_HOME/foh/foh.sqlite or ./foh.sqlite
  std::string assets;  // assets/ folder (demo seed, fonts list); found when empty
  std::string backend_url, anon_key, restaurant_id;  // sync when all are set
  // The terminal's own login (a Supabase Auth user of the restaurant, role
  // authenticated): it pulls the team and the floor before any PIN login, so a
  // new terminal shows its login screen. Staff tokens replace it after a PIN login.
  std::string device_token;
  bool kiosk = false, fullscreen = false;
  int width = 1280, height = 800;
  float scale = 0;                  // 0 = display DPI
  std::optional<LocalInstant> now;  // --now: fixed restaurant-local clock (tests, screenshots)
  std::string screenshot;           // write a PNG after the script (or the first frames) and exit
  std::string script;               // replay input events from this file, then exit
  std::optional<double> bench_idle_seconds;  // measure idle CPU for N seconds, print JSON, exit
  std::string locale;                        // "fr"/"en"; empty = the restaurant's
  int write_delay_ms = 0;  // tests: the Store's worker waits this long before each job
  bool help = false;
};

// Parses argv; env FOH_DB, FOH_BACKEND_URL, FOH_ANON_KEY, FOH_RESTAURANT_ID,
// FOH_DEVICE_TOKEN fill what the command line leaves empty. Errors name the option.
Result<Options> parse_options(const std::vector<std::string>& args);
std::string usage();
// The default cache path (creates its folder).
std::string default_db_path();

}  // namespace foh::app
