#pragma once
// The schema cache: tables, columns, primary keys and functions of schema
// public, read once from the catalog. Every identifier that goes into SQL is
// checked against it first, so no name from a request reaches SQL unchecked.
#include <map>
#include <string>
#include <vector>

#include "pg_tx.hpp"

namespace foh::backend {

struct TableInfo {
  std::string name;
  std::vector<std::string> columns;  // in ordinal order
  std::vector<std::string> primary_key;
  bool json_text = true;  // every column's type is rendered by pg_json.hpp, not json_agg
  bool has(const std::string& column) const;
};

struct FunctionArg {
  std::string name;
  std::string type;  // format_type(), e.g. "uuid", "timestamp with time zone"
  bool has_default = false;
};

struct FunctionInfo {
  std::string name;
  std::vector<FunctionArg> args;
  bool returns_set = false;
};

// A single-column foreign key of schema public: table.column -> ref_table.ref_column.
struct ForeignKey {
  std::string table, column, ref_table, ref_column;
};

class Catalog {
 public:
  static Result<Catalog, ApiError> load(PgTx& tx);
  // A catalog described in code (the fuzz target and tests: no database).
  static Catalog from(std::vector<TableInfo> tables, std::vector<FunctionInfo> functions,
                      std::vector<ForeignKey> foreign_keys);
  const TableInfo* table(const std::string& name) const;
  const FunctionInfo* function(const std::string& name) const;
  const std::vector<ForeignKey>& foreign_keys() const { return foreign_keys_; }

 private:
  std::vector<ForeignKey> foreign_keys_;
  std::map<std::string, TableInfo> tables_;
  std::map<std::string, FunctionInfo> functions_;
};

// "name" with embedded quotes doubled. Only for names the catalog knows.
std::string quote_ident(const std::string& name);

}  // namespace foh::backend
