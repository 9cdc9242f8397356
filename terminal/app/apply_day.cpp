// The floor's changes of the day (screens/floor_join): tables joined and
// split for the day, their undo, and the day's note, each one write through
// net's Store off the frame (App::write); the result becomes the message.
#include "app/app.hpp"
#include "i18n.hpp"

namespace foh::app {

namespace {
std::string said(ui::Language l, const char* key, const std::string& what) {
  return std::string(ui::tr(l, key)) + ui::colon(l) + what;
}
}  // namespace

void App::apply_day(const ui::FloorDayIntents& in) {
  if (in.join) join_for_day(in.join->first, in.join->second, false);
  if (in.split) split_for_day(*in.split, false);
  if (in.undo) {
    if (in.undo->joined)
      split_for_day(in.undo->a, true);
    else
      join_for_day(in.undo->a, in.undo->b, true);
  }
  if (in.save_note) save_day_note(*in.save_note);
}

std::string App::table_name(const Uuid& id) const {
  const Table* t = shown_.floor() ? shown_.floor()->table(id) : nullptr;
  return t ? t->name : id;
}

// `undoing`: the undo of a split; its own undo is not offered again.
void App::join_for_day(const Uuid& a, const Uuid& b, bool undoing) {
  write(
      ui::kWriteDayJoin,
      [a, b, date = shown_.day().date, by = actor()](net::Store& s) {
        return s.join_tables(a, b, date, by);
      },
      [this, a, b, undoing](Status st) {
        if (!st) return say(ui::error_text(desk_.locale, st.error()), true);
        say(said(desk_.locale, "day.joined", table_name(a) + "+" + table_name(b)), false);
        screens_.floor.day.undo =
            undoing ? std::nullopt : std::optional<ui::DayUndo>(ui::DayUndo{true, a, b});
      });
}

void App::split_for_day(const Uuid& t, bool undoing) {
  write(
      ui::kWriteDayJoin,
      [t, date = shown_.day().date, by = actor()](net::Store& s) {
        return s.split_tables(t, date, by);
      },
      [this, t, undoing](Result<Uuid> partner) {
        if (!partner) return say(ui::error_text(desk_.locale, partner.error()), true);
        say(said(desk_.locale, "day.split_done", table_name(t) + " / " + table_name(*partner)),
            false);
        screens_.floor.day.undo =
            undoing ? std::nullopt : std::optional<ui::DayUndo>(ui::DayUndo{false, t, *partner});
      });
}

void App::save_day_note(const ui::NoteSave& s) {
  DailyFloorNote n;  // the row as cached, so that its other columns stay as they are
  for (const auto& cached : shown_.day().floor_notes)
    if (s.id && cached.id == *s.id) n = cached;
  if (n.id.empty()) {
    n.id = net::new_uuid();
    n.date = shown_.day().date;
    n.floor_plan_id = s.floor_plan_id;
  }
  n.note = s.note;
  write(
      ui::kWriteDayNote, [n, by = actor()](net::Store& st) { return st.save_floor_note(n, by); },
      [this](Result<DailyFloorNote> r) {
        if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
        say(ui::tr(desk_.locale, "day.note_saved"), false);
      });
}

}  // namespace foh::app
