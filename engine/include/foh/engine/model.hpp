#pragma once
// The domain model, named after the backend's data model
// (shared/seeds/batlr-data-model.txt). A row in JSON uses exactly the seed's
// column names, so a backend row and a row in a file are the same JSON.
// Columns the terminal does not interpret are kept in `extra` and written back.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "foh/engine/calendar.hpp"

namespace foh {

using Json = nlohmann::json;
using Uuid = std::string;  // lowercase canonical text form

// ---------------------------------------------------------------- enums
enum class ReservationStatus { Pending, Confirmed, Arrived, Seated, Completed, Cancelled, NoShow };
enum class TableShape { Round, Square, Rectangular };
enum class Role { Admin, Manager, Server };
enum class WaitlistStatus { Waiting, Notified, Called, Converted, Expired, Cancelled };

// Seed spellings: "Confirmed", "No-show", "round", "Admin", "waiting", ...
const char* to_string(ReservationStatus s);
const char* to_string(TableShape s);
const char* to_string(Role r);
const char* to_string(WaitlistStatus s);
std::optional<ReservationStatus> parse_reservation_status(std::string_view s);
std::optional<TableShape> parse_table_shape(std::string_view s);
std::optional<Role> parse_role(std::string_view s);
std::optional<WaitlistStatus> parse_waitlist_status(std::string_view s);

// Pending, Confirmed, Arrived, Seated hold their table; the others free it.
bool is_live(ReservationStatus s);

// chair_sides bitmask
enum ChairSide : int { kChairTop = 1, kChairRight = 2, kChairBottom = 4, kChairLeft = 8 };

// ---------------------------------------------------------------- settings
// Load-unit capacity model (shared/seeds/capacity-load-units.txt), per day.
struct CapacityType {  // capacity_types
  std::string name;    // e.g. "Couple", "Table de 6", "Groupe"
  int load_cost = 1;
  int min_party = 1;  // a reservation uses the type whose party range holds it
  int max_party = 99;
  Json extra = Json::object();  // unknown keys (id, color_code, ...) written back
  bool operator==(const CapacityType&) const = default;
};
struct DefaultsCalendarDay {  // defaults_calendar
  int day_of_week = 0;        // 0-6, Sunday-Saturday (seed convention)
  int max_daily_load = 0;     // 0 = no limit
  bool is_open = true;
  Json extra = Json::object();
  bool operator==(const DefaultsCalendarDay&) const = default;
};
struct CalendarOverride {  // calendar_overrides
  Date date;
  std::optional<int> override_max_load;
  bool is_blocked = false;
  std::string reason;
  Json extra = Json::object();
  bool operator==(const CalendarOverride&) const = default;
};

// restaurants.settings (jsonb). Unknown keys are kept in `extra`.
struct Settings {
  int default_duration = 90;       // minutes, when neither reservation nor turn_times say
  std::map<int, int> turn_times;   // "turn_times": {"2": 75, "4": 90, "6": 120}: party size ->
                                   // minutes; a party uses the entry of the largest size <= it
  int slot_minutes = 15;           // pacing slot width
  int max_covers_per_slot = 0;     // covers starting in one slot; 0 = no limit
  int max_covers_per_service = 0;  // 0 = no limit
  std::vector<CapacityType> capacity_types;
  std::vector<DefaultsCalendarDay> defaults_calendar;
  std::vector<CalendarOverride> calendar_overrides;
  std::string locale = "fr";  // "fr" or "en"
  std::string timezone = "Europe/Paris";
  int late_after_minutes = 15;
  int idle_logout_seconds = 300;
  Json extra = Json::object();
  bool operator==(const Settings&) const = default;
};

// ---------------------------------------------------------------- rows
struct Restaurant {  // restaurants
  Uuid id;
  std::string name, address, phone, email;
  Settings settings;
  bool is_pro = false;
  std::string created_at, updated_at;
  Json extra = Json::object();
  bool operator==(const Restaurant&) const = default;
};

struct FloorPlan {  // floor_plans
  Uuid id, restaurant_id;
  std::string name;
  int sort_order = 0;
  std::string updated_at;
  Json extra = Json::object();
  bool operator==(const FloorPlan&) const = default;
};

struct Zone {  // zones
  Uuid id, restaurant_id, floor_plan_id;
  std::string name;
  std::string color = "#888888";
  double position_x = 0, position_y = 0, width = 0, height = 0;
  int sort_order = 0;
  std::string updated_at;
  Json extra = Json::object();
  bool operator==(const Zone&) const = default;
};

struct Table {  // tables
  Uuid id, restaurant_id, floor_plan_id;
  std::optional<Uuid> zone_id;
  std::string name;  // displayed number, e.g. "7"
  int capacity_min = 1, capacity_max = 2;
  double position_x = 0, position_y = 0;
  std::optional<double> width, height;
  double rotation = 0;  // degrees
  TableShape shape = TableShape::Square;
  int chair_sides = 15;
  std::map<std::string, int> capacity_overrides;  // combination "7+8" -> seats
  int fill_group = 0;                             // auto-assignment priority: lower fills first
  std::string updated_at;
  Json extra = Json::object();
  bool operator==(const Table&) const = default;
};

struct Service {  // services
  Uuid id, restaurant_id;
  std::string name;                // "Midi", "Soir"
  TimeOfDay start_time, end_time;  // end <= start means it runs past midnight
  std::vector<int> days_of_week;   // 1..7, Monday..Sunday
  bool is_special = false;
  std::optional<Date> specific_date;
  std::string label, message;
  std::string updated_at;
  Json extra = Json::object();
  bool operator==(const Service&) const = default;
};

struct Reservation {  // reservations
  Uuid id, restaurant_id;
  std::optional<Uuid> customer_id, service_id, table_id;
  std::string table_number;  // "7" or "7+8" for a combination
  std::string guest_name, guest_phone, guest_email;
  int party_size = 2;  // 1..99
  Date date;
  TimeOfDay time;               // seconds >= 86400 only in memory, for after-midnight service times
  std::optional<int> duration;  // minutes; null = restaurant settings
  ReservationStatus status = ReservationStatus::Confirmed;
  std::vector<std::string> tags;
  std::string notes;
  std::string source;  // Site web|Téléphone|Walk-in|App|TheFork|Google|Liste d'attente
  std::optional<Uuid> created_by;
  std::optional<std::string> seated_at;  // timestamptz
  std::optional<int> arrived_count;
  std::string created_at, updated_at;
  Json extra = Json::object();  // payment_*, reminders, ... passed through untouched
  bool operator==(const Reservation&) const = default;
};

struct WaitlistEntry {  // waitlist_entries
  Uuid id, restaurant_id;
  Date date;
  std::optional<TimeOfDay> time;
  int party_size = 2;
  std::optional<Uuid> service_id, preferred_floor_plan_id;
  std::string guest_name, guest_email, guest_phone;
  std::string notes;
  WaitlistStatus status = WaitlistStatus::Waiting;
  std::optional<std::string> notified_at, called_at;
  std::string notification_token;
  std::optional<int> position_in_queue;
  std::string created_at, updated_at;
  Json extra = Json::object();
  bool operator==(const WaitlistEntry&) const = default;
};

struct TeamMember {  // team_members
  Uuid id, restaurant_id;
  std::optional<Uuid> user_id;
  Role role = Role::Server;
  std::string display_name, email;
  std::string pin;       // PBKDF2 hash, "pbkdf2-sha256$<iterations>$<hex>"; never a clear PIN
  std::string pin_salt;  // hex
  std::vector<std::string> allowed_tabs;  // empty = the role's defaults
  bool is_active = true;
  std::string created_at, updated_at;
  Json extra = Json::object();
  bool operator==(const TeamMember&) const = default;
};

// One text to or from a guest (communication_events, written by the backend
// only; tools/backend/SYNC.md "Guest texts"). Statuses and types are kept as
// the backend spells them: the terminal shows them, it never writes them.
struct CommunicationEvent {  // communication_events
  Uuid id, restaurant_id;
  std::optional<Uuid> reservation_id, customer_id, waitlist_entry_id;
  std::string type;  // waitlist_joined, table_ready, confirmation, reminder, reconfirmation, reply
  std::string channel;    // sms, email
  std::string direction;  // outbound, inbound ("" = outbound, the seed has no column)
  std::string recipient, body, language;
  std::string status;  // queued sending sent delivered bounced failed refused | received
  std::string reason;  // refused/failed: no_consent, no_phone, quota, the provider's message
  std::optional<std::string> sent_at, delivered_at, bounced_at, failed_at;
  std::string bounce_reason;
  std::string created_at, updated_at;
  Json extra = Json::object();
  bool operator==(const CommunicationEvent&) const = default;
};

struct ReservationEvent {  // reservation_events (immutable audit log)
  Uuid id, reservation_id;
  std::optional<Uuid> customer_id, changed_by;
  std::string from_status, to_status;  // seed spellings; from_status empty on creation
  Json metadata = Json::object();
  std::string created_at;
  Json extra = Json::object();
  bool operator==(const ReservationEvent&) const = default;
};

struct Customer {  // customers
  Uuid id;
  std::optional<Uuid> restaurant_id;
  std::string name, phone, email, notes;
  std::vector<std::string> tags;
  std::string classification;
  // Computed by the backend from the bookings' statuses (migration 025):
  // visits are Completed bookings, last_visit the latest one's seating.
  int visit_count = 0, no_show_count = 0, cancellation_count = 0;
  std::optional<std::string> last_visit;  // timestamptz
  std::string created_at, updated_at;
  Json extra = Json::object();
  bool operator==(const Customer&) const = default;
};

// The three "tables associées" for one date. Their columns are not listed in
// the seed; these follow its naming: id, restaurant_id, date, then the payload.
struct DailyTableOverride {  // daily_table_overrides: positions/hidden per date
  Uuid id, restaurant_id, table_id;
  Date date;
  std::optional<double> position_x, position_y;
  bool is_hidden = false;
  bool is_blocked = false;  // blocked for the day by a host
  std::string updated_at;
  Json extra = Json::object();
  // Joined for the day with this table (engine day_join.hpp): the pair is a
  // combination that date. Migration 027. Last, so that older aggregate
  // initialisers keep their meaning.
  std::optional<Uuid> joined_with;
  bool operator==(const DailyTableOverride&) const = default;
};

struct DailyExtraTable {  // daily_extra_tables: temporary tables per date
  Uuid id, restaurant_id, floor_plan_id;
  std::optional<Uuid> zone_id;
  Date date;
  std::string name;
  int capacity_min = 1, capacity_max = 2;
  double position_x = 0, position_y = 0;
  std::optional<double> width, height;
  double rotation = 0;
  TableShape shape = TableShape::Square;
  int chair_sides = 15;
  std::string updated_at;
  Json extra = Json::object();
  bool operator==(const DailyExtraTable&) const = default;
};

struct DailyFloorNote {  // daily_floor_notes
  Uuid id, restaurant_id;
  std::optional<Uuid> floor_plan_id;
  Date date;
  std::string note;
  std::string updated_at;
  Json extra = Json::object();
  bool operator==(const DailyFloorNote&) const = default;
};

// A server's section: who serves a table during one service of one date
// (server_sections, migration 026). One row per table, date and service; its
// id is derived from those (net's Store), so two terminals giving the same
// table write the same row. team_member_id null: the table was taken back.
struct ServerSection {  // server_sections
  Uuid id, restaurant_id, table_id;
  Date date;
  std::optional<Uuid> service_id;  // null: a restaurant with no services (open all day)
  std::optional<Uuid> team_member_id;
  std::string updated_at;
  Json extra = Json::object();
  bool operator==(const ServerSection&) const = default;
};

// ---------------------------------------------------------------- bundles
// Everything that describes the restaurant (R.json of foh-plan).
struct Venue {
  Restaurant restaurant;
  std::vector<FloorPlan> floor_plans;
  std::vector<Zone> zones;
  std::vector<Table> tables;
  std::vector<Service> services;  // empty = open all day
  std::vector<TeamMember> team_members;
  bool operator==(const Venue&) const = default;
};

// What happens on one service day.
struct DayBook {
  Date date;
  // The restaurant's offset from UTC that day (seconds east): reads the
  // timestamptz columns (seated_at, created_at) as local time. Set by whoever
  // knows the zone (the terminal); 0 when stamps are local or the zone is UTC.
  int utc_offset_s = 0;
  std::vector<Reservation> reservations;
  std::vector<WaitlistEntry> waitlist;
  std::vector<DailyTableOverride> table_overrides;
  std::vector<DailyExtraTable> extra_tables;
  std::vector<DailyFloorNote> floor_notes;
  std::vector<ServerSection> server_sections;
  // The customers the day's reservations name (customer_id), in no order.
  std::vector<Customer> customers;
  bool operator==(const DayBook&) const = default;
};

}  // namespace foh
