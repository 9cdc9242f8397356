// The back buffer as a PNG: glReadPixels + stb_image_write (libstb exports
// the implementation, so no STB_IMAGE_WRITE_IMPLEMENTATION here).
#include "screenshot.hpp"

#include <GL/gl.h>
#include <stb/stb_image_write.h>

#include <cstring>
#include <vector>

namespace foh::platform {

Status write_back_buffer_png(const std::string& path, int width, int height) {
  if (width <= 0 || height <= 0) return Error{path, "nothing drawn yet (empty framebuffer)"};
  const size_t row = static_cast<size_t>(width) * 3;
  std::vector<unsigned char> pixels(row * static_cast<size_t>(height));
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  if (const GLenum err = glGetError(); err != GL_NO_ERROR)
    return Error{path, "glReadPixels failed with GL error " + std::to_string(err)};
  // GL's origin is bottom-left, PNG's top-left.
  std::vector<unsigned char> swap(row);
  for (int y = 0; y < height / 2; ++y) {
    unsigned char* a = pixels.data() + static_cast<size_t>(y) * row;
    unsigned char* b = pixels.data() + static_cast<size_t>(height - 1 - y) * row;
    std::memcpy(swap.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, swap.data(), row);
  }
  if (stbi_write_png(path.c_str(), width, height, 3, pixels.data(), static_cast<int>(row)) == 0)
    return Error{path, "could not write the PNG file (directory missing or not writable?)"};
  return ok();
}

}  // namespace foh::platform
