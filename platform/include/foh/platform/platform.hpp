#pragma once
// The window the terminal draws into: SDL2 window, OpenGL 3 context, Dear
// ImGui with Debian's SDL2/OpenGL3 backends, touch input, fonts and scale.
// SDL and GL stay behind this header (pimpl).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "foh/engine/result.hpp"
#include "foh/platform/gestures.hpp"
#include "foh/platform/item_registry.hpp"
#include "foh/platform/pacer.hpp"

namespace foh::platform {

struct WindowOptions {
  std::string title = "FOH";
  int width = 1280, height = 800;
  bool fullscreen = false;
  bool kiosk = false;  // fullscreen and locked: closing is refused until unlock()
  bool vsync = true;
  float scale = 0;     // UI scale; 0 = from the display's DPI
  float font_px = 18;  // font height at scale 1
  std::string fonts_list = "assets/fonts.txt";
};

enum class FingerPhase { Down, Move, Up };

class Platform {
 public:
  // Opens the window, the GL context, ImGui, the font. Errors name what is
  // missing (no display, no GL 3, no font file).
  static Result<std::unique_ptr<Platform>> open(const WindowOptions& options);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  // Waits for events up to `timeout_ms` (nullopt: until one comes), then
  // handles every pending one. True when input arrived.
  bool pump(std::optional<uint64_t> timeout_ms);
  // The window was asked to close (never while locked in kiosk mode).
  bool quit_requested() const;
  void unlock();  // kiosk left with a manager PIN: closing is allowed again

  void begin_frame();  // backends + pointer override + ImGui::NewFrame
  void end_frame();    // ImGui::Render and draw into the back buffer
  // The back buffer as a PNG; call after end_frame(), before present().
  Status screenshot(const std::string& path) const;
  void present();  // swap buffers (vsync)

  const Gestures& gestures() const;  // of the current frame
  FramePacer& pacer();
  ItemRegistry& items();
  uint64_t ticks_ms() const;  // monotonic milliseconds since SDL start
  int width() const;          // drawable size in pixels
  int height() const;
  float scale() const;
  void set_scale(float scale);  // rebuilds the font and the style

  // Synthetic input for scripts, through SDL's event queue so it takes the
  // same path as real input. Coordinates in window pixels.
  void inject_finger(FingerPhase phase, int64_t finger, float x, float y);
  void inject_text(const std::string& utf8);
  void inject_key(const std::string& name,
                  bool down);  // "Enter", "Backspace", "Escape", "Tab", ...
  // Thread-safe: wakes a pump() blocked waiting (e.g. the sync thread has results).
  static void wake();

 private:
  struct Impl;
  explicit Platform(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace foh::platform
