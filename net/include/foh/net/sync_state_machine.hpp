#pragma once
// Where the sync thread stands with the backend, as one state moved by named
// events: next() is the whole of it, pure, so every transition can be read
// (and tested) in one place. Sync holds the state; the status bar's
// Connectivity and the status's last error derive from it.
#include "foh/net/connectivity.hpp"

namespace foh::net {

enum class LinkState {
  Offline,          // not reached yet, or the last round failed (unreachable, 5xx, 429, bad answer)
  Syncing,          // a round under way with the session's token
  Online,           // the last round went through
  LoginRequired,    // the backend refused the token: nothing is sent until the next login
  ReadingAsDevice,  // a member's token expired: the terminal's own login pulls, pushes wait
};

enum class LinkEvent {
  SignedIn,        // a PIN login handed sync a new token (taken at the next round)
  RoundStarted,    // the loop (or run_once) begins a push-then-pull round
  RoundSucceeded,  // the round's push and pull went through
  RoundFailed,     // the round stopped on an error (a refusal is Refused first)
  Refused,         // a 401: the backend refused the token in use
  DeviceReads,     // after a member's token was refused: pull with the terminal's own login
};

// Every (state, event) pair is spelled out, one switch per state without a
// default, so a new state or event is a compile warning until it is placed.
// A pair marked "kept" cannot happen in a round's order (a round ending that
// never started, nothing refused to take over from): the state stays.
namespace link_detail {
using S = LinkState;
using E = LinkEvent;

constexpr S from_offline(E e) {
  switch (e) {
    case E::SignedIn:
      return S::Offline;
    case E::RoundStarted:
      return S::Syncing;
    case E::RoundSucceeded:  // kept
    case E::RoundFailed:     // kept
    case E::DeviceReads:     // kept
      return S::Offline;
    case E::Refused:  // push_once/pull_once, outside a round
      return S::LoginRequired;
  }
  return S::Offline;
}

constexpr S from_syncing(E e) {
  switch (e) {
    case E::SignedIn:      // kept: the token is taken when the next round starts
    case E::RoundStarted:  // kept
    case E::DeviceReads:   // kept
      return S::Syncing;
    case E::RoundSucceeded:
      return S::Online;
    case E::RoundFailed:
      return S::Offline;
    case E::Refused:
      return S::LoginRequired;
  }
  return S::Syncing;
}

constexpr S from_online(E e) {
  switch (e) {
    case E::SignedIn:
      return S::Online;
    case E::RoundStarted:
      return S::Syncing;
    case E::RoundSucceeded:  // kept
    case E::RoundFailed:     // kept
    case E::DeviceReads:     // kept
      return S::Online;
    case E::Refused:  // push_once/pull_once, outside a round
      return S::LoginRequired;
  }
  return S::Online;
}

constexpr S from_login_required(E e) {
  switch (e) {
    case E::SignedIn:  // the new token is asked again
      return S::Offline;
    case E::RoundStarted:    // the round stops before sending anything
    case E::RoundFailed:     // the refused round ends
    case E::Refused:         // refused again
    case E::RoundSucceeded:  // kept: a refused round fails
      return S::LoginRequired;
    case E::DeviceReads:
      return S::ReadingAsDevice;
  }
  return S::LoginRequired;
}

constexpr S from_reading_as_device(E e) {
  switch (e) {
    case E::SignedIn:
      return S::Offline;
    case E::RoundStarted:    // pull only
    case E::RoundSucceeded:  // pulled; pushes still wait for a login
    case E::RoundFailed:     // retried; still waiting for a login
    case E::DeviceReads:     // kept
      return S::ReadingAsDevice;
    case E::Refused:  // the terminal's own login refused too: nothing more until a login
      return S::LoginRequired;
  }
  return S::ReadingAsDevice;
}
}  // namespace link_detail

constexpr LinkState next(LinkState s, LinkEvent e) {
  switch (s) {
    case LinkState::Offline:
      return link_detail::from_offline(e);
    case LinkState::Syncing:
      return link_detail::from_syncing(e);
    case LinkState::Online:
      return link_detail::from_online(e);
    case LinkState::LoginRequired:
      return link_detail::from_login_required(e);
    case LinkState::ReadingAsDevice:
      return link_detail::from_reading_as_device(e);
  }
  return s;
}

// What the status bar shows: reading as the device still asks for a login.
constexpr Connectivity connectivity(LinkState s) {
  switch (s) {
    case LinkState::Offline:
      return Connectivity::Offline;
    case LinkState::Syncing:
      return Connectivity::Syncing;
    case LinkState::Online:
      return Connectivity::Online;
    case LinkState::LoginRequired:
    case LinkState::ReadingAsDevice:
      return Connectivity::LoginRequired;
  }
  return Connectivity::Offline;
}

}  // namespace foh::net
