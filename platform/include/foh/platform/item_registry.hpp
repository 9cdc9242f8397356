#pragma once
// Where each named widget was drawn in the last frame, so scripted UI tests
// can say {"tap_item": "Seat"} instead of pixel positions. Widgets call
// record_item() right after drawing the item; the registry hangs off the
// current ImGui context (io.UserData), so headless frames without a platform
// simply record nothing.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace foh::platform {

struct ItemRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float cx() const { return (x0 + x1) / 2; }
  float cy() const { return (y0 + y1) / 2; }
};

// Records ImGui's last item (GetItemRectMin/Max, clipped to the window) under
// `id`. Call it right after the widget, e.g. `if (Button(label)) ...;
// record_item(label);`. A later record with the same id in the frame wins.
void record_item(const char* id);
// Records an explicit screen rectangle (custom-drawn things: a table on the floor).
void record_item(const char* id, ItemRect rect);

// Collects one frame's items; the previous frame's stay readable.
class ItemRegistry {
 public:
  void begin_frame();  // the frame being drawn becomes the "last frame" when the next begins
  void record(std::string_view id, ItemRect rect);
  std::optional<ItemRect> find(std::string_view id) const;  // from the last completed frame
  size_t size() const { return last_.size(); }
  std::vector<std::string> names() const;  // of the last frame, sorted (error messages)

 private:
  std::unordered_map<std::string, ItemRect> last_, current_;
};

// Makes `registry` the target of record_item() for the current ImGui context
// (null detaches it).
void attach_item_registry(ItemRegistry* registry);

}  // namespace foh::platform
