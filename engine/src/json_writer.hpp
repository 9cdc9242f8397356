#pragma once
// Writing one JSON row column by column (private to the codec): the same calls
// as JsonRow, so that an entity's one column list (`x_columns(io, x)`) both
// reads and writes it. Limits, Need (but for uuid) and checks only matter when
// reading. Empty timestamps and empty row references are omitted, so that the
// backend's defaults apply (a null would defeat them); the row starts from the
// extra columns, so unknown columns are written back untouched.
#include <optional>
#include <string>
#include <vector>

#include "json_row.hpp"

namespace foh::detail {

class JsonWriter {
 public:
  explicit JsonWriter(const Json& extra) : j_(extra.is_object() ? extra : Json::object()) {}
  Json take() { return std::move(j_); }

  template <class... ReadOnly>
  void text(const char* key, const std::string& v, ReadOnly...) {
    j_[key] = v;
  }
  void nullable_text(const char* key, const std::string& v) {
    j_[key] = v.empty() ? Json(nullptr) : Json(v);
  }
  void timestamp(const char* key, const std::string& v) { omit_empty(key, v); }
  void unchecked_timestamp(const char* key, const std::string& v) { omit_empty(key, v); }
  void opt_timestamp(const char* key, const std::optional<std::string>& v) {
    null_if_unset(key, v);
  }
  void uuid(const char* key, const Uuid& v, Need need = Need::Required) {
    if (need == Need::Optional) {
      omit_empty(key, v);
    } else {
      j_[key] = v;
    }
  }
  void opt_uuid(const char* key, const std::optional<Uuid>& v) { null_if_unset(key, v); }
  void opt_text(const char* key, const std::optional<std::string>& v) { null_if_unset(key, v); }
  template <class... ReadOnly>
  void integer(const char* key, int v, ReadOnly...) {
    j_[key] = v;
  }
  template <class... ReadOnly>
  void opt_integer(const char* key, const std::optional<int>& v, ReadOnly...) {
    null_if_unset(key, v);
  }
  void number(const char* key, double v, Need = Need::Optional) { j_[key] = v; }
  void opt_number(const char* key, const std::optional<double>& v) { null_if_unset(key, v); }
  void boolean(const char* key, bool v, Need = Need::Optional) { j_[key] = v; }
  void date(const char* key, const Date& v, Need = Need::Required) { j_[key] = v.str(); }
  void opt_date(const char* key, const std::optional<Date>& v) {
    j_[key] = v ? Json(v->str()) : Json(nullptr);
  }
  void time(const char* key, const TimeOfDay& v, Need = Need::Required) { j_[key] = v.str(); }
  void opt_time(const char* key, const std::optional<TimeOfDay>& v) {
    j_[key] = v ? Json(v->str()) : Json(nullptr);
  }
  template <class... ReadOnly>
  void text_array(const char* key, const std::vector<std::string>& v, ReadOnly...) {
    j_[key] = v;
  }
  void int_array(const char* key, const std::vector<int>& v, int, int) { j_[key] = v; }
  void object(const char* key, const Json& v) { j_[key] = v; }
  template <class E, class... ReadOnly>
  void enumeration(const char* key, const E& v, ReadOnly&&...) {
    j_[key] = to_string(v);
  }
  template <class Fn>
  void check(const char*, Fn&&) {}
  template <class T, class Read, class Write>
  void custom(const char* key, const T& v, Read&&, Write&& write) {
    j_[key] = write(v);
  }
  template <class Item, class Columns>
  void rows(const char* key, const std::vector<Item>& items, Columns columns) {
    Json list = Json::array();
    for (const Item& item : items) {
      JsonWriter w(item.extra);
      columns(w, item);
      list.push_back(w.take());
    }
    j_[key] = std::move(list);
  }

 private:
  void omit_empty(const char* key, const std::string& v) {
    if (!v.empty()) j_[key] = v;
  }
  template <class T>
  void null_if_unset(const char* key, const std::optional<T>& v) {
    j_[key] = v ? Json(*v) : Json(nullptr);
  }

  Json j_;
};

}  // namespace foh::detail
