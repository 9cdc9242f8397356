#pragma once
// The HTTP server of foh-backend: cpp-httplib's, except that a request's
// `Range` header reaches the handlers. cpp-httplib 0.11 parses `Range` itself
// before routing and answers anything but `bytes=...` with 416; PostgREST's
// `Range: 0-99` (items) must reach the gateway. So each connection is read
// through a stream that renames the `Range` request header to
// kItemRangeHeader while the header block is read; bodies pass untouched.
#include <memory>

namespace httplib {
class Server;
}

namespace foh::backend {

// The name a request's `Range` header has by the time a handler sees it.
inline constexpr const char* kItemRangeHeader = "Foh-Item-Range";

std::unique_ptr<httplib::Server> make_range_server();

}  // namespace foh::backend
