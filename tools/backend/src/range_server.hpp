#pragma once
// The HTTP server of foh-backend: cpp-httplib's, except that a request's
// `Range` header reaches the handlers. cpp-httplib 0.11 parses `Range` itself
// before routing and answers anything but `bytes=...` with 416; PostgREST's
// `Range: 0-99` (items) must reach the gateway. So each connection is read
// through a stream that renames the `Range` request header to
// kItemRangeHeader while the header block is read; bodies pass untouched.
// Connections wait for each request head off the worker threads, with a
// deadline, so slow or idle clients cannot tie the workers up.
#include <chrono>
#include <cstddef>
#include <memory>

namespace httplib {
class Server;
}

namespace foh::backend {

// The name a request's `Range` header has by the time a handler sees it.
inline constexpr const char* kItemRangeHeader = "Foh-Item-Range";

// A request head (request line and headers) must have arrived this long
// after its first byte, and an idle new connection sends its first byte
// within it; else the connection is closed. Until its head is in, a
// connection waits in a HeadWaiter (head_waiter.hpp), not on a worker thread.
inline constexpr std::chrono::milliseconds kHeadDeadline{5000};
// A head longer than this goes to httplib as it is (which answers 414 or 400).
inline constexpr size_t kMaxHeadBytes = 64 * 1024;

// `threads`: the HTTP workers, busy only while a request is read past its
// head, handled and answered.
std::unique_ptr<httplib::Server> make_range_server(size_t threads);

}  // namespace foh::backend
