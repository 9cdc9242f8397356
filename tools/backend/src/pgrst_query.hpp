#pragma once
// PostgREST's query-string dialect for one table: select=, column filters
// (eq neq gt gte lt lte like ilike in is, each optionally not.), order=,
// limit=, offset=, on_conflict=, columns=. Parsed against the catalog, then
// turned into SQL whose values are all libpq parameters.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"

namespace foh::backend {

struct Filter {
  std::string column, op;  // op: eq neq gt gte lt lte like ilike in is
  bool negate = false;
  std::string value;              // all but in
  std::vector<std::string> list;  // in
};

// or=(a.eq.1,and(b.gt.2,c.is.null)) and its kin: a leaf filter or a group.
struct Condition {
  std::optional<Filter> leaf;  // set for a leaf; else a group of children
  bool any = false;            // group: or (true) / and (false)
  bool negate = false;         // not.or / not.and
  std::vector<Condition> children;
};

struct OrderTerm {
  std::string column;
  bool desc = false;
  int nulls = 0;  // 0 = PostgreSQL's default, 1 = nulls first, -1 = nulls last
};

// select=...,alias:table(col,col) -- one level of embedding (pgrst_embed.cpp).
struct Embed {
  std::string name;  // key in each row: the alias, else the table
  std::string table;
  std::vector<std::string> columns;  // empty = every column
  std::string sql;                   // its select-list expression, once resolved
};

struct QueryParts {
  std::vector<std::string> select;  // plain columns; none and star = every column
  bool star = true;                 // "*" in select= (or no select=)
  std::vector<Embed> embeds;
  std::vector<Filter> filters;
  std::vector<Condition> logic;  // or=, and=, not.or=, not.and= (ANDed with the filters)
  std::vector<OrderTerm> order;
  std::optional<long long> limit, offset;
  std::vector<std::string> on_conflict;
  std::vector<std::string> columns;  // columns= of an insert
};

using QueryParams = std::multimap<std::string, std::string>;

Result<QueryParts, ApiError> parse_query(const QueryParams& params, const TableInfo& table);

// One column filter "col.[not.]op.value" (as in a query string, value after
// the column's `=`), checked against the table.
Result<Filter, ApiError> parse_filter(const std::string& column, const std::string& text);
// A logic tree: key or / and / not.or / not.and, value "(cond,cond,...)".
Result<Condition, ApiError> parse_logic(const std::string& key, const std::string& value,
                                        const TableInfo& table);
// SQL for one filter or tree, appending its values to `params`.
std::string filter_sql(const Filter& f, Params& params);
std::string logic_sql(const Condition& c, Params& params);

// " where ..." (or "") for the filters, appending their values to `params`.
std::string where_sql(const QueryParts& q, Params& params);
// The select list: quoted columns, or *.
std::string select_sql(const QueryParts& q);
// " order by ... limit ... offset ..." (limit/offset as literals: they are numbers).
std::string order_sql(const QueryParts& q);
std::string limit_sql(std::optional<long long> limit, std::optional<long long> offset);

// PostgREST's `Range: FIRST-[LAST]` request header (GET only), intersected
// with limit/offset into q. A value of another form is ignored, as PostgREST
// does; an empty intersection is 416 PGRST103 (unless limit=0 was asked).
ApiStatus apply_range_header(QueryParts& q, const std::string& header);

// Resolves each embed of q against the catalog's foreign keys (one level,
// either direction) and writes its SQL; PostgREST's PGRST200/PGRST201 errors.
ApiStatus resolve_embeds(const Catalog& catalog, const TableInfo& parent, QueryParts& q);

// Splits "a,b,c" at commas outside double quotes; quotes are removed and \x
// unescaped inside them.
std::vector<std::string> split_list(const std::string& s);

}  // namespace foh::backend
