#pragma once
// A terminal against the real backend (its cache, store and sync), and the
// helpers the backend suites share.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "backend_fixture.hpp"
#include "fixtures.hpp"
#include "foh/net/rest.hpp"
#include "foh/net/store.hpp"
#include "foh/net/sync.hpp"

using namespace foh;
using namespace foh::net;

// One terminal: its cache file, the UI's store, its sync worker.
struct Terminal {
  explicit Terminal(const std::string& path, const std::string& bearer)
      : cache(std::move(Cache::open(path)).value()),
        store(*cache),
        sync(fixture::backend().sync_config(path, bearer), queue) {}
  // Against another backend than the suite's (fixture::start_local).
  Terminal(const std::string& path, SyncConfig config)
      : cache(std::move(Cache::open(path)).value()),
        store(*cache),
        sync(std::move(config), queue) {}
  std::unique_ptr<Cache> cache;
  Store store;
  MainQueue queue;
  Sync sync;
  Status round() {
    auto st = sync.run_once();
    if (!st) MESSAGE("sync: " << st.error().text());
    return st;
  }
};

#define REQUIRE_BACKEND()                                                       \
  do {                                                                          \
    if (!fixture::backend().up() &&                                             \
        fixture::backend().error.find("does not exist") != std::string::npos) { \
      MESSAGE("skipped: " << fixture::backend().error);                         \
      return;                                                                   \
    }                                                                           \
    REQUIRE_MESSAGE(fixture::backend().up(), fixture::backend().error);         \
  } while (0)

inline const TeamMember& manager_member() { return fixture::demo_venue().team_members[1]; }
inline Actor manager() { return Actor{manager_member().id, Role::Manager}; }
inline std::string staff() {
  return fixture::backend().staff_token(fixture::backend().restaurant_id, manager_member().id);
}
inline Date day_ahead(int n) { return Date::parse(fixture::kQuietDay)->plus_days(n); }

inline Reservation booking_on(Date d, const std::string& table, const std::string& hhmm,
                              const std::string& guest) {
  Reservation r = fixture::booking(table, hhmm, 2, guest);
  r.date = d;
  return r;
}

inline Json server_rows(const std::string& table, const std::string& filter) {
  RestConfig c;
  c.base_url = fixture::backend().url;
  c.api_key = fixture::backend().service_key;
  RestClient rest(c);
  auto r = rest.get("/rest/v1/" + table + "?select=*&" + filter);
  REQUIRE_MESSAGE(r.ok(), r.error.text());
  return r.body;
}
