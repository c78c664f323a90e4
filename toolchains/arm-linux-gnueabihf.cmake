# 32-bit ARM boards with hardware floating point (Debian armhf). The target's libraries are in a
# sysroot of Debian bookworm's armhf packages that toolchains/provision armhf makes and caches
# (multiarch armhf cannot be installed on our build machines; see README.md).
set(LINKPOS_CROSS_TRIPLET arm-linux-gnueabihf)
set(CMAKE_SYSTEM_PROCESSOR armv7l)

# The same default as toolchains/provision: $LINKPOS_ARMHF_SYSROOT, else the user's cache.
if(DEFINED ENV{LINKPOS_ARMHF_SYSROOT})
  set(linkpos_default_sysroot "$ENV{LINKPOS_ARMHF_SYSROOT}")
elseif(DEFINED ENV{XDG_CACHE_HOME})
  set(linkpos_default_sysroot "$ENV{XDG_CACHE_HOME}/linkpos/sysroot-armhf-bookworm")
else()
  set(linkpos_default_sysroot "$ENV{HOME}/.cache/linkpos/sysroot-armhf-bookworm")
endif()
set(LINKPOS_ARMHF_SYSROOT "${linkpos_default_sysroot}" CACHE PATH
    "The armhf sysroot that toolchains/provision armhf makes")
# try_compile projects read this file again; give them the configured sysroot.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES LINKPOS_ARMHF_SYSROOT)

if(NOT EXISTS "${LINKPOS_ARMHF_SYSROOT}/usr/lib/arm-linux-gnueabihf/libmbedtls.a")
  message(FATAL_ERROR "No armhf sysroot at ${LINKPOS_ARMHF_SYSROOT}: run toolchains/provision armhf")
endif()
set(CMAKE_SYSROOT "${LINKPOS_ARMHF_SYSROOT}")
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)

# Tests, test discovery and build-time generators run under user-mode qemu, with the sysroot's
# loader and libraries (bookworm's glibc 2.36 and libstdc++ of GCC 12, as the cross toolchain's).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm -L "${LINKPOS_ARMHF_SYSROOT}")
