#pragma once
// Sizes in font units: no pixel literals in screens. `em(2)` is two font
// heights in pixels at the current scale; `touch_target()` is the smallest
// side a tappable thing may have (48 px at scale 1, more with a larger font).
namespace foh::platform {

// Minimum touch target at scale 1, in pixels (Material / Apple HIG figure).
inline constexpr float kTouchTargetPx = 48.0f;

float em(float n = 1.0f);  // n x current font size, in pixels
float touch_target();      // max(kTouchTargetPx x scale, 2.4 em), in pixels
float current_scale();     // the scale of the last apply_scale()

// The UI scale a display of w x h pixels calls for: text and targets grow
// with the screen within limits. 1.0 for a 1280x800 or 800x1280 tablet and
// never less on smaller ones (a touch target stays 48 px), 1.35 at 1920x1080,
// at most 1.5; in 0.05 steps so similar screens lay out alike.
float scale_for_display(int width, int height);

// Resets ImGui's style to its defaults, sets the touch-friendly values
// (TouchExtraPadding, padding, spacing, scrollbar and grab sizes), then
// ScaleAllSizes(scale). Idempotent: apply_scale(2) twice equals once.
// Needs a current ImGui context.
void apply_scale(float scale);

}  // namespace foh::platform
