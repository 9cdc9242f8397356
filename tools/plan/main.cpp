// foh-plan: the seating engine from the command line (issue 2 §4).
//   foh-plan assign   --restaurant R.json --requests D.json
//   foh-plan optimise --restaurant R.json --requests D.json
// The plan goes to stdout as JSON; bad input exits 2 with one line on stderr
// naming the file, the row and the field.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "foh/engine/codec.hpp"
#include "run.hpp"

namespace {

using foh::Error;
using foh::Json;
using foh::Result;

constexpr const char* kUsage =
    "usage: foh-plan assign|optimise --restaurant R.json --requests D.json";

int fail(const std::string& line) {
  std::cerr << line << "\n";
  return 2;
}

Result<Json> read_json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "cannot be read"};
  std::stringstream text;
  text << in.rdbuf();
  try {
    return Json::parse(text.str());
  } catch (const Json::parse_error& e) {
    return Error{path, "not valid JSON at byte " + std::to_string(e.byte)};
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "", restaurant, requests;
  for (int i = 2; i < argc; i += 2) {
    std::string flag = argv[i];
    if (i + 1 >= argc) return fail(std::string(kUsage) + " (" + flag + " needs a value)");
    if (flag == "--restaurant")
      restaurant = argv[i + 1];
    else if (flag == "--requests")
      requests = argv[i + 1];
    else
      return fail(std::string(kUsage) + " (unknown option " + flag + ")");
  }
  if ((mode != "assign" && mode != "optimise") || restaurant.empty() || requests.empty())
    return fail(kUsage);
  auto rj = read_json(restaurant);
  if (!rj) return fail(rj.error().text());
  auto dj = read_json(requests);
  if (!dj) return fail(dj.error().text());
  auto venue = foh::decode_venue(*rj, restaurant);
  if (!venue) return fail(venue.error().text());
  auto day = foh::decode_day(*dj, requests);
  if (!day) return fail(day.error().text());
  auto reqs = foh::plan::decode_requests(*dj, day->date, day->reservations, requests);
  if (!reqs) return fail(reqs.error().text());
  auto out = mode == "assign" ? foh::plan::run_assign(*venue, *day, *reqs, requests)
                              : foh::plan::run_optimise(*venue, *day, *reqs, requests);
  if (!out) return fail(out.error().text());
  std::cout << out->dump(2) << "\n";
  return 0;
}
