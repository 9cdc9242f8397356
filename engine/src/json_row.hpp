#pragma once
// Reading one JSON row column by column (private to the codec). The first
// problem sticks as the row's Error, naming `where.column`; later reads are
// no-ops, so a decoder reads every column and checks ok() once. Columns never
// read end up in extra(), so unknown columns are written back untouched.
// JsonWriter (json_writer.hpp) answers the same calls, so that an entity's one
// column list, `x_columns(io, x)`, drives both the decoder and the encoder.
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "foh/engine/model.hpp"
#include "foh/engine/result.hpp"

namespace foh::detail {

enum class Need { Required, Optional };

class JsonRow {
 public:
  JsonRow(const Json& j, std::string where);

  bool ok() const { return !error_; }
  const Error& error() const { return *error_; }
  Json extra() const;  // the columns never read
  const std::string& where() const { return where_; }
  void fail(const std::string& column, std::string message);
  void fail(Error e) {  // a nested row's error, already naming its path
    if (!error_) error_ = std::move(e);
  }

  void text(const char* key, std::string& out, Need need = Need::Optional);  // null -> ""
  // Text of at most max_chars characters (limits.hpp).
  void text(const char* key, std::string& out, size_t max_chars, Need need = Need::Optional);
  // A timestamptz as text: empty, or "YYYY-MM-DDTHH:MM:SS[.frac][zone]" (no
  // "infinity", no BC, no 5-digit year: LocalInstant::from_timestamp).
  void timestamp(const char* key, std::string& out);
  void opt_timestamp(const char* key, std::optional<std::string>& out);
  void uuid(const char* key, Uuid& out, Need need = Need::Required);  // non-empty
  void opt_uuid(const char* key, std::optional<Uuid>& out);
  void opt_text(const char* key, std::optional<std::string>& out);
  void integer(const char* key, int& out, Need need, int min = INT_MIN, int max = INT_MAX);
  void opt_integer(const char* key, std::optional<int>& out, int min = INT_MIN, int max = INT_MAX);
  void number(const char* key, double& out, Need need = Need::Optional);
  void opt_number(const char* key, std::optional<double>& out);
  void boolean(const char* key, bool& out, Need need = Need::Optional);
  void date(const char* key, Date& out, Need need = Need::Required);
  void opt_date(const char* key, std::optional<Date>& out);
  void time(const char* key, TimeOfDay& out, Need need = Need::Required);
  void opt_time(const char* key, std::optional<TimeOfDay>& out);
  // At most `max_items` strings of at most `max_chars` characters each.
  void text_array(const char* key, std::vector<std::string>& out, size_t max_items = SIZE_MAX,
                  size_t max_chars = SIZE_MAX);
  void int_array(const char* key, std::vector<int>& out, int min, int max);
  void object(const char* key, Json& out);  // jsonb object; null -> {}
  // Marks the column read and returns it (nullptr if absent or null); for
  // columns with their own decoder (settings, capacity_overrides).
  const Json* take(const char* key, Need need);

  // A timestamp kept as the server wrote it (not parsed): updated_at, created_at.
  void unchecked_timestamp(const char* key, std::string& out) { text(key, out); }
  // Text that is written as null when empty (reservation_events.from_status).
  void nullable_text(const char* key, std::string& out) { text(key, out); }

  // A check across columns, made at its place in the list so that errors keep
  // their order: `problem()` returns the message, or "" when the row is fine.
  template <class Problem>
  void check(const char* column, Problem problem) {
    if (!ok()) return;
    std::string message = problem();
    if (!message.empty()) fail(column, std::move(message));
  }

  // A column with its own reader, read(row, key, value, out), called when the
  // column is present and not null; the writer's `write` is JsonWriter's.
  template <class T, class Read, class Write>
  void custom(const char* key, T& out, Read read, Write&&) {
    if (const Json* v = take(key, Need::Optional)) read(*this, key, *v, out);
  }

  // A list of nested rows (settings' capacity_types...), each read by
  // columns(row, item) and keeping its own extra columns.
  template <class Item, class Columns>
  void rows(const char* key, std::vector<Item>& out, Columns columns) {
    out.clear();
    const Json* list = take(key, Need::Optional);
    if (!list) return;
    if (!list->is_array())
      return fail(key, std::string("must be an array, got ") + list->type_name());
    for (size_t i = 0; i < list->size() && ok(); ++i) {
      JsonRow item((*list)[i], where_ + "." + key + "[" + std::to_string(i) + "]");
      Item v;
      columns(item, v);
      if (!item.ok()) return fail(item.error());
      v.extra = item.extra();
      out.push_back(std::move(v));
    }
  }

  // The decoded row, with the columns never read as its extra; or the error.
  template <class T>
  Result<T> finish(T&& x) const {  // finish(std::move(x)): the row is moved, not copied
    static_assert(!std::is_lvalue_reference_v<T>, "finish(std::move(row))");
    if (!ok()) return error();
    x.extra = extra();
    return Result<T>(std::forward<T>(x));  // an rvalue: moved
  }

  template <class E, class Parse>
  void enumeration(const char* key, E& out, Parse parse, const char* what,
                   Need need = Need::Required) {
    std::string s;
    text(key, s, need);
    if (!ok() || (s.empty() && need == Need::Optional && !present(key))) return;
    if (auto v = parse(s)) {
      out = *v;
    } else {
      fail(key, std::string("unknown ") + what + " \"" + s + "\"");
    }
  }

 private:
  bool present(const char* key) const;
  const Json* take_typed(const char* key, Need need, bool (*is)(const Json&), const char* type);

  const Json& j_;
  std::string where_;
  std::vector<std::string_view> read_;  // column names are string literals
  std::optional<Error> error_;
};

}  // namespace foh::detail
