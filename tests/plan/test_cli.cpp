// foh-plan from outside: the output document of both modes, and exit status 2
// with exactly one stderr line naming file, row and field on bad input.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

struct Run {
  int status = -1;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Run plan(const std::string& args) {
  char err_path[] = "/tmp/foh-plan-err-XXXXXX";
  int fd = mkstemp(err_path);
  REQUIRE(fd >= 0);
  close(fd);
  std::string cmd = std::string(FOH_PLAN_BIN) + " " + args + " 2>" + err_path;
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.err = slurp(err_path);
  std::remove(err_path);
  return r;
}

std::string fixture(const char* name) { return std::string(FOH_PLAN_FIXTURES) + "/" + name; }

std::string args(const char* mode, const char* r, const char* d) {
  return std::string(mode) + " --restaurant " + fixture(r) + " --requests " + fixture(d);
}

int lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

void check_document(const nlohmann::json& j) {
  REQUIRE(j["decisions"].size() == 7);
  REQUIRE(j["results"].size() == 7);
  CHECK(j["moved"].is_number_unsigned());
  for (size_t i = 0; i < 7; ++i) {
    std::string id = "req-" + std::to_string(i + 1);
    CHECK(j["decisions"][i]["request_id"] == id);  // request order
    CHECK(j["results"][i]["request_id"] == id);
    CHECK_FALSE(j["decisions"][i]["reason"].get<std::string>().empty());
    // Accepted <=> seated in the final plan.
    CHECK(j["decisions"][i]["accepted"].get<bool>() == !j["results"][i]["table_ids"].empty());
  }
  CHECK(j["decisions"][3]["reason"] == "Refused: closed at 16:00 (no service)");
  CHECK(j["decisions"][5]["accepted"] == false);  // 12 fits nowhere
}

}  // namespace

TEST_CASE("assign: decisions in request order, final plan, moves") {
  Run r = plan(args("assign", "R.json", "D.json"));
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  auto j = nlohmann::json::parse(r.out);
  check_document(j);
  CHECK(j["decisions"][0]["reason"] ==
        "Table 1 (2 seats, Salle principale): free 19:00\u201320:15, exact fit");
  CHECK(j["results"][1]["table_ids"] ==
        nlohmann::json::array({"00000000-0000-4000-8000-000000000104"}));
  // The four at 19:15 needs table 3, held by the existing couple: it moves.
  CHECK(j["decisions"][2]["accepted"] == true);
  CHECK(j["results"][2]["table_ids"] ==
        nlohmann::json::array({"00000000-0000-4000-8000-000000000103"}));
  CHECK(j["moved"] == 1);
}

TEST_CASE("optimise: same document, at least the covers of assign") {
  Run a = plan(args("assign", "R.json", "D.json"));
  Run o = plan(args("optimise", "R.json", "D.json"));
  REQUIRE(o.status == 0);
  auto ja = nlohmann::json::parse(a.out), jo = nlohmann::json::parse(o.out);
  check_document(jo);
  int covers_a = 0, covers_o = 0;
  const int party[] = {2, 6, 4, 2, 2, 12, 5};
  for (int i = 0; i < 7; ++i) {
    covers_a += ja["decisions"][i]["accepted"].get<bool>() ? party[i] : 0;
    covers_o += jo["decisions"][i]["accepted"].get<bool>() ? party[i] : 0;
  }
  CHECK(covers_o >= covers_a);
}

TEST_CASE("bad input: exit 2 and one line naming file, row and field") {
  struct Case {
    const char *r, *d, *expect;
  } cases[] = {
      {"R.json", "D_bad_party.json", "D_bad_party.json: requests[1].party_size: "},
      {"R.json", "D_bad_time.json", "D_bad_time.json: requests[2].time: "},
      {"R.json", "not_json.json", "not_json.json: not valid JSON"},
      {"R_bad_capacity.json", "D.json", "R_bad_capacity.json: tables[2].capacity_min"},
      {"missing.json", "D.json", "missing.json: cannot be read"},
  };
  for (const Case& c : cases) {
    for (const char* mode : {"assign", "optimise"}) {
      CAPTURE(c.d);
      CAPTURE(mode);
      Run r = plan(args(mode, c.r, c.d));
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(lines(r.err) == 1);
      CHECK(r.err.find(c.expect) != std::string::npos);
    }
  }
  Run usage = plan("plan --restaurant x");
  CHECK(usage.status == 2);
  CHECK(lines(usage.err) == 1);
}
