#include "pg_json.hpp"

#include <libpq-fe.h>

#include <set>
#include <string_view>
#include <vector>

namespace foh::backend {
namespace {

enum class Kind { Unknown, Number, Bool, Json, Timestamp, TimestampTz, String };

struct ColumnType {
  Kind kind = Kind::Unknown;
  bool array = false;
};

// Built-in type OIDs (PostgreSQL's pg_type.dat; fixed across versions).
ColumnType type_of(Oid oid) {
  switch (oid) {
    case 20:
    case 21:
    case 23:
    case 26:
    case 700:
    case 701:
    case 1700:
      return {Kind::Number, false};
    case 16:
      return {Kind::Bool, false};
    case 114:
    case 3802:
      return {Kind::Json, false};
    case 1114:
      return {Kind::Timestamp, false};
    case 1184:
      return {Kind::TimestampTz, false};
    case 18:
    case 19:
    case 25:
    case 1042:
    case 1043:
    case 1082:
    case 1083:
    case 2950:
      return {Kind::String, false};
    case 1005:
    case 1007:
    case 1016:
    case 1021:
    case 1022:
    case 1028:
    case 1231:
      return {Kind::Number, true};
    case 1000:
      return {Kind::Bool, true};
    case 199:
    case 3807:
      return {Kind::Json, true};
    case 1115:
      return {Kind::Timestamp, true};
    case 1185:
      return {Kind::TimestampTz, true};
    case 1002:
    case 1003:
    case 1009:
    case 1014:
    case 1015:
    case 1182:
    case 1183:
    case 2951:
      return {Kind::String, true};
    default:
      return {};
  }
}

void write_string(std::string_view s, std::string& out) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += hex[(c >> 4) & 0xf];
          out += hex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// "2026-11-28 19:30:00.5+01" (DateStyle ISO) -> "2026-11-28T19:30:00.5+01:00",
// the XSD form to_json writes: a T, and an offset always with minutes.
void write_timestamp(std::string_view s, bool with_zone, std::string& out) {
  std::string t(s);
  if (t.size() > 10 && t[10] == ' ') t[10] = 'T';
  if (with_zone && t.size() > 19) {
    size_t sign = t.find_last_of("+-");
    if (sign != std::string::npos && sign > 18 && t.size() - sign == 3) t += ":00";
  }
  write_string(t, out);
}

void write_scalar(std::string_view v, Kind kind, std::string& out) {
  switch (kind) {
    case Kind::Number: {
      // NaN and the infinities are not JSON numbers: to_json quotes them.
      bool numeric = !v.empty() && (isdigit(static_cast<unsigned char>(v[0])) ||
                                    (v[0] == '-' && v.size() > 1 && isdigit(v[1])));
      if (numeric)
        out += v;
      else
        write_string(v, out);
      break;
    }
    case Kind::Bool:
      out += v == "t" ? "true" : "false";
      break;
    case Kind::Json:
      out += v;
      break;
    case Kind::Timestamp:
      write_timestamp(v, false, out);
      break;
    case Kind::TimestampTz:
      write_timestamp(v, true, out);
      break;
    default:
      write_string(v, out);
  }
}

// One level of an array literal ({a,"b c",NULL,{...}}) from s[i], as JSON.
bool write_array_level(std::string_view s, size_t& i, Kind kind, std::string& out) {
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  out += '[';
  if (i < s.size() && s[i] == '}') {
    ++i;
    out += ']';
    return true;
  }
  for (bool first = true;; first = false) {
    if (!first) out += ',';
    if (i < s.size() && s[i] == '{') {
      if (!write_array_level(s, i, kind, out)) return false;
    } else if (i < s.size() && s[i] == '"') {
      std::string v;
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        v += s[i];
      }
      if (i++ >= s.size()) return false;
      write_scalar(v, kind, out);
    } else {
      size_t start = i;
      while (i < s.size() && s[i] != ',' && s[i] != '}') ++i;
      std::string_view v = s.substr(start, i - start);
      if (v == "NULL")
        out += "null";
      else
        write_scalar(v, kind, out);
    }
    if (i >= s.size()) return false;
    if (s[i++] == '}') break;
    if (s[i - 1] != ',') return false;
  }
  out += ']';
  return true;
}

bool write_array(std::string_view s, Kind kind, std::string& out) {
  size_t i = 0;
  if (!s.empty() && s[0] == '[') {  // "[0:1]={...}": bounds other than 1, which JSON drops
    i = s.find('=');
    if (i == std::string_view::npos) return false;
    ++i;
  }
  return write_array_level(s, i, kind, out) && i == s.size();
}

}  // namespace

bool renders_as_json_text(const std::string& type_name) {
  static const std::set<std::string> known = {
      "int2",    "int4", "int8",  "oid",  "float4",    "float8",     "numeric",
      "bool",    "json", "jsonb", "text", "name",      "char",       "bpchar",
      "varchar", "uuid", "date",  "time", "timestamp", "timestamptz"};
  return known.count(type_name.size() > 1 && type_name[0] == '_' ? type_name.substr(1)
                                                                 : type_name) > 0;
}

std::optional<size_t> write_json_rows(const pg_result* r, std::string& out) {
  int nf = PQnfields(r), nt = PQntuples(r);
  std::vector<ColumnType> types(static_cast<size_t>(nf));
  std::vector<std::string> keys(static_cast<size_t>(nf));
  for (int f = 0; f < nf; ++f) {
    types[f] = type_of(PQftype(r, f));
    if (types[f].kind == Kind::Unknown || PQfformat(r, f) != 0) return std::nullopt;
    write_string(PQfname(r, f), keys[f]);
    keys[f] += ':';
  }
  // One allocation for the page: values plus keys, quotes and commas.
  size_t need = out.size() + 2;
  for (int t = 0; t < nt; ++t)
    for (int f = 0; f < nf; ++f) need += static_cast<size_t>(PQgetlength(r, t, f)) + 4;
  for (const auto& k : keys) need += k.size() * static_cast<size_t>(nt);
  out.reserve(need + need / 16);
  size_t start = out.size();
  out += '[';
  for (int t = 0; t < nt; ++t) {
    out += t ? ",{" : "{";
    for (int f = 0; f < nf; ++f) {
      if (f) out += ',';
      out += keys[f];
      if (PQgetisnull(r, t, f)) {
        out += "null";
        continue;
      }
      std::string_view v(PQgetvalue(r, t, f), static_cast<size_t>(PQgetlength(r, t, f)));
      if (!types[f].array) {
        write_scalar(v, types[f].kind, out);
      } else if (!write_array(v, types[f].kind, out)) {
        out.resize(start);
        return std::nullopt;
      }
    }
    out += '}';
  }
  out += ']';
  return static_cast<size_t>(nt);
}

}  // namespace foh::backend
