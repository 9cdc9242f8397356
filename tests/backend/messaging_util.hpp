#pragma once
// Helpers of the guest-text tests (test_messaging*.cpp): direct SQL on the
// test database (for what no API role may read: the private queue), signed
// provider webhooks, and the waitlist rows the texts are about.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fohtest {

using SqlRow = std::vector<std::optional<std::string>>;
// Runs `sql` as the database owner (backend().db); fails the test on an error.
std::vector<SqlRow> sql(const std::string& sql, const std::vector<std::string>& params = {});
std::string sql_value(const std::string& sql, const std::vector<std::string>& params = {});

// The auth token foh-backend checks webhooks with (http_main.cpp sets it).
std::string twilio_token();
struct WebhookResp {
  int status = 0;
  std::string body;
};
// POSTs a form to `path`, signed for the URL foh-backend sees (http://127.0.0.1:PORT/path)
// unless `signature` is given.
WebhookResp post_webhook(const std::string& path,
                         const std::vector<std::pair<std::string, std::string>>& form,
                         const std::optional<std::string>& signature = std::nullopt,
                         const std::string& raw_body = "");

// A restaurant whose settings.sms is `sms` (merged in); its id.
std::string sms_restaurant(const std::string& name, const nlohmann::json& sms);
// A kiosk join (anon key) with or without the SMS box; the entry's id.
std::string kiosk_join(const std::string& restaurant, const std::string& name,
                       const std::string& phone, bool consent);
nlohmann::json entry_row(const std::string& id);  // read with the service key
std::string new_message_sid();
// Local time of the restaurant (Europe/Paris) shifted by `minutes`, "HH:MM".
std::string paris_time(int minutes);

}  // namespace fohtest
