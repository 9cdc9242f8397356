// PostgREST's logic trees: or=(age.lt.18,age.gt.21), and=(a.eq.1,or(b.eq.2,c.is.null)),
// not.or=(...), with values in double quotes when they hold , . ( ) or ".
#include <vector>

#include "pgrst_query.hpp"

namespace foh::backend {
namespace {

ApiError tree_error(const std::string& text, const std::string& why) {
  return pgrst(400, "PGRST100", "\"failed to parse logic tree (" + text + ")\"", why);
}

// Splits "a,b(c,d),\"e,f\"" at the commas outside parentheses and quotes.
std::optional<std::vector<std::string>> split_items(const std::string& s) {
  std::vector<std::string> out(1);
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted && c == '\\' && i + 1 < s.size()) {
      out.back() += c;
      c = s[++i];
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '(') {
      ++depth;
    } else if (!quoted && c == ')') {
      if (--depth < 0) return std::nullopt;
    } else if (!quoted && depth == 0 && c == ',') {
      out.emplace_back();
      continue;
    }
    out.back() += c;
  }
  if (quoted || depth != 0) return std::nullopt;
  return out;
}

// A value in double quotes, as a logic tree allows, without them.
std::string unquote(const std::string& v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return v;
  std::string out;
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size()) ++i;
    out += v[i];
  }
  return out;
}

Result<Condition, ApiError> parse_group(const std::string& op, const std::string& inner,
                                        const TableInfo& t, int depth);

// One item of a group: a nested group "or(...)" / "not.and(...)", or a
// leaf "column.[not.]op.value".
Result<Condition, ApiError> parse_item(const std::string& item, const TableInfo& t, int depth) {
  for (const char* op : {"or(", "and(", "not.or(", "not.and("}) {
    std::string prefix = op;
    if (item.rfind(prefix, 0) == 0 && item.back() == ')')
      return parse_group(prefix.substr(0, prefix.size() - 1),
                         item.substr(prefix.size(), item.size() - prefix.size() - 1), t, depth + 1);
  }
  size_t dot = item.find('.');
  if (dot == std::string::npos) return tree_error(item, "expected column.operator.value");
  std::string column = item.substr(0, dot);
  if (!t.has(column))
    return pgrst(400, "42703", "column " + t.name + "." + column + " does not exist");
  auto f = parse_filter(column, item.substr(dot + 1));
  if (!f.ok()) return f.error();
  Filter leaf = f.value();
  leaf.value = unquote(leaf.value);
  Condition c;
  c.leaf = leaf;
  return c;
}

Result<Condition, ApiError> parse_group(const std::string& op, const std::string& inner,
                                        const TableInfo& t, int depth) {
  if (depth > 16) return tree_error(inner, "nested too deep");
  Condition group;
  group.negate = op.rfind("not.", 0) == 0;
  group.any = (group.negate ? op.substr(4) : op) == "or";
  auto items = split_items(inner);
  if (!items || inner.empty())
    return tree_error(inner, "unbalanced parentheses or quotes, or empty");
  for (const std::string& item : *items) {
    auto c = parse_item(item, t, depth);
    if (!c.ok()) return c;
    group.children.push_back(c.value());
  }
  return group;
}

}  // namespace

Result<Condition, ApiError> parse_logic(const std::string& key, const std::string& value,
                                        const TableInfo& table) {
  if (value.size() < 2 || value.front() != '(' || value.back() != ')')
    return tree_error(value, "a logic tree is a list in parentheses: or=(a.eq.1,b.eq.2)");
  return parse_group(key, value.substr(1, value.size() - 2), table, 0);
}

std::string logic_sql(const Condition& c, Params& params) {
  if (c.leaf) return filter_sql(*c.leaf, params);
  std::string out;
  for (const Condition& child : c.children)
    out += (out.empty() ? "" : c.any ? " or " : " and ") + logic_sql(child, params);
  out = "(" + out + ")";
  return c.negate ? "not " + out : out;
}

}  // namespace foh::backend
