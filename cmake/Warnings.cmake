# Our own code builds warning-free; third-party headers come in as SYSTEM and are exempt.
add_library(linkpos_warnings INTERFACE)
target_compile_options(linkpos_warnings INTERFACE -Wall -Wextra -Werror -Wshadow -Wnon-virtual-dtor)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12's optimiser reports std::string concatenation as overlapping memcpy at -O2 and above
  # (GCC bug 105329, fixed in GCC 13): a false alarm inside libstdc++, not in our code.
  target_compile_options(linkpos_warnings INTERFACE -Wno-restrict)
endif()
