#pragma once
// GET /w/<notification_token>: the guest's live position page (issue 14), and
// POST /w/<token>/leave: "leave the list". No key and no login: the long,
// random token is the guest's only credential, so the page shows nothing of
// any other guest and dies with the entry (404, in the guest's language).
// The database is read through foh_private.position_page / waitlist_leave
// (migration 020), which the REST API does not expose; the wait is quoted by
// the engine's plan_waitlist, as the terminal quotes it.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "pg_pool.hpp"
#include "position_html.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace foh::backend {

class PositionPage {
 public:
  explicit PositionPage(PgPool& pool) : pool_(pool) {}
  void mount(httplib::Server& server);

 private:
  void show(const httplib::Request& req, httplib::Response& res);
  void leave(const httplib::Request& req, httplib::Response& res);

  PgPool& pool_;
};

// The quote for one entry from foh_private.position_page's JSON (venue, day,
// local_now, utc_offset_s): nullopt when no table seats the party; an Error
// when the rows cannot be read by the engine.
struct PageQuote {
  std::optional<int> minutes;
};
Result<PageQuote> quote_entry(const nlohmann::json& page);

}  // namespace foh::backend
