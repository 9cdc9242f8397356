#pragma once
// The string table: key, French, English. Private to i18n.cpp.
namespace foh::ui {

struct StringRow {
  const char* key;
  const char* fr;
  const char* en;
};

inline constexpr StringRow kStrings[] = {
    // statuses
    {"status.pending", "En attente", "Pending"},
    {"status.confirmed", "Confirmée", "Confirmed"},
    {"status.arrived", "Arrivée", "Arrived"},
    {"status.seated", "Installée", "Seated"},
    {"status.completed", "Terminée", "Completed"},
    {"status.cancelled", "Annulée", "Cancelled"},
    {"status.noshow", "Non venue", "No-show"},
    {"wl.waiting", "En attente", "Waiting"},
    {"wl.notified", "Prévenu", "Notified"},
    {"wl.called", "Appelé", "Called"},
    {"wl.converted", "Installé", "Seated"},
    {"wl.expired", "Expiré", "Expired"},
    {"wl.cancelled", "Annulé", "Cancelled"},
};

}  // namespace foh::ui
