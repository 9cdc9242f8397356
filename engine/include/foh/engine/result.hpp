#pragma once
// Errors are values at boundaries: a Result holds either a value or an Error
// naming where the problem is (file, row, field) and what is wrong.
#include <string>
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

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status ok() { return Ok{}; }

}  // namespace foh
