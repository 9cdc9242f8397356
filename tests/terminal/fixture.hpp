#pragma once
// A small restaurant and day for the screen tests, and a headless ImGui frame
// driver with simulated taps (io.MousePos / io.MouseDown, ImGui 1.86).
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "desk.hpp"
#include "foh/engine/floor.hpp"
#include "view/day_index.hpp"

namespace foh::test {

// A quote as the engine's plan gives one: the fields the screens show.
inline WaitQuote quote(const Uuid& entry_id, int position, int quoted_minutes) {
  WaitQuote q;
  q.entry_id = entry_id, q.position = position, q.quoted_minutes = quoted_minutes;
  return q;
}

struct Rect {
  float x0, y0, x1, y1;
  float cx() const { return (x0 + x1) / 2; }
  float cy() const { return (y0 + y1) / 2; }
};

// Venue: "Chez Test", plans "Salle" (tables 1..6, combination 3+4 seats 6) and
// "Terrasse" (T1, T2); services Midi 12:00-14:30, Soir 19:00-23:00; team
// Alice (Admin), Bob (Server), Zoé (inactive). Day 2026-11-28 at 19:30:
// table 1 seated since 19:00 (Dupont, 2), table 2 Martin (4) at 19:45,
// table 3 Late (2) at 19:00 still Confirmed, table 5 blocked today, two
// waitlist entries (one from the kiosk, unconfirmed).
struct Fixture {
  Venue venue;
  DayBook day;
  std::optional<Floor> floor;
  std::optional<ui::DayIndex> index;
  ui::Desk desk;

  Fixture();
  void rebuild();  // after changing venue/day
  // Adds a Confirmed booking (Soir service) on one table, then rebuilds.
  void book(const std::string& id, const std::string& guest, int party, const std::string& time,
            const std::string& table_id, const std::string& table_number);
  const Table& table(const std::string& name) const;
  // Customers for three bookings, then rebuilds: Dupont (res1, seated at 1:
  // VIP, allergic to peanuts, 7 visits), Late (res3: a regular) and Durand
  // (res5, at 1 next: a birthday).
  void add_guests();
};

// One ImGui context for a test; frames draw into a full-screen window.
class Headless {
 public:
  Headless();
  ~Headless();
  template <class F>
  void frame(F&& draw) {
    begin();
    draw();
    end();
  }
  // Rects recorded by the widgets during the last frame (record_item hook).
  std::optional<Rect> item(const std::string& id) const;
  void move(float x, float y);
  void press();
  void release();
  void wheel(float w);

 private:
  void begin();
  void end();
};

std::map<std::string, Rect>& recorded_items();

// One screen drawn over the fixture's desk each time the result is called: a
// fresh View (after `setup`) kept between frames, fresh Intents each frame.
// The layout audit and the language test walk their screen states with it.
template <class View, class Intents, void (*F)(View&, const ui::Desk&, Intents&)>
std::function<void()> screen_draw(Fixture& fx, std::function<void(View&)> setup = nullptr) {
  auto v = std::make_shared<View>();
  if (setup) setup(*v);
  return [v, &fx] {
    Intents in;
    F(*v, fx.desk, in);
  };
}

}  // namespace foh::test
