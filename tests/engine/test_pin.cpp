#include <doctest/doctest.h>

#include "foh/engine/permissions.hpp"
#include "foh/engine/pin.hpp"

using namespace foh;

namespace {

TeamMember member(Role role, std::string pin_hash = "", std::string salt = "") {
  TeamMember m;
  m.id = "m1";
  m.role = role;
  m.display_name = "Test";
  m.pin = std::move(pin_hash);
  m.pin_salt = std::move(salt);
  return m;
}

constexpr const char* kSalt = "000102030405060708090a0b0c0d0e0f";

}  // namespace

TEST_CASE("pin: format is 4 to 6 digits") {
  CHECK(is_valid_pin_format("1234"));
  CHECK(is_valid_pin_format("123456"));
  CHECK_FALSE(is_valid_pin_format("123"));
  CHECK_FALSE(is_valid_pin_format("1234567"));
  CHECK_FALSE(is_valid_pin_format("12a4"));
  CHECK_FALSE(is_valid_pin_format(""));
  CHECK_FALSE(is_valid_pin_format("１２３４"));  // full-width digits are not ASCII digits
}

TEST_CASE("pin: PBKDF2-HMAC-SHA256 hash and verify") {
  // Expected value from another implementation: Python's
  // hashlib.pbkdf2_hmac("sha256", b"1234", bytes.fromhex(kSalt), 1000).hex()
  std::string h = hash_pin("1234", kSalt, 1000);
  CHECK(h == "pbkdf2-sha256$1000$2240ea2a22754a3c4610356ef8e4d7acf25af2ac3d2d11866de97a8b7812c52c");
  CHECK(h == hash_pin("1234", kSalt, 1000));  // deterministic
  CHECK(h != hash_pin("1235", kSalt, 1000));
  CHECK(h != hash_pin("1234", "ff0102030405060708090a0b0c0d0e0f", 1000));
  CHECK(h != hash_pin("1234", kSalt, 1001));
  TeamMember m = member(Role::Server, h, kSalt);
  CHECK(verify_pin("1234", m));
  CHECK_FALSE(verify_pin("1235", m));
  CHECK_FALSE(verify_pin("12345", m));
  CHECK_FALSE(verify_pin("", m));
  CHECK(pin_hash_iterations(m.pin) == 1000);  // kept with the hash
  CHECK(needs_rehash(m));
  // Uppercase hex in the stored hash or the salt still verifies.
  TeamMember upper = m;
  for (auto& ch : upper.pin_salt) ch = static_cast<char>(std::toupper(ch));
  CHECK(verify_pin("1234", upper));
}

TEST_CASE("pin: malformed stored hashes and salts never verify") {
  std::string h = hash_pin("1234", kSalt, 1000);
  for (const char* bad : {"", "1234", "pbkdf2-sha256$$abcd", "pbkdf2-sha256$1000$",
                          "pbkdf2-sha256$x$00", "pbkdf2-sha1$1000$00", "pbkdf2-sha256$0$00",
                          "pbkdf2-sha256$99999999999$00", "pbkdf2-sha256$1000$zz"}) {
    CHECK_FALSE(verify_pin("1234", member(Role::Server, bad, kSalt)));
    CHECK(pin_hash_iterations(bad) == 0);
  }
  CHECK_FALSE(verify_pin("1234", member(Role::Server, h, "")));
  CHECK_FALSE(verify_pin("1234", member(Role::Server, h, "abc")));  // odd length
  CHECK(hash_pin("1234", "xyz", 1000).empty());
  CHECK(hash_pin("1234", "0001", 1000).empty());  // salt too short
  CHECK(hash_pin("12", kSalt, 1000).empty());
  CHECK(hash_pin("1234", kSalt, 0).empty());
}

TEST_CASE("pin: the default is at least OWASP's 600000 and matches the demo's hashes") {
  CHECK(kPinIterations >= 600000);
  // Julien Moreau (Manager) of assets/demo, PIN 2468, hashed by the demo generator.
  TeamMember julien = member(
      Role::Manager,
      "pbkdf2-sha256$600000$7195bd2557824f0dec20025156fe6a71d56b0e32824e4604e211cfc840b6b117",
      "e5d96861ad6ac23a30787e063b879451");
  CHECK(verify_pin("2468", julien));
  CHECK_FALSE(needs_rehash(julien));
  CHECK(hash_pin("2468", julien.pin_salt) == julien.pin);  // default iterations
}

TEST_CASE("permissions: tabs by role, allowed_tabs override, sensitive actions") {
  TeamMember admin = member(Role::Admin), manager = member(Role::Manager),
             server = member(Role::Server);
  for (const auto& t : all_tabs()) CHECK(may(admin, t));
  CHECK(may(manager, tab::kEditor));
  CHECK(may(manager, tab::kSettings));
  CHECK_FALSE(may(manager, tab::kTeam));
  CHECK(may(server, tab::kFloor));
  CHECK(may(server, tab::kWaitlist));
  CHECK_FALSE(may(server, tab::kReservations));
  CHECK_FALSE(may(server, tab::kEditor));
  server.allowed_tabs = {"floor", "reservations", "waitlist"};
  CHECK(may(server, tab::kReservations));
  CHECK(tabs_of(server) == server.allowed_tabs);
  manager.allowed_tabs = {"floor"};
  CHECK_FALSE(may(manager, tab::kEditor));
  server.is_active = false;
  CHECK_FALSE(may(server, tab::kFloor));
  CHECK(tabs_of(server).empty());
  for (auto a :
       {action::kCancel, action::kUndo, action::kEditor, action::kLeaveKiosk, action::kOptimise}) {
    CHECK(is_sensitive(a));
    CHECK(may_authorize(Role::Manager, a));
    CHECK(may_authorize(Role::Admin, a));
    CHECK_FALSE(may_authorize(Role::Server, a));
  }
  CHECK_FALSE(is_sensitive("seat"));
  CHECK(may_authorize(Role::Server, "seat"));
  TeamMember inactive = member(Role::Admin);
  inactive.is_active = false;
  CHECK_FALSE(may_authorize(inactive, action::kUndo));
}
