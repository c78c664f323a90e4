# Release builds (the release, aarch64-release and armhf-release presets load this file after
# project(), through CMAKE_PROJECT_linkpos_INCLUDE): a smaller firmware for the boards' flash and
# OTA downloads (issue 12, part 8; sizes and benchmarks before and after in bench/README.md).
#
# - Link-time optimisation of the firmware: GCC sees the whole program, inlines across our
#   libraries and drops what no path reaches.
# - Each function and object in its own section, and the linker collects the unused ones.
#
# Objects are "fat" (machine code beside the LTO bytecode) so that only the programs that ship or
# are measured (kLtoPrograms) pay for an LTO link; the hundred-odd test programs link the same
# libraries' machine code with -fno-lto, as fast as before (scripts/test's time budget).
# Debug and sanitizer builds (the asan preset) never load this file.
if(NOT CMAKE_BUILD_TYPE STREQUAL "Release" OR LINKPOS_SANITIZE)
  return()
endif()

include(CheckIPOSupported)
check_ipo_supported(RESULT linkpos_lto_supported OUTPUT linkpos_lto_output LANGUAGES CXX)
if(linkpos_lto_supported)
  # CMake's own choice for GCC is -fno-fat-lto-objects. For static libraries CMake archives with
  # the compiler's ar wrapper (gcc-ar, or <triplet>-gcc-ar when cross), which indexes LTO symbols.
  set(CMAKE_CXX_COMPILE_OPTIONS_IPO -flto=auto -ffat-lto-objects)
  set(CMAKE_INTERPROCEDURAL_OPTIMIZATION ON)
else()
  message(WARNING "No link-time optimisation with this compiler, the firmware will be larger: "
                  "${linkpos_lto_output}")
endif()
add_compile_options(-ffunction-sections -fdata-sections)
add_link_options(-Wl,--gc-sections)

# Optimised for size: the stripped arm64 firmware is 3.51 MiB at -O2, 2.82 MiB with LTO and
# --gc-sections, and 2.26 MiB with -Os as well (the budget is 2.5 MiB). A sale's time is the
# network's and the ledger's fsync, and the libraries that do the heavy work (Mbed TLS, SQLite,
# libpng) keep Debian's -O2; bench/README.md has the benchmarks and the soak before and after.
# This replaces the toolchain files' -O2 and CMake's -O3, for this project's code only.
set(CMAKE_CXX_FLAGS_RELEASE "-Os -DNDEBUG")

set(linkpos_lto_programs linkpos linkpos_bench)

# Every target made in `dir` and below it.
function(linkpos_targets_below dir out)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdir IN LISTS subdirs)
    linkpos_targets_below(${subdir} below)
    list(APPEND targets ${below})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

# Run once every CMakeLists.txt is read: the programs and modules other than the firmware's link
# without LTO (-fno-lto also stops GCC's linker plugin from optimising the fat objects anyway).
function(linkpos_lto_for_firmware_only)
  linkpos_targets_below(${CMAKE_SOURCE_DIR} targets)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type MATCHES "^(EXECUTABLE|MODULE_LIBRARY|SHARED_LIBRARY)$" AND NOT target IN_LIST linkpos_lto_programs)
      set_property(TARGET ${target} PROPERTY INTERPROCEDURAL_OPTIMIZATION OFF)
      target_link_options(${target} PRIVATE -fno-lto)
    endif()
  endforeach()
endfunction()
if(linkpos_lto_supported)
  cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL linkpos_lto_for_firmware_only)
endif()
