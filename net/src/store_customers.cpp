// Customers: the card a host fills at the door, and a booking's link to it.
// The counts are the backend's (migration 025 computes them from statuses):
// a save keeps the cached ones, so a Patch never carries them and a new
// row's are zero, as the backend makes them anyway.
#include "foh/engine/codec.hpp"
#include "foh/engine/customer.hpp"
#include "foh/engine/limits.hpp"
#include "foh/net/entities.hpp"
#include "foh/net/rows.hpp"
#include "foh/net/store.hpp"
#include "store_write.hpp"

namespace foh::net {

namespace {

Status check_lengths(const Customer& c) {
  const std::string where = "customers " + c.id;
  auto longer = [&](const std::string& v, const char* column, size_t max) -> Status {
    if (limits::utf8_chars(v) <= max) return ok();
    return Error{where + "." + column,
                 "longer than " + std::to_string(max) + " characters",
                 "customer_too_long",
                 {std::to_string(max)}};
  };
  Status st = longer(c.name, "name", limits::kMaxNameChars);
  if (st) st = longer(c.phone, "phone", limits::kMaxPhoneChars);
  if (st) st = longer(c.email, "email", limits::kMaxEmailChars);
  if (st) st = longer(c.notes, "notes", limits::kMaxNotesChars);
  for (const std::string& t : c.tags)
    if (st) st = longer(t, "tags", limits::kMaxTagChars);
  if (st && c.tags.size() > limits::kMaxTags)
    st = Error{where + ".tags",
               "more than " + std::to_string(limits::kMaxTags) + " tags",
               "customer_too_many_tags",
               {std::to_string(limits::kMaxTags)}};
  return st;
}

}  // namespace

std::optional<Customer> Store::customer_by_phone(std::string_view phone) {
  const std::string key = customer_phone_key(phone);
  if (key.empty()) return std::nullopt;
  const Uuid rid = restaurant_id(cache_);
  std::vector<Customer> near = cache_.search_customers(key, 50);
  if (const Customer* c = customer_with_phone(near, phone, rid)) return *c;
  return std::nullopt;
}

Result<Customer> Store::save_customer(Customer c, const Actor& /*by*/) {
  if (c.id.empty()) c.id = new_uuid();
  if (!c.restaurant_id) c.restaurant_id = restaurant_id(cache_);
  if (auto st = check_lengths(c); !st) return st.error();
  std::optional<Json> before = Rows<Customer>(cache_).json(c.id);
  std::optional<Customer> cached;
  if (before) {
    auto d = decode_customer(*before, "cache: " + Rows<Customer>::where(c.id));
    if (!d) return d.error();
    cached = std::move(d).value();
    before = encode(*cached);  // as the codec writes it: only real changes differ
  }
  if (auto other = customer_by_phone(c.phone); other && other->id != c.id)
    return Error{Rows<Customer>::where(c.id) + ".phone",
                 "the phone of " + (other->name.empty() ? other->id : other->name),
                 "customer_phone_taken",
                 {other->name}};
  // The backend's columns stay as last pulled.
  c.visit_count = cached ? cached->visit_count : 0;
  c.no_show_count = cached ? cached->no_show_count : 0;
  c.cancellation_count = cached ? cached->cancellation_count : 0;
  c.last_visit = cached ? cached->last_visit : std::nullopt;
  c.classification = cached ? cached->classification : std::string();
  const std::string now = now_iso();
  if (!cached)
    c.created_at = now;
  else
    c.created_at = cached->created_at;
  c.updated_at = cached ? cached->updated_at : now;
  auto w = edit_write(before, c);
  if (!w) return *cached;  // the same command again, or nothing changed
  if (auto st = commit_rows({*w}, now); !st) return st.error();
  return c;
}

Result<Reservation> Store::link_customer(const Uuid& reservation_id,
                                         const std::optional<Uuid>& customer_id,
                                         const Actor& /*by*/) {
  auto before = cache_.reservation(reservation_id);
  if (!before) return before.error();
  if (customer_id && !Rows<Customer>(cache_).has(*customer_id))
    return Error{"reservations " + reservation_id + ".customer_id",
                 "unknown customer " + *customer_id,
                 "unknown_customer",
                 {*customer_id}};
  Reservation next = *before;
  next.customer_id = customer_id;
  if (next == *before) return next;
  const std::string now = now_iso();
  next.updated_at = now;
  auto w = edit_write(encode(*before), next);
  if (!w) return next;
  if (auto st = commit_rows({*w}, now); !st) return st.error();
  return next;
}

}  // namespace foh::net
