// sale_diagram: writes the sale's state table as Graphviz source, to stdout or to the file named
// by its one argument. The `docs` build target runs it to refresh docs/sale-states.dot and .svg.
#include <fstream>
#include <iostream>

#include "tools/sale_diagram/sale_dot.hpp"

int main(int argc, char** argv) {
  if (argc > 2) {
    std::cerr << "usage: sale_diagram [OUTPUT.dot]\n";
    return 64;
  }
  const std::string dot = linkpos::tools::sale_states_dot();
  if (argc == 1) {
    std::cout << dot;
    return 0;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << dot;
  if (!out) {
    std::cerr << "sale_diagram: cannot write " << argv[1] << "\n";
    return 73;
  }
  return 0;
}
