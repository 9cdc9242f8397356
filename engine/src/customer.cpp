// A guest's tags and the same-customer rule (customer.hpp).
#include "foh/engine/customer.hpp"

#include <algorithm>

#include "foh/engine/search.hpp"

namespace foh {

GuestTag tag_kind(std::string_view tag) {
  const std::string k = name_key(tag);
  if (k == "vip") return GuestTag::Vip;
  if (k == "habitue" || k == "regular" || k == "habituee") return GuestTag::Regular;
  // "Allergie", "allergique", "Allergy", "Allergie : arachides".
  if (k.rfind("allerg", 0) == 0) return GuestTag::Allergy;
  return GuestTag::Other;
}

bool has_tag(const Customer& c, GuestTag kind) {
  return std::any_of(c.tags.begin(), c.tags.end(),
                     [&](const std::string& t) { return tag_kind(t) == kind; });
}

const char* tag_word(GuestTag kind) {
  switch (kind) {
    case GuestTag::Vip:
      return "VIP";
    case GuestTag::Regular:
      return "Habitué";
    case GuestTag::Allergy:
      return "Allergie";
    case GuestTag::Other:
      break;
  }
  return "";
}

std::string customer_phone_key(std::string_view phone) { return phone_key(phone); }

const Customer* customer_with_phone(const std::vector<Customer>& all, std::string_view phone,
                                    const Uuid& restaurant_id) {
  const std::string key = customer_phone_key(phone);
  if (key.empty()) return nullptr;
  for (const Customer& c : all) {
    if (!restaurant_id.empty() && c.restaurant_id && *c.restaurant_id != restaurant_id) continue;
    if (customer_phone_key(c.phone) == key) return &c;
  }
  return nullptr;
}

namespace {

std::string trimmed(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\n");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t\n");
  return std::string(s.substr(a, b - a + 1));
}

}  // namespace

std::vector<std::string> with_tag(std::vector<std::string> tags, std::string_view tag) {
  std::string t = trimmed(tag);
  if (name_key(t).empty()) return tags;
  for (const std::string& have : tags)
    if (name_key(have) == name_key(t)) return tags;
  tags.push_back(std::move(t));
  return tags;
}

std::vector<std::string> without_tag(std::vector<std::string> tags, std::string_view tag) {
  const std::string k = name_key(tag);
  std::erase_if(tags, [&](const std::string& t) { return name_key(t) == k; });
  return tags;
}

}  // namespace foh
