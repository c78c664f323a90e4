#pragma once

#include <string>

namespace linkpos::tools {

// The sale's state table (store/sale_table.hpp) as Graphviz source: each state a node with the
// ledger stage it lies at, each move an edge labelled with its event and what it commits.
// docs/sale-states.dot is this text; a test keeps the two the same.
std::string sale_states_dot();

}  // namespace linkpos::tools
