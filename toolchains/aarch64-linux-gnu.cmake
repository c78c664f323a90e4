# 64-bit ARM boards (Debian arm64). The target's libraries are the host's Debian arm64 packages,
# installed side by side through multiarch (toolchains/provision aarch64), so no sysroot: they are
# in /usr/lib/aarch64-linux-gnu, which CMake searches for this CMAKE_LIBRARY_ARCHITECTURE.
set(LINKPOS_CROSS_TRIPLET aarch64-linux-gnu)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)

if(NOT EXISTS /usr/lib/aarch64-linux-gnu/libmbedtls.a)
  message(FATAL_ERROR "The arm64 libraries are missing: run toolchains/provision aarch64")
endif()

# Tests, test discovery and build-time generators run under user-mode qemu, with the loader and
# libc of the multiarch libc6:arm64 (/lib/ld-linux-aarch64.so.1). Not "-L /usr/aarch64-linux-gnu":
# that loader is the cross toolchain's (another glibc build) and would load multiarch's libc.so.6,
# a mismatch that hangs the first thread a program starts (Asio's resolver does).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64)
