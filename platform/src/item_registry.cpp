#include "foh/platform/item_registry.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace foh::platform {

namespace {
ItemRegistry* current_registry() {
  if (ImGui::GetCurrentContext() == nullptr) return nullptr;
  return static_cast<ItemRegistry*>(ImGui::GetIO().UserData);
}
}  // namespace

void attach_item_registry(ItemRegistry* registry) { ImGui::GetIO().UserData = registry; }

void ItemRegistry::begin_frame() {
  last_.swap(current_);
  current_.clear();
}

void ItemRegistry::record(std::string_view id, ItemRect rect) {
  current_[std::string(id)] = rect;
  // Readable during the frame that drew it too (a script step may look up an
  // item drawn earlier in the same frame on the very first frame).
}

std::optional<ItemRect> ItemRegistry::find(std::string_view id) const {
  if (auto it = last_.find(std::string(id)); it != last_.end()) return it->second;
  if (auto it = current_.find(std::string(id)); it != current_.end()) return it->second;
  return std::nullopt;
}

std::vector<std::string> ItemRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [id, rect] : last_) out.push_back(id);
  std::sort(out.begin(), out.end());
  return out;
}

void record_item(const char* id, ItemRect rect) {
  if (ItemRegistry* reg = current_registry()) reg->record(id, rect);
}

void record_item(const char* id) {
  ItemRegistry* reg = current_registry();
  if (reg == nullptr) return;
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  // Clip to what is visible: a row scrolled out of its child window cannot be tapped.
  if (ImGuiWindow* w = ImGui::GetCurrentWindowRead()) {
    const ImRect clip = w->ClipRect;
    a.x = std::max(a.x, clip.Min.x);
    a.y = std::max(a.y, clip.Min.y);
    b.x = std::min(b.x, clip.Max.x);
    b.y = std::min(b.y, clip.Max.y);
  }
  if (b.x <= a.x || b.y <= a.y) return;
  reg->record(id, ItemRect{a.x, a.y, b.x, b.y});
}

}  // namespace foh::platform
