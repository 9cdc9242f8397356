#include "json_row.hpp"

#include <algorithm>
#include <cmath>

#include "foh/engine/limits.hpp"

namespace foh::detail {
namespace {

std::string type_of(const Json& v) {
  if (v.is_number_integer()) return "integer";
  if (v.is_number_float()) return "number";
  return v.type_name();
}

std::string range_text(int min, int max) {
  if (max == INT_MAX) return "must be >= " + std::to_string(min);
  if (min == INT_MIN) return "must be <= " + std::to_string(max);
  return "must be " + std::to_string(min) + ".." + std::to_string(max);
}

// An integer column: JSON integers, or floats with an integral value (some
// clients write 4.0). Anything else is a type error, never a silent 0.
std::optional<long long> as_integer(const Json& v) {
  if (v.is_number_unsigned()) {
    auto u = v.get<unsigned long long>();
    return u > static_cast<unsigned long long>(LLONG_MAX) ? std::nullopt
                                                          : std::optional<long long>(u);
  }
  if (v.is_number_integer()) return v.get<long long>();
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15)
      return static_cast<long long>(d);
  }
  return std::nullopt;
}

bool is_string(const Json& v) { return v.is_string(); }
bool is_number(const Json& v) { return v.is_number(); }
bool is_boolean(const Json& v) { return v.is_boolean(); }
bool is_array(const Json& v) { return v.is_array(); }
bool is_object(const Json& v) { return v.is_object(); }
bool is_any(const Json&) { return true; }

// Postgres may write a time with a fraction ("19:30:00.000"); the fraction is
// below the engine's resolution.
std::optional<TimeOfDay> parse_time(std::string_view s) {
  if (s.size() > 8 && s[8] == '.') s = s.substr(0, 8);
  return TimeOfDay::parse(s);
}

}  // namespace

JsonRow::JsonRow(const Json& j, std::string where) : j_(j), where_(std::move(where)) {
  read_.reserve(32);
  if (!j_.is_object()) error_ = Error{where_, "must be an object, got " + type_of(j_)};
}

void JsonRow::fail(const std::string& column, std::string message) {
  if (!error_) error_ = Error{where_ + "." + column, std::move(message)};
}

bool JsonRow::present(const char* key) const {
  if (!j_.is_object()) return false;
  auto it = j_.find(key);
  return it != j_.end() && !it->is_null();
}

const Json* JsonRow::take(const char* key, Need need) { return take_typed(key, need, is_any, ""); }

const Json* JsonRow::take_typed(const char* key, Need need, bool (*is)(const Json&),
                                const char* type) {
  if (error_) return nullptr;
  read_.emplace_back(key);
  auto it = j_.find(key);
  if (it == j_.end() || it->is_null()) {
    if (need == Need::Required)
      fail(key, it == j_.end() ? "missing (required)" : "must not be null");
    return nullptr;
  }
  if (!is(*it)) {
    fail(key, std::string("must be ") + type + ", got " + type_of(*it));
    return nullptr;
  }
  return &*it;
}

Json JsonRow::extra() const {
  Json out = Json::object();
  if (!j_.is_object()) return out;
  for (auto it = j_.begin(); it != j_.end(); ++it)
    if (std::find(read_.begin(), read_.end(), it.key()) == read_.end()) out[it.key()] = it.value();
  return out;
}

void JsonRow::text(const char* key, std::string& out, Need need) {
  if (const Json* v = take_typed(key, need, is_string, "a string")) out = v->get<std::string>();
}

void JsonRow::text(const char* key, std::string& out, size_t max_chars, Need need) {
  text(key, out, need);
  if (ok() && limits::utf8_chars(out) > max_chars)
    fail(key, "longer than " + std::to_string(max_chars) + " characters (" +
                  std::to_string(limits::utf8_chars(out)) + ")");
}

void JsonRow::timestamp(const char* key, std::string& out) {
  text(key, out);
  if (ok() && !out.empty() && !LocalInstant::from_timestamp(out, 0))
    fail(key, "malformed timestamp \"" + out.substr(0, 40) + "\"");
}

void JsonRow::opt_timestamp(const char* key, std::optional<std::string>& out) {
  opt_text(key, out);
  if (ok() && out && !LocalInstant::from_timestamp(*out, 0))
    fail(key, "malformed timestamp \"" + out->substr(0, 40) + "\"");
}

void JsonRow::uuid(const char* key, Uuid& out, Need need) {
  std::string s;
  text(key, s, need);
  if (ok() && need == Need::Required && s.empty()) fail(key, "must not be empty");
  if (ok()) out = std::move(s);
}

void JsonRow::opt_uuid(const char* key, std::optional<Uuid>& out) {
  out.reset();
  if (const Json* v = take_typed(key, Need::Optional, is_string, "a string")) {
    if (v->get_ref<const std::string&>().empty()) return fail(key, "must not be empty (use null)");
    out = v->get<std::string>();
  }
}

void JsonRow::opt_text(const char* key, std::optional<std::string>& out) {
  out.reset();
  if (const Json* v = take_typed(key, Need::Optional, is_string, "a string"))
    out = v->get<std::string>();
}

void JsonRow::integer(const char* key, int& out, Need need, int min, int max) {
  std::optional<int> v;
  opt_integer(key, v, min, max);
  if (!v && ok() && need == Need::Required)
    fail(key, j_.contains(key) ? "must not be null" : "missing (required)");
  if (v) out = *v;
}

void JsonRow::opt_integer(const char* key, std::optional<int>& out, int min, int max) {
  out.reset();
  const Json* v = take_typed(key, Need::Optional, is_number, "an integer");
  if (!v) return;
  auto n = as_integer(*v);
  if (!n) return fail(key, "must be an integer, got " + v->dump());
  if (*n < min || *n > max) return fail(key, range_text(min, max) + ", got " + std::to_string(*n));
  out = static_cast<int>(*n);
}

void JsonRow::number(const char* key, double& out, Need need) {
  if (const Json* v = take_typed(key, need, is_number, "a number")) out = v->get<double>();
}

void JsonRow::opt_number(const char* key, std::optional<double>& out) {
  out.reset();
  if (const Json* v = take_typed(key, Need::Optional, is_number, "a number"))
    out = v->get<double>();
}

void JsonRow::boolean(const char* key, bool& out, Need need) {
  if (const Json* v = take_typed(key, need, is_boolean, "a boolean")) out = v->get<bool>();
}

void JsonRow::date(const char* key, Date& out, Need need) {
  std::optional<Date> d;
  opt_date(key, d);
  if (!d && ok() && need == Need::Required)
    fail(key, j_.contains(key) ? "must not be null" : "missing (required)");
  if (d) out = *d;
}

void JsonRow::opt_date(const char* key, std::optional<Date>& out) {
  out.reset();
  const Json* v = take_typed(key, Need::Optional, is_string, "a date string");
  if (!v) return;
  const auto& s = v->get_ref<const std::string&>();
  if (auto d = Date::parse(s)) {
    out = *d;
  } else {
    fail(key, "malformed date \"" + s + "\"");
  }
}

void JsonRow::time(const char* key, TimeOfDay& out, Need need) {
  std::optional<TimeOfDay> t;
  opt_time(key, t);
  if (!t && ok() && need == Need::Required)
    fail(key, j_.contains(key) ? "must not be null" : "missing (required)");
  if (t) out = *t;
}

void JsonRow::opt_time(const char* key, std::optional<TimeOfDay>& out) {
  out.reset();
  const Json* v = take_typed(key, Need::Optional, is_string, "a time string");
  if (!v) return;
  const auto& s = v->get_ref<const std::string&>();
  if (auto t = parse_time(s)) {
    out = *t;
  } else {
    fail(key, "malformed time \"" + s + "\"");
  }
}

void JsonRow::text_array(const char* key, std::vector<std::string>& out, size_t max_items,
                         size_t max_chars) {
  out.clear();
  const Json* v = take_typed(key, Need::Optional, is_array, "an array of strings");
  if (!v) return;
  if (v->size() > max_items)
    return fail(
        key, "more than " + std::to_string(max_items) + " items, got " + std::to_string(v->size()));
  for (size_t i = 0; i < v->size(); ++i) {
    const std::string col = std::string(key) + "[" + std::to_string(i) + "]";
    if (!(*v)[i].is_string()) return fail(col, "must be a string, got " + type_of((*v)[i]));
    const auto& s = (*v)[i].get_ref<const std::string&>();
    if (limits::utf8_chars(s) > max_chars)
      return fail(col, "longer than " + std::to_string(max_chars) + " characters");
    out.push_back(s);
  }
}

void JsonRow::int_array(const char* key, std::vector<int>& out, int min, int max) {
  out.clear();
  const Json* v = take_typed(key, Need::Optional, is_array, "an array of integers");
  if (!v) return;
  auto col = [&](size_t i) { return std::string(key) + "[" + std::to_string(i) + "]"; };
  for (size_t i = 0; i < v->size(); ++i) {
    auto n = as_integer((*v)[i]);
    if (!n) return fail(col(i), "must be an integer, got " + (*v)[i].dump());
    if (*n < min || *n > max)
      return fail(col(i), range_text(min, max) + ", got " + std::to_string(*n));
    out.push_back(static_cast<int>(*n));
  }
}

void JsonRow::object(const char* key, Json& out) {
  out = Json::object();
  if (const Json* v = take_typed(key, Need::Optional, is_object, "an object")) out = *v;
}

}  // namespace foh::detail
