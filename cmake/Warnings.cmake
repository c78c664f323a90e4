# Our own code builds warning-free; third-party headers come in as SYSTEM and are exempt.
add_library(linkpos_warnings INTERFACE)
target_compile_options(linkpos_warnings INTERFACE -Wall -Wextra -Werror -Wshadow -Wnon-virtual-dtor)
