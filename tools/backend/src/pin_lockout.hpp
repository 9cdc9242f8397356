#pragma once
// pin-login's lockout (migration 018, foh_private.pin_attempts): failures
// count per team member *per terminal*, so one member's wrong PINs never lock
// another and one terminal's never lock another terminal. An attempt is
// counted as a failure *before* its PIN is hashed (reserve_attempt, one short
// transaction), so parallel guesses are counted one after the other while
// PBKDF2 runs with no connection and no row lock held; a right PIN then
// clears the count (clear_attempts). Rules, against OWASP and NIST SP 800-63B
// §5.2.2, in tools/backend/SYNC.md ("PIN login").
#include <cstdint>
#include <string>

#include "pg_tx.hpp"

namespace foh::backend {

inline constexpr int kPinFreeFailures = 5;        // wrong PINs before the first lock
inline constexpr int kPinFirstLockSeconds = 30;   // the 5th wrong PIN's lock; doubles after
inline constexpr int kPinMaxLockSeconds = 300;    // never longer: a lock is minutes, not days
inline constexpr int kPinQuietSeconds = 15 * 60;  // no failure this long: the count restarts

struct PinPolicy {
  int free_failures = kPinFreeFailures;
  int first_lock_seconds = kPinFirstLockSeconds;
  int max_lock_seconds = kPinMaxLockSeconds;
  int quiet_seconds = kPinQuietSeconds;

  // The constants above, each replaceable for tests by a positive
  // FOH_PIN_FIRST_LOCK_SECONDS, FOH_PIN_MAX_LOCK_SECONDS, FOH_PIN_QUIET_SECONDS.
  static PinPolicy from_env();
  // The lock after the n-th consecutive failure: 0 below free_failures, then
  // first_lock_seconds doubled per further failure, capped.
  int64_t lock_seconds(int failures) const;
};

struct Reservation {
  bool locked = false;      // refused unchecked (and not counted)
  int64_t retry_after = 0;  // seconds, when locked
};

// Counts one attempt of `member` on terminal `device` as a failure, unless the
// pair is locked now (then nothing is counted). Runs in `tx`; the caller commits.
Result<Reservation, ApiError> reserve_attempt(PgTx& tx, const std::string& member,
                                              const std::string& device, const PinPolicy& policy);

// A right PIN: the pair's count starts again from zero.
ApiStatus clear_attempts(PgTx& tx, const std::string& member, const std::string& device);

}  // namespace foh::backend
