#pragma once
// A guest's card: which of a customer's tags a host must see at once (an
// allergy, a VIP, a regular), found however the tag was typed ("Allergie :
// arachides", "allergy", "vip"), and the one rule for "the same customer"
// (one per normalised phone per restaurant, search.hpp's phone_key; the
// backend's unique index of migration 025 follows the same rule). Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "foh/engine/model.hpp"

namespace foh {

// The tags the terminal offers and shows apart; anything else is free text.
enum class GuestTag { Vip, Regular, Allergy, Other };

// The kind of one tag: "VIP" -> Vip; "Habitué"/"regular" -> Regular;
// "Allergie", "Allergy", "Allergie : noix" -> Allergy; else Other.
GuestTag tag_kind(std::string_view tag);
bool has_tag(const Customer& c, GuestTag kind);

// The word the seed stores for a preset tag ("VIP", "Habitué", "Allergie").
const char* tag_word(GuestTag kind);

// The key two customers of one restaurant may not share: phone_key of the
// phone; empty when the phone has no digits (such customers never collide).
std::string customer_phone_key(std::string_view phone);

// The customer of `all` with `phone`'s key in `restaurant_id` (or any
// restaurant when it is empty), if any.
const Customer* customer_with_phone(const std::vector<Customer>& all, std::string_view phone,
                                    const Uuid& restaurant_id = {});

// `tags` with `tag` added (trimmed; nothing when empty or already there, in
// name_key terms) or removed.
std::vector<std::string> with_tag(std::vector<std::string> tags, std::string_view tag);
std::vector<std::string> without_tag(std::vector<std::string> tags, std::string_view tag);

}  // namespace foh
