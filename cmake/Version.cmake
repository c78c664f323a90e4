# Runs at build time (cmake -P) so the binary names the revision it was built from, not the one
# checked out when the build folder was configured. The file is rewritten (and the firmware
# relinked) only when the revision changes; the build time is when that happened.
execute_process(COMMAND git -C "${SOURCE_DIR}" rev-parse --short=12 HEAD
                OUTPUT_VARIABLE LINKPOS_GIT_REVISION OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
execute_process(COMMAND git -C "${SOURCE_DIR}" status --porcelain --untracked-files=no
                OUTPUT_VARIABLE dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT LINKPOS_GIT_REVISION)
  set(LINKPOS_GIT_REVISION "unknown")
elseif(dirty)
  string(APPEND LINKPOS_GIT_REVISION "-modified")
endif()
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" existing)
  string(FIND "${existing}" "\"${LINKPOS_GIT_REVISION}\"" found)
  if(NOT found EQUAL -1)
    return()
  endif()
endif()
# Honours SOURCE_DATE_EPOCH, for reproducible package builds.
string(TIMESTAMP LINKPOS_BUILD_TIME "%Y-%m-%dT%H:%M:%SZ" UTC)
configure_file("${SOURCE_DIR}/firmware/version.cpp.in" "${OUTPUT}" @ONLY)
