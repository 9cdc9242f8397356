#include "fixture.hpp"

#include <imgui.h>

#include <stdexcept>

#include "widgets/widgets.hpp"

namespace foh::test {
namespace {

Table make_table(const std::string& id, const std::string& plan, const std::string& name, int mn,
                 int mx, double x, double y, TableShape shape = TableShape::Square) {
  Table t;
  t.id = id;
  t.restaurant_id = "r1";
  t.floor_plan_id = plan;
  t.zone_id = plan == "p1" ? std::optional<Uuid>("z1") : std::optional<Uuid>("z2");
  t.name = name;
  t.capacity_min = mn;
  t.capacity_max = mx;
  t.position_x = x;
  t.position_y = y;
  t.width = 80;
  t.height = 80;
  t.shape = shape;
  return t;
}

Reservation make_res(const std::string& id, const std::string& name, int party,
                     const std::string& time, ReservationStatus st, const std::string& table_id,
                     const std::string& number) {
  Reservation r;
  r.id = id;
  r.restaurant_id = "r1";
  r.guest_name = name;
  r.guest_phone = "06 12 34 56 78";
  r.party_size = party;
  r.date = Date{2026, 11, 28};
  r.time = *TimeOfDay::parse(time);
  r.status = st;
  r.table_id = table_id;
  r.table_number = number;
  return r;
}

}  // namespace

Fixture::Fixture() {
  Restaurant& rs = venue.restaurant;
  rs.id = "r1";
  rs.name = "Chez Test";
  rs.settings.turn_times = {{1, 60}, {2, 75}, {4, 90}, {6, 120}};
  rs.settings.locale = "fr";
  venue.floor_plans = {FloorPlan{"p1", "r1", "Salle", 0, "", {}},
                       FloorPlan{"p2", "r1", "Terrasse", 1, "", {}}};
  Zone z1;
  z1.id = "z1", z1.restaurant_id = "r1", z1.floor_plan_id = "p1", z1.name = "Salle",
  z1.color = "#E9D8B4";
  z1.position_x = 0, z1.position_y = 0, z1.width = 700, z1.height = 500;
  Zone z2 = z1;
  z2.id = "z2", z2.floor_plan_id = "p2", z2.name = "Terrasse", z2.color = "#A8D5A2";
  venue.zones = {z1, z2};
  venue.tables = {make_table("t1", "p1", "1", 1, 2, 50, 50, TableShape::Round),
                  make_table("t2", "p1", "2", 2, 4, 200, 50),
                  make_table("t3", "p1", "3", 2, 4, 350, 50),
                  make_table("t4", "p1", "4", 2, 4, 430, 50),
                  make_table("t5", "p1", "5", 2, 4, 50, 250),
                  make_table("t6", "p1", "6", 4, 6, 250, 250, TableShape::Rectangular),
                  make_table("t7", "p2", "T1", 1, 2, 50, 50),
                  make_table("t8", "p2", "T2", 2, 4, 200, 50)};
  venue.tables[2].capacity_overrides = {{"3+4", 6}};
  venue.tables[5].width = 160;
  Service midi, soir;
  midi.id = "s1", midi.restaurant_id = "r1", midi.name = "Midi";
  midi.start_time = *TimeOfDay::parse("12:00"), midi.end_time = *TimeOfDay::parse("14:30");
  soir = midi;
  soir.id = "s2", soir.name = "Soir";
  soir.start_time = *TimeOfDay::parse("19:00"), soir.end_time = *TimeOfDay::parse("23:00");
  venue.services = {midi, soir};
  TeamMember alice, bob, zoe;
  alice.id = "m1", alice.display_name = "Alice", alice.role = Role::Admin;
  bob.id = "m2", bob.display_name = "Bob", bob.role = Role::Server;
  zoe.id = "m3", zoe.display_name = "Zoé", zoe.role = Role::Server, zoe.is_active = false;
  venue.team_members = {alice, bob, zoe};

  day.date = Date{2026, 11, 28};
  Reservation seated = make_res("res1", "Dupont", 2, "19:00", ReservationStatus::Seated, "t1", "1");
  seated.seated_at = "2026-11-28T19:00:00";
  seated.service_id = "s2";
  day.reservations = {
      seated, make_res("res2", "Martin", 4, "19:45", ReservationStatus::Confirmed, "t2", "2"),
      make_res("res3", "Late", 2, "19:00", ReservationStatus::Confirmed, "t3", "3"),
      make_res("res4", "Lunch", 2, "12:30", ReservationStatus::Completed, "t2", "2"),
      make_res("res5", "Durand", 2, "21:00", ReservationStatus::Confirmed, "t1", "1")};
  for (auto& r : day.reservations) r.service_id = r.time.seconds < 15 * 3600 ? "s1" : "s2";
  DailyTableOverride block;
  block.id = "o1", block.restaurant_id = "r1", block.table_id = "t5", block.date = day.date,
  block.is_blocked = true;
  day.table_overrides = {block};
  WaitlistEntry w1, w2;
  w1.id = "w1", w1.restaurant_id = "r1", w1.date = day.date, w1.party_size = 2,
  w1.guest_name = "Petit";
  w1.created_at = "2026-11-28T19:10:00";
  w2 = w1;
  w2.id = "w2", w2.guest_name = "Kiosque", w2.party_size = 3, w2.created_at = "2026-11-28T19:20:00";
  w2.extra["kiosk_pending"] = true;
  day.waitlist = {w1, w2};
  DailyFloorNote note;
  note.id = "n1", note.restaurant_id = "r1", note.floor_plan_id = "p1", note.date = day.date;
  note.note = "Anniversaire table 6";
  day.floor_notes = {note};
  rebuild();
}

void Fixture::rebuild() {
  auto f = Floor::build(venue, &day);
  if (!f) throw std::runtime_error(f.error().text());
  floor.emplace(std::move(f.value()));
  index.emplace(ui::DayIndex::build(venue, day, *floor));
  desk.venue = &venue;
  desk.day = &day;
  desk.floor = &*floor;
  desk.index = &*index;
  desk.now = LocalInstant::at(day.date, *TimeOfDay::parse("19:30"));
  desk.today = day.date;
  desk.member = &venue.team_members[0];
  desk.quotes = {quote("w1", 1, 15), quote("w2", 2, 25)};
}

void Fixture::add_guests() {
  auto guest = [&](const std::string& id, const std::string& name, const std::string& phone,
                   std::vector<std::string> tags, const std::string& notes, int visits,
                   const std::string& reservation_id) {
    Customer c;
    c.id = id, c.restaurant_id = "r1", c.name = name, c.phone = phone, c.notes = notes;
    c.tags = std::move(tags);
    c.visit_count = visits;
    if (visits > 0) c.last_visit = "2026-10-31T20:15:00Z";
    c.no_show_count = visits > 5 ? 1 : 0;
    c.cancellation_count = visits > 5 ? 2 : 0;
    day.customers.push_back(c);
    for (Reservation& r : day.reservations)
      if (r.id == reservation_id) r.customer_id = id;
  };
  guest("c1", "Dupont", "06 12 34 56 78", {"VIP", "Allergie : arachides"},
        "Table près de la fenêtre", 7, "res1");
  guest("c3", "Late", "07 11 22 33 44", {"Habitué"}, "", 3, "res3");
  guest("c5", "Durand", "06 98 76 54 32", {"Anniversaire"}, "", 0, "res5");
  rebuild();
}

void Fixture::book(const std::string& id, const std::string& guest, int party,
                   const std::string& time, const std::string& table_id,
                   const std::string& table_number) {
  Reservation r =
      make_res(id, guest, party, time, ReservationStatus::Confirmed, table_id, table_number);
  r.service_id = "s2";
  day.reservations.push_back(r);
  rebuild();
}

const Table& Fixture::table(const std::string& name) const {
  for (const Table& t : venue.tables)
    if (t.name == name) return t;
  throw std::runtime_error("no table " + name);
}

std::map<std::string, Rect>& recorded_items() {
  static std::map<std::string, Rect> items;  // test-only registry
  return items;
}

Headless::Headless() {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60;
  unsigned char* px;
  int w, h;
  io.Fonts->AddFontDefault();
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  ui::set_item_recorder([](const char* id, float x0, float y0, float x1, float y1) {
    recorded_items()[id] = Rect{x0, y0, x1, y1};
  });
  io.MousePos = ImVec2(-1, -1);
}

Headless::~Headless() {
  ui::set_item_recorder(nullptr);
  ImGui::DestroyContext();
}

void Headless::begin() {
  recorded_items().clear();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
}

void Headless::end() {
  ImGui::End();
  ImGui::Render();
  ImGui::GetIO().MouseWheel = 0;
}

std::optional<Rect> Headless::item(const std::string& id) const {
  auto it = recorded_items().find(id);
  if (it == recorded_items().end()) return std::nullopt;
  return it->second;
}

void Headless::move(float x, float y) { ImGui::GetIO().MousePos = ImVec2(x, y); }
void Headless::press() { ImGui::GetIO().MouseDown[0] = true; }
void Headless::release() { ImGui::GetIO().MouseDown[0] = false; }
void Headless::wheel(float w) { ImGui::GetIO().MouseWheel = w; }

}  // namespace foh::test
