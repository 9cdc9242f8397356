#pragma once
// The card saved with a booking from the form, on the Store's worker, before
// the booking itself (app/apply_customers.cpp).
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/store.hpp"

namespace foh::app {

// Saves `card` and returns its id for the booking's customer_id. A new card
// (not in the cache) whose phone a known customer has becomes that customer,
// with the tags and notes given here added: one customer per phone.
Result<Uuid> keep_card(net::Store& s, Customer card, const net::Actor& by);

}  // namespace foh::app
