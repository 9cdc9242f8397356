// libFuzzer target: arbitrary bytes -> JSON -> every row decoder and the
// venue/day decoders. A decoder may refuse (an Error naming the field) but
// never crash, hang or read out of bounds (built with AddressSanitizer).
#include <cstddef>
#include <cstdint>
#include <string>

#include "foh/engine/codec.hpp"

namespace {

void decode_row(const foh::Json& j) {
  const std::string w = "fuzz";
  (void)foh::decode_settings(j, w);
  (void)foh::decode_restaurant(j, w);
  (void)foh::decode_floor_plan(j, w);
  (void)foh::decode_zone(j, w);
  (void)foh::decode_table(j, w);
  (void)foh::decode_service(j, w);
  (void)foh::decode_waitlist_entry(j, w);
  (void)foh::decode_team_member(j, w);
  (void)foh::decode_reservation_event(j, w);
  (void)foh::decode_customer(j, w);
  (void)foh::decode_daily_table_override(j, w);
  (void)foh::decode_daily_extra_table(j, w);
  (void)foh::decode_daily_floor_note(j, w);
  if (auto r = foh::decode_reservation(j, w)) (void)foh::encode(r.value());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  foh::Json j = foh::Json::parse(data, data + size, nullptr, false);
  if (j.is_discarded()) return 0;
  decode_row(j);
  if (j.is_array())
    for (const auto& row : j) decode_row(row);
  if (j.is_object()) {
    if (auto v = foh::decode_venue(j, "fuzz")) (void)foh::encode(v.value());
    if (auto d = foh::decode_day(j, "fuzz")) (void)foh::encode(d.value());
    for (const auto& [key, value] : j.items())
      if (value.is_array())
        for (const auto& row : value) decode_row(row);
  }
  return 0;
}
