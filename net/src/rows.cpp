// Rows<T>: one entity's cached rows, decoded and encoded by the engine's codec.
#include "foh/net/rows.hpp"

#include "foh/engine/codec.hpp"
#include "set_aside.hpp"

namespace foh::net {

template <class T>
void Rows<T>::decode(const std::vector<Json>& rows, std::vector<T>& out, SetAsideRows* report) {
  out.reserve(out.size() + rows.size());
  for (const auto& j : rows) {
    const std::string id = j.is_object() ? j.value("id", std::string("?")) : std::string("?");
    const std::string at = where(id);
    auto r = Entity<T>::decode(j, at);
    Status readable = r ? timestamps_readable(table, j) : Status(r.error());
    if (readable)
      out.push_back(std::move(r).value());
    else
      set_aside(cache_, table, id, j.dump(), set_aside_reason(readable.error(), at), report);
  }
}

template <class T>
Result<T> Rows<T>::get(const Uuid& id, Error gone) {
  auto j = cache_.get_row(table, id);
  if (!j) return gone;
  return Entity<T>::decode(*j, "cache: " + where(id));
}

template <class T>
Status Rows<T>::put(const T& row) {
  return cache_.put_row(table, encode(row));
}

template <class T>
std::vector<T> Rows<T>::all(SetAsideRows* report) {
  std::vector<T> out;
  decode(cache_.rows(table, report), out, report);
  return out;
}

template <class T>
std::vector<T> Rows<T>::about(const Uuid& ref_id, SetAsideRows* report) {
  std::vector<T> out;
  decode(cache_.rows_about(table, ref_id, report), out, report);
  return out;
}

template <class T>
std::vector<T> Rows<T>::of_date(Date date, SetAsideRows* report) {
  std::vector<T> out;
  decode(cache_.rows_of_date(table, date, report), out, report);
  return out;
}

template class Rows<Restaurant>;
template class Rows<FloorPlan>;
template class Rows<Zone>;
template class Rows<Table>;
template class Rows<Service>;
template class Rows<TeamMember>;
template class Rows<Customer>;
template class Rows<Reservation>;
template class Rows<ReservationEvent>;
template class Rows<WaitlistEntry>;
template class Rows<DailyTableOverride>;
template class Rows<DailyExtraTable>;
template class Rows<DailyFloorNote>;
template class Rows<ServerSection>;
template class Rows<CommunicationEvent>;

}  // namespace foh::net
