# Included by cpack (CPACK_PROJECT_CONFIG_FILE) just before it packs: writes Depends: from the
# shared libraries the firmware binary really needs, read from its ELF dynamic section with
# readelf, which reads any architecture's binaries. dpkg-shlibdeps cannot do this for the cross
# builds (their libraries are not installed as the host's packages), so every build uses this one
# way; the native build's test checks it against dpkg-shlibdeps.
#
# In: LINKPOS_DEB_BINARY, LINKPOS_READELF, LINKPOS_DEB_DEPENDS_TABLE (packaging/deb-depends.txt),
#     LINKPOS_DEB_EXTRA_DEPENDS (packages needed for other reasons than linking).
# Out: CPACK_DEBIAN_PACKAGE_DEPENDS.

execute_process(COMMAND "${LINKPOS_READELF}" --dynamic --wide "${LINKPOS_DEB_BINARY}"
                OUTPUT_VARIABLE dynamic_section RESULT_VARIABLE readelf_failed)
if(readelf_failed)
  message(FATAL_ERROR "linkpos packaging: ${LINKPOS_READELF} cannot read ${LINKPOS_DEB_BINARY}")
endif()
string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*\\[[^]\n]+\\]" needed_lines "${dynamic_section}")

file(STRINGS "${LINKPOS_DEB_DEPENDS_TABLE}" table_lines REGEX "^[^#]")
set(depends "")
set(unknown "")
foreach(line IN LISTS needed_lines)
  string(REGEX REPLACE ".*\\[(.+)\\]" "\\1" soname "${line}")
  set(package "")
  foreach(entry IN LISTS table_lines)
    if(entry MATCHES "^([^ \t]+)[ \t]+(.+[^ \t])[ \t]*$" AND CMAKE_MATCH_1 STREQUAL soname)
      set(package "${CMAKE_MATCH_2}")
    endif()
  endforeach()
  if(package STREQUAL "")
    list(APPEND unknown "${soname}")
  else()
    list(APPEND depends "${package}")
  endif()
endforeach()
if(unknown)
  list(JOIN unknown ", " unknown)
  message(FATAL_ERROR "linkpos packaging: the firmware needs ${unknown}; add the Debian "
                      "package that provides it to ${LINKPOS_DEB_DEPENDS_TABLE}")
endif()

list(APPEND depends ${LINKPOS_DEB_EXTRA_DEPENDS})
list(REMOVE_DUPLICATES depends)
list(SORT depends)
list(JOIN depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
