#include "pin_lockout.hpp"

#include <algorithm>
#include <cstdlib>

namespace foh::backend {
namespace {

constexpr int kMaxDoublings = 20;  // keeps the shift in range; the cap is far below

int env_seconds(const char* name, int fallback) {
  const char* v = std::getenv(name);
  int n = v ? std::atoi(v) : 0;
  return n > 0 ? n : fallback;
}

}  // namespace

PinPolicy PinPolicy::from_env() {
  PinPolicy p;
  p.first_lock_seconds = env_seconds("FOH_PIN_FIRST_LOCK_SECONDS", p.first_lock_seconds);
  p.max_lock_seconds = env_seconds("FOH_PIN_MAX_LOCK_SECONDS", p.max_lock_seconds);
  p.quiet_seconds = env_seconds("FOH_PIN_QUIET_SECONDS", p.quiet_seconds);
  return p;
}

int64_t PinPolicy::lock_seconds(int failures) const {
  if (failures < free_failures) return 0;
  int doublings = std::min(failures - free_failures, kMaxDoublings);
  return std::min<int64_t>(static_cast<int64_t>(first_lock_seconds) << doublings, max_lock_seconds);
}

Result<Reservation, ApiError> reserve_attempt(PgTx& tx, const std::string& member,
                                              const std::string& device, const PinPolicy& policy) {
  // One upsert that locks the pair's row and reads it: a separate insert, then
  // SELECT ... FOR UPDATE, found no row when a parallel right PIN deleted it in
  // between (its clear_attempts), and a right PIN got a 500. The row stays
  // locked until `tx` ends (a few milliseconds: nothing is hashed here), so a
  // parallel attempt on the same pair sees this one's count.
  auto row = tx.exec(
      "insert into foh_private.pin_attempts as a (team_member_id, device_id) "
      "values ($1::uuid, $2::uuid) "
      "on conflict (team_member_id, device_id) do update set failures = a.failures "
      "returning a.failures, "
      "greatest(0, ceil(extract(epoch from a.locked_until - clock_timestamp())))::bigint, "
      "(a.last_failure_at < clock_timestamp() - make_interval(secs => $3::int))::text",
      {member, device, std::to_string(policy.quiet_seconds)});
  if (!row.ok()) return row.error();
  const Rows& r = row.value();
  if (!r.size()) return pgrst(500, "FOH_PIN_ATTEMPTS", "pin_attempts row missing");
  Reservation out;
  if (int64_t left = std::stoll(r.data[0][1].value_or("0")); left > 0) {
    out.locked = true;
    out.retry_after = left;
    return out;
  }
  bool quiet = r.data[0][2].value_or("false") == "true";
  int failures = quiet ? 1 : std::stoi(r.data[0][0].value_or("0")) + 1;
  auto counted = tx.exec(
      "update foh_private.pin_attempts set failures = $3::int, "
      "last_failure_at = clock_timestamp(), locked_until = case when $4::bigint > 0 "
      "then clock_timestamp() + make_interval(secs => $4::bigint) end "
      "where team_member_id = $1::uuid and device_id = $2::uuid",
      {member, device, std::to_string(failures), std::to_string(policy.lock_seconds(failures))});
  if (!counted.ok()) return counted.error();
  return out;
}

ApiStatus clear_attempts(PgTx& tx, const std::string& member, const std::string& device) {
  auto done = tx.exec(
      "delete from foh_private.pin_attempts where team_member_id = $1::uuid "
      "and device_id = $2::uuid",
      {member, device});
  if (!done.ok()) return done.error();
  return Ok{};
}

}  // namespace foh::backend
