// The guest at the door: the booking form's search for known customers, and
// the card saved with a booking (before it, on the Store's worker, in the
// same write: app/apply.cpp and app/booking.cpp call keep_card).
#include "app/app.hpp"
#include "app/guest_card.hpp"
#include "foh/engine/customer.hpp"

namespace foh::app {

namespace {
constexpr int kMatchesShown = 4;
}

void App::find_guests(const std::string& query) {
  ui::BookingForm& f = reservations_view_.form;
  if (query != f.guest_query) return;  // typed on since: a newer search follows
  f.matches = query.empty() ? std::vector<Customer>{}
                            : cache_->search_customers(query, kMatchesShown);
}

Result<Uuid> keep_card(net::Store& s, Customer card, const net::Actor& by) {
  if (!card.id.empty() && !s.cache().has_row("customers", card.id))
    if (auto known = s.customer_by_phone(card.phone)) {
      Customer merged = std::move(*known);
      for (const std::string& t : card.tags) merged.tags = with_tag(merged.tags, t);
      if (!card.notes.empty() && merged.notes.find(card.notes) == std::string::npos)
        merged.notes = merged.notes.empty() ? card.notes : merged.notes + " / " + card.notes;
      if (merged.name.empty()) merged.name = card.name;
      card = std::move(merged);
    }
  auto saved = s.save_customer(std::move(card), by);
  if (!saved) return saved.error();
  return saved->id;
}

}  // namespace foh::app
