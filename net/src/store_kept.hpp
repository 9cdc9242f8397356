#pragma once
// The Store's decoded venue and days, kept between commands: a tap's command
// checks the engine's rules against them instead of decoding the venue and
// the day from the cache again (issue 15: a tap decoded them four times).
// Kept while the cache's revision (Cache::revision) says the file holds what
// they were read from; the Store's own writes are applied to them as they
// commit, any other change (another connection's commit, any other write
// through this one) drops them and the next command reads them again.
#include <map>
#include <memory>
#include <vector>

#include "foh/engine/floor.hpp"
#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"
#include "foh/net/cache.hpp"
#include "store_write.hpp"

namespace foh::net {

// One date as Cache::load_day(date) reads it (every status), and its floor
// (the venue's tables with the day's overrides and extra tables).
struct KeptDay {
  DayBook book;
  Floor floor;
};

class KeptDays {
 public:
  // The venue and a date's day as the cache holds them now (read again when
  // its revision moved). Shared: a command holds them while another read
  // may drop them.
  Result<std::shared_ptr<const Venue>> venue(Cache& cache);
  Result<std::shared_ptr<const KeptDay>> day(Cache& cache, Date date);
  // `writes` committed through `cache`, which was at revision `before` just
  // before: applied to the kept days when nothing else changed the file since
  // they were read and they are reservations (their provisional events are
  // not part of a day); anything else drops what is kept.
  void wrote(Cache& cache, const std::vector<RowWrite>& writes, const Cache::Revision& before);

 private:
  void refresh(Cache& cache);  // drops everything when the revision moved
  void drop();
  bool apply(const RowWrite& w);  // one reservation row into the kept days
  Cache::Revision seen_;
  std::shared_ptr<const Venue> venue_;
  std::map<Date, std::shared_ptr<KeptDay>> days_;
};

}  // namespace foh::net
