#include "pgrst_query.hpp"

#include <algorithm>
#include <set>

namespace foh::backend {
namespace {

const std::set<std::string> kReserved = {"select", "order",       "limit",
                                         "offset", "on_conflict", "columns"};
const std::set<std::string> kOps = {"eq",  "neq",  "gt",    "gte", "lt",
                                    "lte", "like", "ilike", "in",  "is"};

ApiError unknown_column(const TableInfo& t, const std::string& c) {
  return pgrst(400, "42703", "column " + t.name + "." + c + " does not exist");
}

ApiError parse_error(const std::string& what, const std::string& text, const std::string& why) {
  return pgrst(400, "PGRST100", "\"failed to parse " + what + " (" + text + ")\"", why);
}

std::optional<long long> to_count(const std::string& s) {
  if (s.empty() || s.size() > 15 || !std::all_of(s.begin(), s.end(), ::isdigit))
    return std::nullopt;
  return std::stoll(s);
}

Result<std::vector<OrderTerm>, ApiError> parse_order(const std::string& text, const TableInfo& t) {
  std::vector<OrderTerm> out;
  for (const std::string& term : split_list(text)) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
      size_t dot = term.find('.', start);
      parts.push_back(term.substr(start, dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    OrderTerm o;
    o.column = parts[0];
    if (!t.has(o.column)) return unknown_column(t, o.column);
    for (size_t i = 1; i < parts.size(); ++i) {
      const std::string& p = parts[i];
      if (p == "asc")
        o.desc = false;
      else if (p == "desc")
        o.desc = true;
      else if (p == "nullsfirst")
        o.nulls = 1;
      else if (p == "nullslast")
        o.nulls = -1;
      else
        return parse_error("order", text, "unexpected '" + p + "'");
    }
    out.push_back(o);
  }
  return out;
}

Result<std::vector<std::string>, ApiError> parse_columns(const std::string& what,
                                                         const std::string& text,
                                                         const TableInfo& t, bool allow_star) {
  std::vector<std::string> out;
  for (std::string c : split_list(text)) {
    c.erase(std::remove(c.begin(), c.end(), ' '), c.end());
    if (c.find('(') != std::string::npos || c.find(':') != std::string::npos)
      return parse_error(what, text, "embedding, renaming and casts are not supported here");
    if (c == "*" && allow_star) return std::vector<std::string>{};
    if (!t.has(c)) return unknown_column(t, c);
    out.push_back(c);
  }
  return out;
}

// "a" or "alias:table(x,y)" / "table(*)": one embed, its columns unchecked yet.
std::optional<Embed> parse_embed(const std::string& item) {
  size_t open = item.find('(');
  if (open == std::string::npos || item.back() != ')') return std::nullopt;
  Embed e;
  std::string head = item.substr(0, open);
  size_t colon = head.find(':');
  e.table = colon == std::string::npos ? head : head.substr(colon + 1);
  e.name = colon == std::string::npos ? head : head.substr(0, colon);
  for (std::string c : split_list(item.substr(open + 1, item.size() - open - 2))) {
    c.erase(std::remove(c.begin(), c.end(), ' '), c.end());
    if (c == "*") {
      e.columns.clear();
      break;
    }
    e.columns.push_back(c);
  }
  return e;
}

// select=*,a,b,alias:table(cols): commas inside parentheses belong to an embed.
ApiStatus parse_select(const std::string& text, const TableInfo& t, QueryParts& q) {
  q.star = false;
  std::vector<std::string> items(1);
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0)
      items.emplace_back();
    else
      items.back() += c;
  }
  if (depth != 0) return parse_error("select", text, "unbalanced parentheses");
  for (std::string item : items) {
    item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
    if (item.find('(') != std::string::npos) {
      auto e = parse_embed(item);
      if (!e)
        return parse_error("select", text, "an embed looks like table(col,col) or alias:table(*)");
      q.embeds.push_back(*e);
    } else if (item == "*") {
      q.star = true;
    } else if (item.find(':') != std::string::npos) {
      return parse_error("select", text, "renaming and casts are not supported here");
    } else if (!t.has(item)) {
      return unknown_column(t, item);
    } else {
      q.select.push_back(item);
    }
  }
  if (q.star) q.select.clear();
  return Ok{};
}

}  // namespace

Result<Filter, ApiError> parse_filter(const std::string& column, const std::string& text) {
  Filter f;
  f.column = column;
  std::string rest = text;
  if (rest.rfind("not.", 0) == 0) {
    f.negate = true;
    rest = rest.substr(4);
  }
  size_t dot = rest.find('.');
  if (dot == std::string::npos) return parse_error("filter", text, "expected operator.value");
  f.op = rest.substr(0, dot);
  f.value = rest.substr(dot + 1);
  if (!kOps.count(f.op)) return parse_error("filter", text, "unknown operator '" + f.op + "'");
  if (f.op == "in") {
    if (f.value.size() < 2 || f.value.front() != '(' || f.value.back() != ')')
      return parse_error("filter", text, "in needs a list in parentheses: in.(a,b)");
    std::string inner = f.value.substr(1, f.value.size() - 2);
    if (!inner.empty()) f.list = split_list(inner);
  }
  if (f.op == "is") {
    static const std::set<std::string> ok = {"null", "not_null", "true", "false", "unknown"};
    if (!ok.count(f.value))
      return parse_error("filter", text, "is takes null, not_null, true, false or unknown");
  }
  return f;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted && c == '\\' && i + 1 < s.size()) {
      cur += s[++i];
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

Result<QueryParts, ApiError> parse_query(const QueryParams& params, const TableInfo& t) {
  QueryParts q;
  for (const auto& [key, value] : params) {
    if (key == "select") {
      if (auto err = parse_select(value, t, q); !err.ok()) return err.error();
    } else if (key == "order") {
      auto order = parse_order(value, t);
      if (!order.ok()) return order.error();
      q.order = order.value();
    } else if (key == "limit" || key == "offset") {
      auto n = to_count(value);
      if (!n) return parse_error(key, value, key + " must be a non-negative integer");
      (key == "limit" ? q.limit : q.offset) = n;
    } else if (key == "on_conflict" || key == "columns") {
      auto cols = parse_columns(key, value, t, false);
      if (!cols.ok()) return cols.error();
      (key == "on_conflict" ? q.on_conflict : q.columns) = cols.value();
    } else if (key == "or" || key == "and" || key == "not.or" || key == "not.and") {
      auto tree = parse_logic(key, value, t);
      if (!tree.ok()) return tree.error();
      q.logic.push_back(tree.value());
    } else {
      if (!t.has(key)) return unknown_column(t, key);
      auto f = parse_filter(key, value);
      if (!f.ok()) return f.error();
      q.filters.push_back(f.value());
    }
  }
  return q;
}

ApiStatus apply_range_header(QueryParts& q, const std::string& header) {
  size_t dash = header.find('-');
  if (dash == std::string::npos) return Ok{};
  auto first = to_count(header.substr(0, dash));
  std::string last_text = header.substr(dash + 1);
  auto last = to_count(last_text);
  if (!first || (!last_text.empty() && !last)) return Ok{};  // not PostgREST's form
  if (last && *last < *first)
    return pgrst(416, "PGRST103", "Requested range not satisfiable",
                 "The lower boundary must be lower than or equal to the upper boundary in the "
                 "Range header.");
  if (q.limit == 0) return Ok{};  // limit=0 wins: an empty page, as PostgREST answers
  // [offset, offset+limit-1] of the query string, intersected with [first, last].
  long long lower = std::max(*first, q.offset.value_or(0));
  std::optional<long long> upper = last;
  if (q.limit) {
    long long query_upper = q.offset.value_or(0) + *q.limit - 1;
    upper = upper ? std::min(*upper, query_upper) : query_upper;
  }
  if (upper && *upper < lower)
    return pgrst(416, "PGRST103", "Requested range not satisfiable",
                 "Limit should be greater than or equal to zero.");
  q.offset = lower;
  q.limit = upper ? std::optional<long long>(*upper - lower + 1) : std::nullopt;
  return Ok{};
}

std::string filter_sql(const Filter& f, Params& params) {
  static const std::map<std::string, std::string> sql_op = {
      {"eq", "="}, {"neq", "<>"}, {"gt", ">"},      {"gte", ">="},
      {"lt", "<"}, {"lte", "<="}, {"like", "like"}, {"ilike", "ilike"}};
  std::string col = quote_ident(f.column), cond;
  if (f.op == "is") {
    static const std::map<std::string, std::string> is = {{"null", "is null"},
                                                          {"not_null", "is not null"},
                                                          {"true", "is true"},
                                                          {"false", "is false"},
                                                          {"unknown", "is unknown"}};
    cond = col + " " + is.at(f.value);
  } else if (f.op == "in") {
    if (f.list.empty()) {
      cond = "false";
    } else {
      cond = col + " in (";
      for (size_t i = 0; i < f.list.size(); ++i) {
        params.push_back(f.list[i]);
        cond += (i ? ",$" : "$") + std::to_string(params.size());
      }
      cond += ")";
    }
  } else {
    std::string v = f.value;
    if (f.op == "like" || f.op == "ilike") std::replace(v.begin(), v.end(), '*', '%');
    params.push_back(v);
    cond = col + " " + sql_op.at(f.op) + " $" + std::to_string(params.size());
  }
  return f.negate ? "not (" + cond + ")" : cond;
}

std::string where_sql(const QueryParts& q, Params& params) {
  std::string out;
  for (const Filter& f : q.filters)
    out += (out.empty() ? " where " : " and ") + filter_sql(f, params);
  for (const Condition& c : q.logic)
    out += (out.empty() ? " where " : " and ") + logic_sql(c, params);
  return out;
}

std::string select_sql(const QueryParts& q) {
  std::string out = q.star || (q.select.empty() && q.embeds.empty()) ? "*" : "";
  for (const auto& c : q.select) out += (out.empty() ? "" : ", ") + quote_ident(c);
  for (const auto& e : q.embeds) out += (out.empty() ? "" : ", ") + e.sql;
  return out;
}

std::string order_sql(const QueryParts& q) {
  std::string out;
  for (const auto& o : q.order) {
    out +=
        (out.empty() ? " order by " : ", ") + quote_ident(o.column) + (o.desc ? " desc" : " asc");
    if (o.nulls) out += o.nulls > 0 ? " nulls first" : " nulls last";
  }
  return out;
}

std::string limit_sql(std::optional<long long> limit, std::optional<long long> offset) {
  std::string out;
  if (limit) out += " limit " + std::to_string(*limit);
  if (offset && *offset > 0) out += " offset " + std::to_string(*offset);
  return out;
}

}  // namespace foh::backend
