#pragma once
// Internal: reading the GL back buffer into a PNG file.
#include <string>

#include "foh/engine/result.hpp"

namespace foh::platform {

Status write_back_buffer_png(const std::string& path, int width, int height);

}  // namespace foh::platform
