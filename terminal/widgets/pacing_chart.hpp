#pragma once
// The pacing chart (engine shift.hpp): covers per slot as bars, drawn with
// ImGui's draw list — booked covers as an outline, seated covers filled
// inside it, the slot limit as a dashed line. Never colour alone: the legend
// names each mark by its shape, a slot over the limit carries a "!" above
// its bar, and the slots over it are listed in words under the chart.
#include "foh/engine/shift.hpp"
#include "i18n.hpp"

namespace foh::ui {

// The chart's height for the room available: between 8 and 14 em.
float pacing_chart_height(float available);
// Title, legend, the bars (full width, `height` pixels) and the slots over the
// limit. Records "shift_chart" (a canvas, not a target).
void draw_pacing_chart(const PacingChart& c, Language l, float height);

}  // namespace foh::ui
