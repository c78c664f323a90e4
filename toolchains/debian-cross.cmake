# What both cross toolchain files share. The including file sets LINKPOS_CROSS_TRIPLET (the GNU
# triplet, which is also Debian's multiarch name), CMAKE_SYSTEM_PROCESSOR, and CMAKE_SYSROOT when
# the target's libraries are in a sysroot rather than in the host's multiarch folders.
set(CMAKE_SYSTEM_NAME Linux)

# Debian's cross compilers (g++-<triplet>); their own glibc and libstdc++ for the target are in
# /usr/<triplet>, and GCC searches them before any sysroot.
set(CMAKE_C_COMPILER ${LINKPOS_CROSS_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${LINKPOS_CROSS_TRIPLET}-g++)
set(CMAKE_LIBRARY_ARCHITECTURE ${LINKPOS_CROSS_TRIPLET})

# Libraries, headers and CMake packages of the target only; programs (pkg-config, git) of the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config reads the target's .pc files, never the host's.
if(CMAKE_SYSROOT)
  set(ENV{PKG_CONFIG_SYSROOT_DIR} "${CMAKE_SYSROOT}")
endif()
set(ENV{PKG_CONFIG_LIBDIR}
    "${CMAKE_SYSROOT}/usr/lib/${LINKPOS_CROSS_TRIPLET}/pkgconfig:${CMAKE_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# Everything here is built by this one compiler, so GCC's notes on ABI changes since GCC 7 and 9
# concern no one.
foreach(lang C CXX)
  set(CMAKE_${lang}_FLAGS_INIT "-Wno-psabi")
endforeach()

# Release at -O2, as Debian builds its packages: smaller than CMake's default -O3, and the level
# the target's libraries were built at. (The _INIT variables would only be prepended to CMake's
# -O3 flags, hence cache entries.)
foreach(lang C CXX)
  set(CMAKE_${lang}_FLAGS_RELEASE "-O2 -DNDEBUG" CACHE STRING "Flags for Release builds")
endforeach()

# What a technician flashes carries no symbols.
foreach(config RELEASE MINSIZEREL)
  set(CMAKE_EXE_LINKER_FLAGS_${config}_INIT "-s")
endforeach()
