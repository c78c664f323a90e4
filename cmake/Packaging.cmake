# The Debian package (CPack's DEB generator) and the signed Mender artifact that wraps it; what
# goes into them is in packaging/ (see packaging/README.md).
#
#   cmake --build <dir> --target package          -> <dir>/linkpos_<version>_<arch>.deb
#   cmake --build <dir> --target mender-artifact  -> <dir>/linkpos_<version>_<arch>.mender
#
# The package holds the firmware alone (component "linkpos"): no wixsim, no tests.

set(LINKPOS_PACKAGE_VERSION "${PROJECT_VERSION}" CACHE STRING
    "The .deb's version (e.g. 0.1.0+ci42 for a CI build a fleet can tell apart)")
set(LINKPOS_PACKAGE_MAINTAINER
    "linkpos maintainers <maintainers@users.noreply.b-seed-f529d2ec.example>"
    CACHE STRING "The .deb's Maintainer: field")
set(LINKPOS_PACKAGE_HOMEPAGE "" CACHE STRING "The .deb's Homepage: field (none when empty)")

# Debian's name for the target's architecture: from the toolchain's multiarch triplet, else its
# processor. LINKPOS_DEB_ARCH overrides both.
set(LINKPOS_DEB_ARCH "" CACHE STRING "Debian architecture of the package (empty: from the toolchain)")
if(LINKPOS_DEB_ARCH)
  set(linkpos_deb_arch "${LINKPOS_DEB_ARCH}")
elseif(CMAKE_LIBRARY_ARCHITECTURE MATCHES "^x86_64-linux-gnu$")
  set(linkpos_deb_arch amd64)
elseif(CMAKE_LIBRARY_ARCHITECTURE MATCHES "^aarch64-linux-gnu$")
  set(linkpos_deb_arch arm64)
elseif(CMAKE_LIBRARY_ARCHITECTURE MATCHES "^arm-linux-gnueabihf$")
  set(linkpos_deb_arch armhf)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  set(linkpos_deb_arch amd64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(linkpos_deb_arch arm64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^arm")
  set(linkpos_deb_arch armhf)  # the only 32-bit ARM we build for: arm-linux-gnueabihf
else()
  message(WARNING "linkpos packaging: no Debian architecture known for ${CMAKE_SYSTEM_PROCESSOR}; "
                  "set LINKPOS_DEB_ARCH")
  set(linkpos_deb_arch "${CMAKE_SYSTEM_PROCESSOR}")
endif()

set(LINKPOS_MENDER_DEVICE_TYPES "linkpos-${linkpos_deb_arch}-board" CACHE STRING
    "Mender device types the artifact installs on (;-separated); they must match the boards'")
set(LINKPOS_MENDER_SIGNING_KEY "" CACHE FILEPATH
    "ECDSA P-256 private key (PEM) that signs the Mender artifact; empty: $LINKPOS_MENDER_SIGNING_KEY")

find_program(LINKPOS_READELF NAMES ${CMAKE_READELF} readelf REQUIRED)
find_program(LINKPOS_GZIP gzip REQUIRED)

set(linkpos_packaging_dir ${PROJECT_SOURCE_DIR}/packaging)
set(linkpos_packaging_out ${PROJECT_BINARY_DIR}/packaging)
set(linkpos_deb_file linkpos_${LINKPOS_PACKAGE_VERSION}_${linkpos_deb_arch}.deb)

# Debian wants the changelog and the manual page compressed with gzip -9n (no name, no time).
# The changelog's date is the last commit's, so a rebuild of the same revision is the same file.
execute_process(COMMAND git -C "${PROJECT_SOURCE_DIR}" log -1 --format=%cD
                OUTPUT_VARIABLE linkpos_changelog_date OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT linkpos_changelog_date)
  string(TIMESTAMP linkpos_changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
endif()
configure_file(${linkpos_packaging_dir}/changelog.in ${linkpos_packaging_out}/changelog @ONLY)
foreach(doc changelog:${linkpos_packaging_out}/changelog linkpos.1:${linkpos_packaging_dir}/linkpos.1)
  string(REPLACE ":" ";" doc "${doc}")
  list(GET doc 0 name)
  list(GET doc 1 source)
  add_custom_command(OUTPUT ${linkpos_packaging_out}/${name}.gz
    COMMAND ${LINKPOS_GZIP} -9nc ${source} > ${linkpos_packaging_out}/${name}.gz
    DEPENDS ${source} VERBATIM)
  list(APPEND linkpos_package_docs ${linkpos_packaging_out}/${name}.gz)
endforeach()
add_custom_target(linkpos_package_docs ALL DEPENDS ${linkpos_package_docs})

install(TARGETS linkpos RUNTIME DESTINATION bin COMPONENT linkpos)
install(FILES ${PROJECT_SOURCE_DIR}/config/board-serial-printer.json DESTINATION /etc/linkpos
        RENAME config.json COMPONENT linkpos)
install(FILES ${linkpos_packaging_dir}/linkpos.service DESTINATION /lib/systemd/system
        COMPONENT linkpos)
install(FILES ${linkpos_packaging_dir}/linkpos.sysusers DESTINATION lib/sysusers.d
        RENAME linkpos.conf COMPONENT linkpos)
install(FILES ${linkpos_packaging_dir}/copyright ${linkpos_packaging_out}/changelog.gz
        DESTINATION share/doc/linkpos COMPONENT linkpos)
install(FILES ${linkpos_packaging_out}/linkpos.1.gz DESTINATION share/man/man1 COMPONENT linkpos)
install(FILES ${linkpos_packaging_dir}/lintian-overrides DESTINATION share/lintian/overrides
        RENAME linkpos COMPONENT linkpos)

# cpack installs what is built; it builds nothing itself, so packing in a test (or twice in a
# row) never relinks the firmware under other tests. The package target still builds all first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

set(CPACK_GENERATOR DEB)
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};linkpos;linkpos;/")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_PACKAGE_NAME linkpos)
set(CPACK_PACKAGE_VERSION "${LINKPOS_PACKAGE_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "point-of-sale terminal taking payment through Wix Payment Links")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${linkpos_packaging_dir}/description.txt)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${linkpos_deb_arch})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LINKPOS_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(LINKPOS_PACKAGE_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${LINKPOS_PACKAGE_HOMEPAGE}")
endif()
# gzip: packs in seconds even an ASan build in CI, and unpacks faster on a small ARM board; xz
# would save a few hundred kilobytes per download.
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${linkpos_packaging_dir}/conffiles ${linkpos_packaging_dir}/postinst
    ${linkpos_packaging_dir}/prerm ${linkpos_packaging_dir}/postrm)

# Depends: is computed when cpack runs, from the binary it packs (packaging/deb-depends.cmake).
# Beyond the libraries: the CA bundle wix.ca_file names by default, and systemd-sysusers, which
# makes the user in postinst (the alternatives are debhelper's).
file(WRITE ${linkpos_packaging_out}/CPackProjectConfig.cmake.in
"set(LINKPOS_DEB_BINARY \"$<TARGET_FILE:linkpos>\")
set(LINKPOS_READELF \"${LINKPOS_READELF}\")
set(LINKPOS_DEB_DEPENDS_TABLE \"${linkpos_packaging_dir}/deb-depends.txt\")
set(LINKPOS_DEB_EXTRA_DEPENDS \"ca-certificates;systemd | systemd-standalone-sysusers | systemd-sysusers\")
include(\"${linkpos_packaging_dir}/deb-depends.cmake\")
")
file(GENERATE OUTPUT ${linkpos_packaging_out}/CPackProjectConfig.cmake
     INPUT ${linkpos_packaging_out}/CPackProjectConfig.cmake.in)
set(CPACK_PROJECT_CONFIG_FILE ${linkpos_packaging_out}/CPackProjectConfig.cmake)

include(CPack)

# The fleet's artifact: the package from the package target, wrapped and signed. The key comes
# from LINKPOS_MENDER_SIGNING_KEY, the cache entry or else the environment variable.
set(linkpos_mender_arguments --deb ${PROJECT_BINARY_DIR}/${linkpos_deb_file})
foreach(device_type IN LISTS LINKPOS_MENDER_DEVICE_TYPES)
  list(APPEND linkpos_mender_arguments --device-type ${device_type})
endforeach()
if(LINKPOS_MENDER_SIGNING_KEY)
  list(APPEND linkpos_mender_arguments --key ${LINKPOS_MENDER_SIGNING_KEY})
endif()
add_custom_target(mender-artifact
  COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target package
  COMMAND sh ${linkpos_packaging_dir}/make-mender-artifact ${linkpos_mender_arguments}
  COMMENT "Packing and signing linkpos for Mender (${LINKPOS_MENDER_DEVICE_TYPES})"
  USES_TERMINAL VERBATIM)
