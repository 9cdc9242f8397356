// The shift screen's one piece of I/O: the end-of-service report as CSV
// (engine report_csv), written into the terminal's data folder beside its
// cache, as foh-bilan-YYYY-MM-DD.csv (foh-report-… in English; a second
// export of the day replaces it).
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

#include "app/app.hpp"
#include "foh/engine/shift.hpp"

namespace foh::app {
namespace {

namespace fs = std::filesystem;

// The cache's folder; with an in-memory cache, where the default cache lives.
fs::path data_dir(const Options& o) {
  const std::string db = o.db.empty() || o.db == ":memory:" ? default_db_path() : o.db;
  const fs::path dir = fs::absolute(fs::path(db)).parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

// Written beside, then renamed over it: nobody opens half a report.
bool write_file(const fs::path& path, const std::string& text) {
  const fs::path part = path.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return false;
  }
  std::error_code ec;
  fs::rename(part, path, ec);
  if (!ec) return true;
  fs::remove(part, ec);
  return false;
}

std::string with_path(const char* format, const std::string& path) {
  std::string out = format;
  if (auto at = out.find("%s"); at != std::string::npos) out.replace(at, 2, path);
  return out;
}

}  // namespace

// The report is counted here, from the day on screen; the file is written on
// the job runner, and the message said when it has landed.
void App::apply(const ui::ShiftIntents& in) {
  if (!in.export_csv) return;
  const Shift shift = shift_of(shown_.venue(), shown_.day(), desk_.now);
  auto csv = std::make_shared<const std::string>(report_csv(shift, desk_.locale));
  const std::string stem = std::string("foh-") + ui::tr(desk_.locale, "shift.file");
  const fs::path path = data_dir(options_) / (stem + "-" + shown_.day().date.str() + ".csv");
  services_->jobs->start(JobKind::Export, [this, csv, path](const Jobs::Cancelled&) {
    const bool written = write_file(path, *csv);
    return Jobs::Landing([this, written, path] {
      const char* key = written ? "shift.exported" : "shift.export_failed";
      say(with_path(ui::tr(desk_.locale, key), path.string()), !written);
    });
  });
}

}  // namespace foh::app
