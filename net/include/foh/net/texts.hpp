#pragma once
// Guest texts in the cache (issue 14): the pulled communication_events of the
// day's waitlist entries and bookings, and the month's SMS quota the sync
// thread last read (rpc get_sms_quota), so a manager sees it offline too.
#include <optional>
#include <vector>

#include "foh/engine/texts.hpp"
#include "foh/net/cache.hpp"

namespace foh::net {

class RestClient;

// The texts about `subjects` (waitlist entry or booking ids), as pulled; a
// row the engine cannot read is left out, set aside in the quarantine and
// named in `report` (as every cache read does, net/rows.hpp).
std::vector<CommunicationEvent> texts_of(Cache& cache, const std::vector<Uuid>& subjects,
                                         SetAsideRows* report = nullptr);
// Every subject of `day`: its waitlist entries and bookings.
std::vector<CommunicationEvent> texts_of_day(Cache& cache, const DayBook& day,
                                             SetAsideRows* report = nullptr);

// The quota as last read, nullopt before the first read (or with a backend
// that has no get_sms_quota).
std::optional<SmsQuota> cached_sms_quota(Cache& cache);
// Reads it through `rest` (POST /rest/v1/rpc/get_sms_quota {restaurant_id})
// and keeps it; `changed` tells whether it differs from the kept one. A
// backend without the rpc (404) or a token refused it (403) is no error: the
// terminal simply shows no quota.
Status pull_sms_quota(Cache& cache, RestClient& rest, const Uuid& restaurant_id, bool& changed);

// kv key the quota is kept under (its JSON as the rpc answered).
inline constexpr const char* kSmsQuotaKey = "sms_quota";

}  // namespace foh::net
