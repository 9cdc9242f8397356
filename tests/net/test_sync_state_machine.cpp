// Sync's link state: every (state, event) pair, so a changed transition is a
// failed row here, and what the status bar shows for each state.
#include <doctest/doctest.h>

#include <array>
#include <initializer_list>
#include <string>

#include "foh/net/sync_state_machine.hpp"

using namespace foh::net;

namespace {

using S = LinkState;
using E = LinkEvent;

const char* name(S s) {
  switch (s) {
    case S::Offline:
      return "Offline";
    case S::Syncing:
      return "Syncing";
    case S::Online:
      return "Online";
    case S::LoginRequired:
      return "LoginRequired";
    case S::ReadingAsDevice:
      return "ReadingAsDevice";
  }
  return "?";
}

const char* name(E e) {
  switch (e) {
    case E::SignedIn:
      return "SignedIn";
    case E::RoundStarted:
      return "RoundStarted";
    case E::RoundSucceeded:
      return "RoundSucceeded";
    case E::RoundFailed:
      return "RoundFailed";
    case E::Refused:
      return "Refused";
    case E::DeviceReads:
      return "DeviceReads";
  }
  return "?";
}

constexpr std::array kStates{S::Offline, S::Syncing, S::Online, S::LoginRequired,
                             S::ReadingAsDevice};
constexpr std::array kEvents{E::SignedIn,    E::RoundStarted, E::RoundSucceeded,
                             E::RoundFailed, E::Refused,      E::DeviceReads};

// One row per state, one column per event, in kEvents' order.
struct Row {
  S from;
  std::array<S, kEvents.size()> to;
};

// clang-format off
constexpr std::array<Row, kStates.size()> kTable{{
  //                      SignedIn            RoundStarted        RoundSucceeded      RoundFailed         Refused           DeviceReads
  {S::Offline,         {S::Offline,         S::Syncing,         S::Offline,         S::Offline,         S::LoginRequired, S::Offline}},
  {S::Syncing,         {S::Syncing,         S::Syncing,         S::Online,          S::Offline,         S::LoginRequired, S::Syncing}},
  {S::Online,          {S::Online,          S::Syncing,         S::Online,          S::Online,          S::LoginRequired, S::Online}},
  {S::LoginRequired,   {S::Offline,         S::LoginRequired,   S::LoginRequired,   S::LoginRequired,   S::LoginRequired, S::ReadingAsDevice}},
  {S::ReadingAsDevice, {S::Offline,         S::ReadingAsDevice, S::ReadingAsDevice, S::ReadingAsDevice, S::LoginRequired, S::ReadingAsDevice}},
}};
// clang-format on

S run(S s, std::initializer_list<E> events) {
  for (E e : events) s = next(s, e);
  return s;
}

}  // namespace

TEST_CASE("the link state: every (state, event) pair moves as the table says") {
  for (std::size_t r = 0; r < kTable.size(); ++r) {
    REQUIRE(kTable[r].from == kStates[r]);  // one row per state, in order
    for (std::size_t c = 0; c < kEvents.size(); ++c) {
      INFO(name(kTable[r].from), " + ", name(kEvents[c]));
      CHECK(name(next(kTable[r].from, kEvents[c])) == std::string(name(kTable[r].to[c])));
    }
  }
  static_assert(next(S::Syncing, E::RoundSucceeded) == S::Online);  // usable at compile time
}

TEST_CASE("the link state: the rounds sync goes through") {
  // A clean start, a failed round, a clean one.
  CHECK(run(S::Offline, {E::RoundStarted, E::RoundFailed}) == S::Offline);
  CHECK(run(S::Offline, {E::RoundStarted, E::RoundFailed, E::RoundStarted, E::RoundSucceeded}) ==
        S::Online);
  // A refused token: the round ends refused, the next one stops, a login starts over.
  S refused = run(S::Online, {E::RoundStarted, E::Refused, E::RoundFailed});
  CHECK(refused == S::LoginRequired);
  CHECK(run(refused, {E::RoundStarted}) == S::LoginRequired);
  CHECK(run(refused, {E::SignedIn, E::RoundStarted, E::RoundSucceeded}) == S::Online);
  // A member's token expires: the device reads, fails, reads again, is refused itself.
  S reading = run(refused, {E::DeviceReads});
  CHECK(reading == S::ReadingAsDevice);
  CHECK(run(reading, {E::RoundStarted, E::RoundFailed, E::RoundStarted, E::RoundSucceeded}) ==
        S::ReadingAsDevice);
  CHECK(run(reading, {E::RoundStarted, E::Refused, E::RoundFailed}) == S::LoginRequired);
  CHECK(run(reading, {E::SignedIn, E::RoundStarted, E::RoundSucceeded}) == S::Online);
}

TEST_CASE("the link state as the status bar shows it: reading as the device asks for a login") {
  CHECK(connectivity(S::Offline) == Connectivity::Offline);
  CHECK(connectivity(S::Syncing) == Connectivity::Syncing);
  CHECK(connectivity(S::Online) == Connectivity::Online);
  CHECK(connectivity(S::LoginRequired) == Connectivity::LoginRequired);
  CHECK(connectivity(S::ReadingAsDevice) == Connectivity::LoginRequired);
}
