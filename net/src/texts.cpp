#include "foh/net/texts.hpp"

#include <iterator>

#include "foh/engine/codec.hpp"
#include "foh/net/local_settings.hpp"
#include "foh/net/rest.hpp"
#include "foh/net/rows.hpp"

namespace foh::net {

std::vector<CommunicationEvent> texts_of(Cache& cache, const std::vector<Uuid>& subjects,
                                         SetAsideRows* report) {
  std::vector<CommunicationEvent> out;
  Rows<CommunicationEvent> texts(cache);
  for (const Uuid& subject : subjects) {  // ref_id is the subject: one indexed lookup each
    auto about = texts.about(subject, report);
    out.insert(out.end(), std::make_move_iterator(about.begin()),
               std::make_move_iterator(about.end()));
  }
  return out;
}

std::vector<CommunicationEvent> texts_of_day(Cache& cache, const DayBook& day,
                                             SetAsideRows* report) {
  std::vector<Uuid> ids;
  ids.reserve(day.waitlist.size() + day.reservations.size());
  for (const WaitlistEntry& e : day.waitlist) ids.push_back(e.id);
  for (const Reservation& r : day.reservations) ids.push_back(r.id);
  return texts_of(cache, ids, report);
}

std::optional<SmsQuota> cached_sms_quota(Cache& cache) {
  auto kept = LocalSettings(cache).get(kSmsQuotaKey);
  if (!kept) return std::nullopt;
  auto j = Json::parse(*kept, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  auto q = decode_sms_quota(j);
  if (!q) return std::nullopt;
  return *q;
}

Status pull_sms_quota(Cache& cache, RestClient& rest, const Uuid& restaurant_id, bool& changed) {
  changed = false;
  if (restaurant_id.empty()) return ok();
  RestResponse r = rest.post("/rest/v1/rpc/get_sms_quota", Json{{"restaurant_id", restaurant_id}});
  if (!r.ok()) {
    if (r.error.status == 404 || r.error.status == 403) return ok();
    return Error{"get_sms_quota", r.error.text()};
  }
  auto q = decode_sms_quota(r.body);
  if (!q) return q.error();
  const Json& answer = r.body.is_array() && !r.body.empty() ? r.body.front() : r.body;
  std::string text = answer.dump();
  if (LocalSettings(cache).get(kSmsQuotaKey) == text) return ok();
  changed = true;
  return LocalSettings(cache).set(kSmsQuotaKey, text);
}

}  // namespace foh::net
