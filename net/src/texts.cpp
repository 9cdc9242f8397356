#include "foh/net/texts.hpp"

#include "foh/engine/codec.hpp"
#include "foh/net/entities.hpp"
#include "foh/net/local_settings.hpp"
#include "foh/net/rest.hpp"
#include "foh/net/rows.hpp"
#include "set_aside.hpp"
#include "sqlite_stmt.hpp"

namespace foh::net {

std::vector<CommunicationEvent> texts_of(Cache& cache, const std::vector<Uuid>& subjects,
                                         SetAsideRows* report) {
  using Texts = Rows<CommunicationEvent>;
  std::vector<Json> rows;
  std::vector<std::pair<std::string, std::string>> not_json;  // id, text
  for (const Uuid& subject : subjects) {
    // ref_id is the subject (cache.cpp): one indexed lookup per row of the day.
    Stmt s(cache, "SELECT json, id FROM communication_events WHERE ref_id = ?");
    s.bind(1, subject);
    while (s.step()) {
      std::string_view text = s.view(0);
      auto j = Json::parse(text.begin(), text.end(), nullptr, false);
      if (j.is_discarded())
        not_json.emplace_back(s.text(1), std::string(text));
      else
        rows.push_back(std::move(j));
    }
  }
  // The statements are done: the bad rows can move to the quarantine.
  for (const auto& [id, text] : not_json)
    set_aside(cache, Texts::table, id, text, "the cached row is not JSON", report);
  std::vector<CommunicationEvent> out;
  Texts(cache).decode(rows, out, report);
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
