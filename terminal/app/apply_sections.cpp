// Servers' sections (screens/floor_sections): a Manager's tap gives a table
// to a server for the service, or takes it back; one write through net's
// Store off the frame (App::write); the result becomes the message.
#include "app/app.hpp"

namespace foh::app {

void App::apply_sections(const ui::FloorSectionsIntents& in) {
  if (!in.set) return;
  const ui::SectionSet set = *in.set;
  const Table* t = shown_.floor() ? shown_.floor()->table(set.table_id) : nullptr;
  const std::string table = t ? t->name : set.table_id;
  std::string server;
  if (set.team_member_id)
    for (const TeamMember& m : shown_.venue().team_members)
      if (m.id == *set.team_member_id) server = m.display_name;
  write(
      "section:" + set.table_id,
      [set, date = shown_.day().date, by = actor()](net::Store& s) {
        return s.set_section(set.table_id, date, set.service_id, set.team_member_id, by);
      },
      [this, table, server](Result<ServerSection> r) {
        if (!r) return say(ui::error_text(desk_.locale, r.error()), true);
        say(r->team_member_id ? ui::tr_args(desk_.locale, "sections.given", {table, server})
                              : ui::tr_args(desk_.locale, "sections.taken", {table}),
            false);
      });
}

}  // namespace foh::app
