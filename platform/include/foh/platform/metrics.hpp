#pragma once
// Sizes in font units: no pixel literals in screens. `em(2)` is two font
// heights in pixels at the current scale; `touch_target()` is the smallest
// side a tappable thing may have (48 px at scale 1, more with a larger font).
namespace foh::platform {

// Minimum touch target at scale 1, in pixels (Material / Apple HIG figure).
inline constexpr float kTouchTargetPx = 48.0f;

float em(float n = 1.0f);   // n x current font size, in pixels
float touch_target();       // max(kTouchTargetPx x scale, 2.4 em), in pixels
float current_scale();      // the scale of the last apply_scale()

// Resets ImGui's style to its defaults, sets the touch-friendly values
// (TouchExtraPadding, padding, spacing, scrollbar and grab sizes), then
// ScaleAllSizes(scale). Idempotent: apply_scale(2) twice equals once.
// Needs a current ImGui context.
void apply_scale(float scale);

}  // namespace foh::platform
