#pragma once
// Private to sync_pull.cpp: team members' PIN hashes. A member's token may not
// read team_members.pin and pin_salt (the backend's column grants, issue 11),
// so the team_members pull names its columns without them, keeps the hashes
// already cached, and — pulling as the terminal's own login, the device
// token — fetches them through rpc team_member_pins for offline PIN checks.
#include <string>

#include "foh/net/cache.hpp"
#include "foh/net/rest.hpp"

namespace foh::net {

// The select= list a pull of `table` asks for ("*" but for team_members).
std::string pull_columns(const std::string& table);

// A terminal's own login (migration 012: device_id, no sub), read from the
// token's claims (not verified here: the backend does that).
bool is_device_token(const std::string& bearer);

// Rows of a pulled team_members page without pin/pin_salt take the cached
// row's, so that a pull never erases a hash (a member's token never sees one).
void keep_cached_pins(Cache& cache, Json& page);

// As the device: the restaurant's hashes merged into the cached rows, when
// `members_pulled` or some cached member still has none. A backend without
// the rpc (404) is not an error: offline login then waits for the hashes.
Status fetch_team_pins(Cache& cache, RestClient& rest, bool members_pulled);

}  // namespace foh::net
