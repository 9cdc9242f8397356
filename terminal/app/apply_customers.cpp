// The guest at the door: the booking form's search for known customers, and
// the card saved with a booking (before it, on the Store's worker, in the
// same write: app/apply.cpp and app/booking.cpp call keep_card).
#include "app/app.hpp"
#include "app/guest_card.hpp"
#include "app/store_worker.hpp"
#include "foh/engine/customer.hpp"

namespace foh::app {

namespace {
constexpr int kMatchesShown = 4;
}

// The search runs on the Store's worker, its own connection (a scan of the
// customers: ~10 ms at 5 000 on a busy tablet, more than a frame); its answer
// lands on the main thread and is kept only if the host has not typed on.
void App::find_guests(const std::string& query) {
  ui::BookingForm& f = screens_.reservations.form;
  if (query != f.guest_query) return;  // typed on since: a newer search follows
  if (query.empty()) {
    f.matches.clear();
    return;
  }
  services_->writer->run(JobKind::Reload, "", clock_.system_now(), [this, query](net::Store& s) {
    auto found =
        std::make_shared<std::vector<Customer>>(s.cache().search_customers(query, kMatchesShown));
    return Jobs::Landing([this, query, found] {
      ui::BookingForm& form = screens_.reservations.form;
      if (form.guest_query == query && !form.guest) form.matches = std::move(*found);
    });
  });
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
