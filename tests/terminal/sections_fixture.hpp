#pragma once
// The fixture's Saturday evening (service s2) with servers' sections: Bob
// (m2, a Server) has tables 1 and 2, Alice (m1, the Admin, serving tonight)
// table 3. For the sections tests, the layout audit and the language test.
#include "fixture.hpp"

namespace foh::test {

inline ServerSection section_row(const Fixture& fx, const std::string& table,
                                 const std::string& member) {
  ServerSection s;
  s.id = "sec-" + table, s.restaurant_id = "r1", s.table_id = table, s.date = fx.day.date;
  s.service_id = "s2", s.team_member_id = member;
  return s;
}

inline void give_sections(Fixture& fx) {
  fx.day.server_sections = {section_row(fx, "t1", "m2"), section_row(fx, "t2", "m2"),
                            section_row(fx, "t3", "m1")};
  fx.rebuild();
}

}  // namespace foh::test
