#include "foh/platform/platform.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "foh/platform/fonts.hpp"
#include "foh/platform/metrics.hpp"
#include "foh/platform/pointer_queue.hpp"
#include "screenshot.hpp"

namespace foh::platform {

namespace {
// Touch device id of scripted fingers: any id that is not SDL_TOUCH_MOUSEID.
constexpr SDL_TouchID kScriptTouchId = 0x5C1217;
// Mouse as a finger for the gesture recogniser (desktop use, mouse scripts).
constexpr int64_t kMouseFinger = -1;

float dpi_scale(SDL_Window* window) {
  float ddpi = 0;
  const int display = SDL_GetWindowDisplayIndex(window);
  if (display < 0 || SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) != 0 || ddpi <= 0)
    return 1.0f;
  // Quarter steps keep the layout stable across similar screens.
  return std::clamp(std::round(ddpi / 96.0f * 4.0f) / 4.0f, 1.0f, 3.0f);
}

SDL_Scancode scancode_for(const std::string& name) {
  if (name == "Enter" || name == "Return") return SDL_SCANCODE_RETURN;
  if (name == "Backspace") return SDL_SCANCODE_BACKSPACE;
  if (name == "Escape" || name == "Esc") return SDL_SCANCODE_ESCAPE;
  if (name == "Delete") return SDL_SCANCODE_DELETE;
  return SDL_GetScancodeFromName(name.c_str());  // "Tab", "Left", "Home", "A", ...
}
}  // namespace

struct Platform::Impl {
  WindowOptions options;
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  bool imgui_sdl = false, imgui_gl = false;
  bool locked = false, quit = false;
  bool touch_source = false;  // the last pointer input came from a finger
  int64_t primary_finger = 0;
  bool primary_down = false;
  float scale = 1;
  std::string font_path;
  std::vector<std::string> font_fallbacks;  // the other candidates, for glyphs font_path lacks
  PointerQueue pointer;
  GestureRecognizer recognizer;
  Gestures gestures;
  FramePacer pacer;
  ItemRegistry items;

  ~Impl();
  Status open_window();
  Status init_imgui();
  Status rebuild_font();
  float auto_scale() const;   // from the display's DPI and the window's size
  void follow_window_size();  // a resized window re-picks its scale (unless fixed)
  void handle(const SDL_Event& e);
  void handle_finger(const SDL_TouchFingerEvent& f);
  void handle_mouse(const SDL_Event& e);
  Point to_pixels(float nx, float ny) const;
};

Platform::Impl::~Impl() {
  if (imgui_gl) ImGui_ImplOpenGL3_Shutdown();
  if (imgui_sdl) ImGui_ImplSDL2_Shutdown();
  if (ImGui::GetCurrentContext() != nullptr) ImGui::DestroyContext();
  if (gl != nullptr) SDL_GL_DeleteContext(gl);
  if (window != nullptr) SDL_DestroyWindow(window);
  SDL_Quit();
}

Status Platform::Impl::open_window() {
  // A finger must not also arrive as a mouse click (double input); we turn
  // touch into pointer input ourselves (pointer_queue.hpp).
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  if (options.kiosk) SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0)
    return Error{"display", std::string("SDL could not open the display: ") + SDL_GetError() +
                                " (no X11/Wayland session? headless: run under xvfb-run -a)"};
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.fullscreen || options.kiosk) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                            options.width, options.height, flags);
  if (window == nullptr)
    return Error{"window", std::string("SDL could not create the window: ") + SDL_GetError()};
  gl = SDL_GL_CreateContext(window);
  if (gl == nullptr)
    return Error{"OpenGL", std::string("no OpenGL 3.2 context: ") + SDL_GetError() +
                               " (install libgl1-mesa-dri for Mesa's software renderer)"};
  SDL_GL_MakeCurrent(window, gl);
  SDL_GL_SetSwapInterval(options.vsync ? 1 : 0);  // may be refused (Xvfb): harmless
  if (options.kiosk) SDL_SetWindowKeyboardGrab(window, SDL_TRUE);
  locked = options.kiosk;
  return ok();
}

Status Platform::Impl::init_imgui() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;               // no imgui.ini next to the user's files; layout is code
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle UI drawing
  imgui_sdl = ImGui_ImplSDL2_InitForOpenGL(window, gl);
  imgui_gl = ImGui_ImplOpenGL3_Init("#version 150");
  if (!imgui_sdl || !imgui_gl) return Error{"ImGui", "the SDL2/OpenGL3 backends failed to start"};
  attach_item_registry(&items);
  scale = options.scale > 0 ? options.scale : auto_scale();
  recognizer.set_scale(scale);
  const auto candidates = font_candidates(options.fonts_list);
  auto font = find_font(candidates);
  if (!font) return font.error();
  font_path = *font;
  for (const auto& c : candidates)
    if (c != font_path) font_fallbacks.push_back(c);
  if (auto icons = icon_font_status(); !icons)  // not fatal: words and patterns remain
    std::fprintf(stderr, "foh-terminal: %s: %s\n", icons.error().where.c_str(),
                 icons.error().message.c_str());
  return rebuild_font();
}

float Platform::Impl::auto_scale() const {
  int w = 0, h = 0;
  SDL_GetWindowSize(window, &w, &h);
  return std::max(dpi_scale(window), scale_for_display(w, h));
}

void Platform::Impl::follow_window_size() {
  if (options.scale > 0) return;
  const float s = auto_scale();
  if (s == scale) return;
  scale = s;
  recognizer.set_scale(s);
  (void)rebuild_font();  // between frames: the next one lays out at the new scale
}

Status Platform::Impl::rebuild_font() {
  if (auto st = load_font(font_path, options.font_px * scale, font_fallbacks); !st) return st;
  apply_scale(scale);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  if (!ImGui_ImplOpenGL3_CreateFontsTexture())
    return Error{font_path, "could not upload the font texture"};
  return ok();
}

Point Platform::Impl::to_pixels(float nx, float ny) const {
  int w = 0, h = 0;
  SDL_GetWindowSize(window, &w, &h);
  return Point{nx * static_cast<float>(w), ny * static_cast<float>(h)};
}

void Platform::Impl::handle_finger(const SDL_TouchFingerEvent& f) {
  touch_source = true;
  const Point p = to_pixels(f.x, f.y);
  const uint64_t ms = SDL_GetTicks64();
  if (f.type == SDL_FINGERDOWN) {
    recognizer.down(f.fingerId, p, ms);
    if (!primary_down) {  // the first finger is the pointer; others only gesture
      primary_down = true;
      primary_finger = f.fingerId;
      pointer.finger_down(p);
    }
  } else if (f.type == SDL_FINGERMOTION) {
    recognizer.move(f.fingerId, p, ms);
    if (primary_down && f.fingerId == primary_finger) pointer.finger_move(p);
  } else {
    recognizer.up(f.fingerId, p, ms);
    if (primary_down && f.fingerId == primary_finger) {
      primary_down = false;
      pointer.finger_up(p);
    }
  }
}

void Platform::Impl::handle_mouse(const SDL_Event& e) {
  const uint64_t ms = SDL_GetTicks64();
  touch_source = false;
  if (e.type == SDL_MOUSEBUTTONDOWN && e.button.button == SDL_BUTTON_LEFT)
    recognizer.down(kMouseFinger, {float(e.button.x), float(e.button.y)}, ms);
  else if (e.type == SDL_MOUSEBUTTONUP && e.button.button == SDL_BUTTON_LEFT)
    recognizer.up(kMouseFinger, {float(e.button.x), float(e.button.y)}, ms);
  else if (e.type == SDL_MOUSEMOTION)
    recognizer.move(kMouseFinger, {float(e.motion.x), float(e.motion.y)}, ms);
  ImGui_ImplSDL2_ProcessEvent(&e);
}

void Platform::Impl::handle(const SDL_Event& e) {
  switch (e.type) {
    case SDL_QUIT:
      quit = quit || !locked;  // kiosk: only a manager PIN leaves (the shell unlocks)
      return;
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_CLOSE) quit = quit || !locked;
      if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) recognizer.cancel();
      if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) follow_window_size();
      ImGui_ImplSDL2_ProcessEvent(&e);
      return;
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.motion.which == SDL_TOUCH_MOUSEID) return;  // SDL's copy of a finger
      handle_mouse(e);
      return;
    case SDL_MOUSEWHEEL:
      if (e.wheel.which == SDL_TOUCH_MOUSEID) return;
      ImGui_ImplSDL2_ProcessEvent(&e);
      return;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
      handle_finger(e.tfinger);
      return;
    default:
      ImGui_ImplSDL2_ProcessEvent(&e);
  }
}

// ---------------------------------------------------------------- Platform

Platform::Platform(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Platform::~Platform() = default;

Result<std::unique_ptr<Platform>> Platform::open(const WindowOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (auto st = impl->open_window(); !st) return st.error();
  if (auto st = impl->init_imgui(); !st) return st.error();
  return std::unique_ptr<Platform>(new Platform(std::move(impl)));
}

bool Platform::pump(std::optional<uint64_t> timeout_ms) {
  SDL_Event e;
  const int got = timeout_ms ? SDL_WaitEventTimeout(
                                   &e, static_cast<int>(std::min<uint64_t>(*timeout_ms, 1u << 30)))
                             : SDL_WaitEvent(&e);
  if (got == 0) return false;
  impl_->handle(e);
  while (SDL_PollEvent(&e) != 0) impl_->handle(e);
  impl_->pacer.on_event();
  return true;
}

bool Platform::quit_requested() const { return impl_->quit; }
void Platform::unlock() {
  impl_->locked = false;
  SDL_SetWindowKeyboardGrab(impl_->window, SDL_FALSE);
}

void Platform::begin_frame() {
  Impl& m = *impl_;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();  // polls SDL's mouse state: overridden below for touch
  if (m.touch_source) {
    const PointerState ps = m.pointer.next_frame();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ps.present ? ImVec2(ps.pos.x, ps.pos.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = ps.down;
    io.MouseDown[1] = io.MouseDown[2] = false;
    if (m.pointer.pending()) m.pacer.request_frames(kSettleFrames);
  }
  const uint64_t now = SDL_GetTicks64();
  m.gestures = m.recognizer.take(now);
  if (auto due = m.recognizer.next_deadline()) m.pacer.schedule(*due);
  if (m.gestures.dragging || m.gestures.fingers > 0) m.pacer.request_frames(1);
  m.items.begin_frame();
  ImGui::NewFrame();
}

void Platform::end_frame() {
  ImGui::Render();
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(impl_->window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.08f, 0.09f, 0.10f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

Status Platform::screenshot(const std::string& path) const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(impl_->window, &w, &h);
  return write_back_buffer_png(path, w, h);
}

void Platform::present() { SDL_GL_SwapWindow(impl_->window); }

const Gestures& Platform::gestures() const { return impl_->gestures; }
FramePacer& Platform::pacer() { return impl_->pacer; }
ItemRegistry& Platform::items() { return impl_->items; }
uint64_t Platform::ticks_ms() const { return SDL_GetTicks64(); }
int Platform::width() const {
  int w = 0, h = 0;
  SDL_GetWindowSize(impl_->window, &w, &h);
  return w;
}
int Platform::height() const {
  int w = 0, h = 0;
  SDL_GetWindowSize(impl_->window, &w, &h);
  return h;
}
float Platform::scale() const { return impl_->scale; }

void Platform::set_scale(float scale) {
  if (scale <= 0 || scale == impl_->scale) return;
  impl_->scale = scale;
  impl_->recognizer.set_scale(scale);
  (void)impl_->rebuild_font();  // the font loaded before: same file, a new size
}

void Platform::inject_finger(FingerPhase phase, int64_t finger, float x, float y) {
  int w = 1, h = 1;
  SDL_GetWindowSize(impl_->window, &w, &h);
  SDL_Event e{};
  e.type = phase == FingerPhase::Down   ? SDL_FINGERDOWN
           : phase == FingerPhase::Move ? SDL_FINGERMOTION
                                        : SDL_FINGERUP;
  e.tfinger.timestamp = SDL_GetTicks();
  e.tfinger.touchId = kScriptTouchId;
  e.tfinger.fingerId = finger;
  e.tfinger.x = x / static_cast<float>(std::max(w, 1));
  e.tfinger.y = y / static_cast<float>(std::max(h, 1));
  e.tfinger.pressure = phase == FingerPhase::Up ? 0.0f : 1.0f;
  e.tfinger.windowID = SDL_GetWindowID(impl_->window);
  SDL_PushEvent(&e);
}

void Platform::inject_text(const std::string& utf8) {
  // SDL_TEXTINPUT carries at most 31 bytes: split on UTF-8 character starts.
  size_t i = 0;
  while (i < utf8.size()) {
    size_t n = std::min<size_t>(utf8.size() - i, SDL_TEXTINPUTEVENT_TEXT_SIZE - 1);
    while (n > 0 && i + n < utf8.size() && (static_cast<unsigned char>(utf8[i + n]) & 0xC0) == 0x80)
      --n;
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    e.text.windowID = SDL_GetWindowID(impl_->window);
    std::memcpy(e.text.text, utf8.data() + i, n);
    e.text.text[n] = '\0';
    SDL_PushEvent(&e);
    i += n;
  }
}

void Platform::inject_key(const std::string& name, bool down) {
  SDL_Event e{};
  e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
  e.key.windowID = SDL_GetWindowID(impl_->window);
  e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
  e.key.keysym.scancode = scancode_for(name);
  e.key.keysym.sym = SDL_GetKeyFromScancode(e.key.keysym.scancode);
  SDL_PushEvent(&e);
}

void Platform::wake() {
  SDL_Event e{};
  e.type = SDL_USEREVENT;
  SDL_PushEvent(&e);  // thread-safe by SDL's contract
}

}  // namespace foh::platform
