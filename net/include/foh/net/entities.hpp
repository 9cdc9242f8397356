#pragma once
// Each synced entity's table name (the backend's and the cache's) and the
// engine's decoder, written once (Entity<T>), so a read names the type and
// gets both; Rows<T> (rows.hpp) reads and writes a table through them.
#include <string_view>

#include "foh/engine/codec.hpp"
#include "foh/engine/model.hpp"

namespace foh::net {

template <class T>
struct Entity;  // {table, decode} for each synced entity below

template <class T, const char* Name, Result<T> (*Decode)(const Json&, const std::string&)>
struct EntityOf {
  using Type = T;
  static constexpr std::string_view table = Name;
  static Result<T> decode(const Json& j, const std::string& where) { return Decode(j, where); }
};

namespace table_name {
inline constexpr char restaurants[] = "restaurants";
inline constexpr char floor_plans[] = "floor_plans";
inline constexpr char zones[] = "zones";
inline constexpr char tables[] = "tables";
inline constexpr char services[] = "services";
inline constexpr char team_members[] = "team_members";
inline constexpr char customers[] = "customers";
inline constexpr char reservations[] = "reservations";
inline constexpr char reservation_events[] = "reservation_events";
inline constexpr char waitlist_entries[] = "waitlist_entries";
inline constexpr char daily_table_overrides[] = "daily_table_overrides";
inline constexpr char daily_extra_tables[] = "daily_extra_tables";
inline constexpr char daily_floor_notes[] = "daily_floor_notes";
inline constexpr char server_sections[] = "server_sections";
inline constexpr char communication_events[] = "communication_events";
}  // namespace table_name

// Every entity mirrored from the backend, by table name, in the order a pull
// applies them (parents first).
inline constexpr const char* kSyncedTables[] = {table_name::restaurants,
                                                table_name::floor_plans,
                                                table_name::zones,
                                                table_name::tables,
                                                table_name::services,
                                                table_name::team_members,
                                                table_name::customers,
                                                table_name::reservations,
                                                table_name::reservation_events,
                                                table_name::waitlist_entries,
                                                table_name::daily_table_overrides,
                                                table_name::daily_extra_tables,
                                                table_name::daily_floor_notes,
                                                table_name::server_sections,
                                                table_name::communication_events};
bool is_synced_table(std::string_view table);

// clang-format off
template <> struct Entity<Restaurant> : EntityOf<Restaurant, table_name::restaurants, decode_restaurant> {};
template <> struct Entity<FloorPlan> : EntityOf<FloorPlan, table_name::floor_plans, decode_floor_plan> {};
template <> struct Entity<Zone> : EntityOf<Zone, table_name::zones, decode_zone> {};
template <> struct Entity<Table> : EntityOf<Table, table_name::tables, decode_table> {};
template <> struct Entity<Service> : EntityOf<Service, table_name::services, decode_service> {};
template <> struct Entity<TeamMember> : EntityOf<TeamMember, table_name::team_members, decode_team_member> {};
template <> struct Entity<Customer> : EntityOf<Customer, table_name::customers, decode_customer> {};
template <> struct Entity<Reservation> : EntityOf<Reservation, table_name::reservations, decode_reservation> {};
template <> struct Entity<ReservationEvent> : EntityOf<ReservationEvent, table_name::reservation_events, decode_reservation_event> {};
template <> struct Entity<WaitlistEntry> : EntityOf<WaitlistEntry, table_name::waitlist_entries, decode_waitlist_entry> {};
template <> struct Entity<DailyTableOverride> : EntityOf<DailyTableOverride, table_name::daily_table_overrides, decode_daily_table_override> {};
template <> struct Entity<DailyExtraTable> : EntityOf<DailyExtraTable, table_name::daily_extra_tables, decode_daily_extra_table> {};
template <> struct Entity<DailyFloorNote> : EntityOf<DailyFloorNote, table_name::daily_floor_notes, decode_daily_floor_note> {};
template <> struct Entity<ServerSection> : EntityOf<ServerSection, table_name::server_sections, decode_server_section> {};
template <> struct Entity<CommunicationEvent> : EntityOf<CommunicationEvent, table_name::communication_events, decode_communication_event> {};
// clang-format on

// Every entity, for code that visits them all (the quarantine's decoders).
template <class Visit>
void for_each_entity(Visit&& visit) {
  visit(Entity<Restaurant>{}), visit(Entity<FloorPlan>{}), visit(Entity<Zone>{}),
      visit(Entity<Table>{}), visit(Entity<Service>{}), visit(Entity<TeamMember>{}),
      visit(Entity<Customer>{}), visit(Entity<Reservation>{}), visit(Entity<ReservationEvent>{}),
      visit(Entity<WaitlistEntry>{}), visit(Entity<DailyTableOverride>{}),
      visit(Entity<DailyExtraTable>{}), visit(Entity<DailyFloorNote>{}),
      visit(Entity<ServerSection>{}), visit(Entity<CommunicationEvent>{});
}

}  // namespace foh::net
