#include "sync_pins.hpp"

#include <algorithm>

#include "foh/net/entities.hpp"
#include "foh/net/rows.hpp"

namespace foh::net {
namespace {

// team_members' columns (tools/backend/migrations/002, 003) less pin and pin_salt.
constexpr const char* kTeamMemberColumns =
    "id,user_id,restaurant_id,role,display_name,email,allowed_tabs,is_active,created_at,"
    "updated_at,sync_xid,sync_seq";
constexpr const char* kPinsRpc = "/rest/v1/rpc/team_member_pins";
using Members = Rows<TeamMember>;
constexpr int kNotFound = 404;

std::string text_of(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The JWT's payload, or null: base64url without padding (RFC 7515).
Json jwt_claims(const std::string& token) {
  auto a = token.find('.'), b = token.rfind('.');
  if (a == std::string::npos || b == a) return nullptr;
  std::string out;
  int bits = 0;
  uint32_t acc = 0;
  for (char ch : token.substr(a + 1, b - a - 1)) {
    int v = ch >= 'A' && ch <= 'Z'   ? ch - 'A'
            : ch >= 'a' && ch <= 'z' ? ch - 'a' + 26
            : ch >= '0' && ch <= '9' ? ch - '0' + 52
            : ch == '-'              ? 62
            : ch == '_'              ? 63
                                     : -1;
    if (v < 0) return nullptr;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return Json::parse(out, nullptr, false);
}

bool some_member_lacks_pin(Cache& cache) {
  auto rows = Members(cache).json_all();
  return std::any_of(rows.begin(), rows.end(),
                     [](const Json& r) { return text_of(r, "pin").empty(); });
}

}  // namespace

bool is_device_token(const std::string& bearer) {
  Json c = jwt_claims(bearer);
  return c.is_object() && !text_of(c, "device_id").empty() && !c.contains("sub");
}

std::string pull_columns(const std::string& table) {
  return table == Members::table ? kTeamMemberColumns : "*";
}

void keep_cached_pins(Cache& cache, Json& page) {
  if (!page.is_array()) return;
  for (auto& row : page) {
    if (!row.is_object() || (row.contains("pin") && row.contains("pin_salt"))) continue;
    auto cached = Members(cache).json(text_of(row, "id"));
    if (!cached) continue;
    row["pin"] = text_of(*cached, "pin");
    row["pin_salt"] = text_of(*cached, "pin_salt");
  }
}

Status fetch_team_pins(Cache& cache, RestClient& rest, bool members_pulled) {
  if (!members_pulled && !some_member_lacks_pin(cache)) return ok();
  auto r = rest.post(kPinsRpc, Json::object());
  if (r.error.kind == RestErrorKind::Http && r.error.status == kNotFound) return ok();
  if (!r.ok()) return Error{"pull team_member_pins", r.error.text()};
  if (!r.body.is_array()) return Error{"pull team_member_pins", "answer is not a JSON array"};
  Transaction tx(cache);
  if (!tx.begun()) return tx.begun();
  for (const auto& p : r.body) {
    if (!p.is_object()) continue;
    auto cached = Members(cache).json(text_of(p, "id"));
    if (!cached) continue;  // not pulled (or set aside): its hash waits for the row
    std::string pin = text_of(p, "pin"), salt = text_of(p, "pin_salt");
    if (text_of(*cached, "pin") == pin && text_of(*cached, "pin_salt") == salt) continue;
    (*cached)["pin"] = pin;
    (*cached)["pin_salt"] = salt;
    if (auto st = Members(cache).put_json(*cached); !st) return st;
  }
  return tx.commit();
}

}  // namespace foh::net
