#pragma once
// Where the terminal stands with the restaurant's backend: the sync's state,
// as the status bar shows it. Apart from sync.hpp so that a screen's snapshot
// can name it without the sync's threads.

namespace foh::net {

enum class Connectivity {
  Standalone,     // no backend configured: the local database is the store, nothing syncs
  Offline,        // a backend, out of reach (or not reached yet)
  Online,         // the last round went through
  Syncing,        // a round is under way
  LoginRequired,  // the backend refused the terminal's login
};
const char* to_string(Connectivity c);

}  // namespace foh::net
