// Assigner: online assignment of one request against the day, with the
// host-readable reason for the choice or the refusal.
#include "foh/engine/assign.hpp"

#include "assign_state.hpp"
#include "foh/engine/pacing.hpp"
#include "foh/engine/rules.hpp"
#include "foh/engine/sections.hpp"
#include "phrases.hpp"

namespace foh {
namespace {

using detail::Plan;
using detail::Query;
using detail::Ranked;

const std::string& plan_name(const Venue& v, const Uuid& floor_plan_id) {
  static const std::string kNone;
  for (const auto& p : v.floor_plans)
    if (p.id == floor_plan_id) return p.name;
  return kNone;
}

// Rotation's tie-break per Floor table index: the recent covers of the
// table's section; tables in no section after every sectioned one.
constexpr int kNoSection = 1 << 20;

void rotation_ties(const Floor& floor, const Rotation& r, std::vector<int>& out) {
  out.assign(floor.tables().size(), kNoSection);
  for (size_t i = 0; i < floor.tables().size(); ++i)
    if (const Uuid* server = r.sections.server_of(floor.tables()[i].id))
      out[i] = r.recent_of(*server);
}

const std::string& member_name(const Venue& v, const Uuid& id) {
  for (const TeamMember& m : v.team_members)
    if (m.id == id) return m.display_name;
  return id;
}

Decision refusal(Outcome outcome, std::string reason) {
  Decision d;
  d.outcome = outcome;
  d.reason = std::move(reason);
  return d;
}

}  // namespace

// "Table 12 (4 seats, Salle principale): free 19:00–20:30, exact fit"
std::string Assigner::State::describe(int option, const detail::Query& q, int moves) const {
  const detail::Option& o = index.option(option);
  const Table& first = floor.tables()[o.table];
  phrase::Choice c;
  c.combination = o.combination;
  c.number = table_number(option);
  c.seats = o.cap_max;
  c.plan = plan_name(venue, first.floor_plan_id);
  c.start = q.span.start;
  c.end = q.span.end;
  c.spare = o.cap_max - q.party;
  c.outside_zone = q.zone && !(first.zone_id && *first.zone_id == *q.zone);
  c.moves = moves;
  return phrase::choice(options.language, c);
}

std::vector<Uuid> Assigner::State::table_ids(int option) const {
  std::vector<Uuid> ids;
  const int* m = index.members(option);
  ids.reserve(index.option(option).member_count);
  for (int k = 0; k < index.option(option).member_count; ++k)
    ids.push_back(floor.tables()[m[k]].id);
  return ids;
}

std::string Assigner::State::table_number(int option) const {
  const detail::Option& o = index.option(option);
  return o.combination ? floor.combinations()[o.combo].key : floor.tables()[o.table].name;
}

std::vector<Move> Assigner::State::commit(const Plan& plan, Reservation r) {
  std::vector<Move> moved;
  for (int i = 0; i < plan.move_count; ++i) {
    auto [res, option] = plan.moves[i];
    Reservation& m = day.reservations[res];
    Move mv{m.id, floor.tables_of(m), table_ids(option), m.table_number, table_number(option)};
    m.table_id = mv.to_table_ids.front();
    m.table_number = mv.to_table_number;
    index.move(res, option);
    moved.push_back(std::move(mv));
  }
  r.table_id = floor.tables()[index.option(plan.option).table].id;
  r.table_number = table_number(plan.option);
  day.reservations.push_back(std::move(r));
  index.add(day.reservations.back(), plan.option);
  pacing.add(day.reservations.back());
  return moved;
}

Result<Assigner> Assigner::create(const Venue& venue, DayBook day, AssignOptions options) {
  auto floor = Floor::build(venue, &day);
  if (!floor) return floor.error();
  return Assigner(std::make_unique<State>(venue, std::move(day), options, std::move(*floor)));
}

Assigner::Assigner(std::unique_ptr<State> s) : s_(std::move(s)) {}
Assigner::~Assigner() = default;
Assigner::Assigner(Assigner&&) noexcept = default;
Assigner& Assigner::operator=(Assigner&&) noexcept = default;
const DayBook& Assigner::day() const { return s_->day; }
const Venue& Assigner::venue() const { return s_->venue; }

namespace {

// What seating `req` would do, and in `plan` how (for assign() to apply).
Decision decide(Assigner::State& s, const SeatRequest& req, Plan& plan) {
  plan.option = -1;
  const Language lang = s.options.language;
  if (req.party_size < 1 || req.party_size > 99)
    return refusal(Outcome::Invalid, phrase::refused_party_size(lang, req.party_size));
  if (req.date != s.day.date)
    return refusal(Outcome::Invalid, phrase::refused_other_day(lang, req.date, s.day.date));
  if (s.options.check_hours && !service_at(req.date, req.time, s.venue.services))
    return refusal(Outcome::Closed, phrase::refused_closed(lang, req.time));
  s.scratch.id = req.id;
  s.scratch.date = req.date;
  s.scratch.time = req.time;
  s.scratch.party_size = req.party_size;
  s.scratch.duration = req.duration;
  s.scratch.status = ReservationStatus::Confirmed;
  if (s.options.check_pacing) {
    PacingCheck pc = s.pacing.check(s.scratch);
    if (!pc.allowed) return refusal(Outcome::Pacing, phrase::refused_pacing(lang, pc.reason));
  }
  Query q{req.party_size, span_of(s.scratch, s.venue.restaurant.settings, s.venue.services),
          req.zone_id ? &*req.zone_id : nullptr};
  const bool rotates = req.rotation && !req.rotation->sections.empty();
  if (rotates) rotation_ties(s.floor, *req.rotation, s.ties);
  const int max_out = 1 + std::max(0, std::min(s.options.max_alternatives, 15));
  Ranked found[16];
  int worst_tie = 0;  // among the equally good free tables
  int count =
      detail::free_options(s.index, q, nullptr, found, max_out, rotates ? s.ties.data() : nullptr,
                           rotates ? &worst_tie : nullptr);
  if (count > 0) {
    plan.option = found[0].option;
    plan.move_count = 0;
  } else if (!s.options.allow_moves || req.party_size < s.options.moves_from_party ||
             !detail::plan_with_moves(s.index, q, s.options.max_move_depth, s.options.search_budget,
                                      plan)) {
    if (req.party_size > s.index.largest_capacity())
      return refusal(Outcome::NoTable,
                     phrase::no_table_seats(lang, req.party_size, s.index.largest_capacity()));
    return refusal(Outcome::NoTable, phrase::no_table_free(lang, req.party_size, req.time));
  }
  Decision d;
  d.accepted = true;
  d.outcome = Outcome::Seated;
  d.table_ids = s.table_ids(plan.option);
  d.table_number = s.table_number(plan.option);
  d.reason = s.describe(plan.option, q, plan.move_count);
  // Rotation chose when an equally good table of a busier section (or of
  // none) was free too.
  if (rotates && count > 0 && worst_tie > found[0].tie && found[0].tie != kNoSection) {
    const Uuid& server = *req.rotation->sections.server_of(
        s.floor.tables()[s.index.option(found[0].option).table].id);
    d.reason +=
        phrase::rotation(lang, member_name(s.venue, server), found[0].tie, kRotationMinutes);
  }
  for (int i = 0; i < plan.move_count; ++i) {
    const Reservation& m = s.day.reservations[plan.moves[i].res];
    d.moved.push_back({m.id, s.floor.tables_of(m), s.table_ids(plan.moves[i].option),
                       m.table_number, s.table_number(plan.moves[i].option)});
  }
  for (int i = 1; i < count; ++i)
    d.alternatives.push_back({s.table_ids(found[i].option), s.table_number(found[i].option),
                              s.describe(found[i].option, q, 0)});
  return d;
}

}  // namespace

Decision Assigner::propose(const SeatRequest& req) const {
  Plan plan;
  return decide(*s_, req, plan);
}

Decision Assigner::assign(const SeatRequest& req) {
  Plan plan;
  Decision d = decide(*s_, req, plan);
  if (!d.accepted) return d;
  s_->commit(plan, booking_of(req, s_->venue));
  return d;
}

Reservation booking_of(const SeatRequest& request, const Venue& venue) {
  Reservation r;
  r.id = request.id;
  r.restaurant_id = venue.restaurant.id;
  r.party_size = request.party_size;
  r.date = request.date;
  r.time = request.time;
  r.duration = request.duration;
  r.status = ReservationStatus::Confirmed;
  return r;
}

Result<Reservation> moved_now(const Reservation& current, const Move& m, Language l) {
  const std::string where = "reservations " + m.reservation_id + ".table_id";
  if (m.to_table_ids.empty()) return Error{where, phrase::move_to_no_table(l)};
  if (!is_live(current.status) || current.status == ReservationStatus::Arrived ||
      current.status == ReservationStatus::Seated)
    return Error{where, phrase::move_stays(l, current.guest_name, current.status)};
  if (!m.from_table_ids.empty() && current.table_id != m.from_table_ids.front())
    return Error{where, phrase::move_not_from(l, current.guest_name, m.from_table_number)};
  if (m.from_table_ids.empty() && current.table_id)
    return Error{where, phrase::move_has_table(l, current.guest_name, current.table_number)};
  Reservation r = current;
  r.table_id = m.to_table_ids.front();
  r.table_number = m.to_table_number;
  return r;
}

Result<Decision> suggest_table(const Venue& venue, const DayBook& day, const SeatRequest& request,
                               AssignOptions options) {
  auto a = Assigner::create(venue, day, options);
  if (!a) return a.error();
  return a->propose(request);
}

}  // namespace foh
