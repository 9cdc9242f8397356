// Result's status shapes: Status (Error) and StatusOf<E> (a boundary's own
// error, as the backend's ApiError), both "done, or why not".
#include <doctest/doctest.h>

#include <string>
#include <type_traits>

#include "foh/engine/result.hpp"

using namespace foh;

namespace {

struct Refusal {
  int status = 0;
  std::string message;
};

StatusOf<Refusal> seat(int party) {
  if (party > 8) return Refusal{409, "no table seats " + std::to_string(party)};
  return Ok{};
}

}  // namespace

TEST_CASE("StatusOf<E> is Result<Ok, E>, and Status is StatusOf<Error>") {
  static_assert(std::is_same_v<StatusOf<Refusal>, Result<Ok, Refusal>>);
  static_assert(std::is_same_v<StatusOf<Error>, Status>);
}

TEST_CASE("StatusOf<E>: ok when done, the boundary's own error when not") {
  auto done = seat(4);
  CHECK(done.ok());
  CHECK(static_cast<bool>(done));
  auto refused = seat(12);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().status == 409);
  CHECK(refused.error().message == "no table seats 12");
}

TEST_CASE("ok() is a Status that is ok") { CHECK(ok().ok()); }
