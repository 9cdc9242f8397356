#pragma once
// JSON <-> model, with exactly the seed's column names. Decoding never
// defaults silently: a missing required column, a wrong type or a value out of
// range is an Error naming `where` (e.g. "R.json: tables[3]") and the field.
// Encoding writes every known column plus the row's `extra` columns.
#include <string>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh {

Result<Settings> decode_settings(const Json& j, const std::string& where);
Result<Restaurant> decode_restaurant(const Json& j, const std::string& where);
Result<FloorPlan> decode_floor_plan(const Json& j, const std::string& where);
Result<Zone> decode_zone(const Json& j, const std::string& where);
Result<Table> decode_table(const Json& j, const std::string& where);
Result<Service> decode_service(const Json& j, const std::string& where);
Result<Reservation> decode_reservation(const Json& j, const std::string& where);
Result<WaitlistEntry> decode_waitlist_entry(const Json& j, const std::string& where);
Result<TeamMember> decode_team_member(const Json& j, const std::string& where);
Result<ReservationEvent> decode_reservation_event(const Json& j, const std::string& where);
Result<Customer> decode_customer(const Json& j, const std::string& where);
Result<DailyTableOverride> decode_daily_table_override(const Json& j, const std::string& where);
Result<DailyExtraTable> decode_daily_extra_table(const Json& j, const std::string& where);
Result<DailyFloorNote> decode_daily_floor_note(const Json& j, const std::string& where);
Result<ServerSection> decode_server_section(const Json& j, const std::string& where);
Result<CommunicationEvent> decode_communication_event(const Json& j, const std::string& where);

Json encode(const Settings& s);
Json encode(const Restaurant& r);
Json encode(const FloorPlan& r);
Json encode(const Zone& r);
Json encode(const Table& r);
Json encode(const Service& r);
Json encode(const Reservation& r);
Json encode(const WaitlistEntry& r);
Json encode(const TeamMember& r);
Json encode(const ReservationEvent& r);
Json encode(const Customer& r);
Json encode(const DailyTableOverride& r);
Json encode(const DailyExtraTable& r);
Json encode(const DailyFloorNote& r);
Json encode(const ServerSection& r);
Json encode(const CommunicationEvent& r);

// R.json: {"restaurant": {...}, "floor_plans": [...], "zones": [...], "tables": [...],
//          "services": [...], "team_members": [...]}; decoded then validated
// (validate.hpp): duplicate table names in a floor plan, unknown combination
// members, capacity_min > capacity_max are errors naming the row.
Result<Venue> decode_venue(const Json& j, const std::string& where);
Json encode(const Venue& v);

// A day: {"date": "YYYY-MM-DD", "reservations": [...], "waitlist_entries": [...],
//         "daily_table_overrides": [...], "daily_extra_tables": [...], "daily_floor_notes": [...],
//         "server_sections": [...] (written only when there are some)}
Result<DayBook> decode_day(const Json& j, const std::string& where);
Json encode(const DayBook& d);

}  // namespace foh
