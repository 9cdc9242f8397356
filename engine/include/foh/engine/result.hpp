#pragma once
// Errors are values at boundaries: a Result holds either a value or an Error
// naming where the problem is (file, row, field) and what is wrong.
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace foh {

struct Error {
  std::string where;    // e.g. "reservations[12].party_size" or "R.json: tables[3].name"
  std::string message;  // e.g. "must be between 1 and 99, got 0"
  // A refusal a host reads: its key in the terminal's language table
  // ("login.wrong_pin") and the facts it names, so the terminal words it in
  // its language; `message` stays the English for logs and tools. Empty for
  // errors worded already (the engine's reasons, in the actor's language)
  // and for developers' errors.
  std::string code = {};
  std::vector<std::string> args = {};

  std::string text() const { return where.empty() ? message : where + ": " + message; }
};

// E is the error a boundary speaks: Error for the engine, net and the
// terminal, ApiError (PostgREST's shape) for the backend.
// [[nodiscard]]: a failure dropped on the floor is a bug; ignoring one takes
// a (void) and a reason.
template <class T, class E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(E error) : v_(std::move(error)) {}
  // Anything a T is made from ("text", std::nullopt, a braced row), as the
  // std::variant this replaces accepted.
  template <class U>
  requires(!std::is_same_v<std::remove_cvref_t<U>, Result> &&
           !std::is_same_v<std::remove_cvref_t<U>, T> &&
           !std::is_same_v<std::remove_cvref_t<U>, E> && std::is_constructible_v<T, U> &&
           !std::is_constructible_v<E, U>) Result(U&& value)
      : v_(std::in_place_index<0>, std::forward<U>(value)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const E& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, E> v_;
};

struct Ok {};
using Status = Result<Ok>;
// A boundary's "done, or why not" in its own error (the backend's ApiError).
template <class E>
using StatusOf = Result<Ok, E>;
inline Status ok() { return Ok{}; }

}  // namespace foh
