# Every dependency is a Debian package (scripts/setup installs them); nothing is downloaded here.
find_package(Boost 1.74 REQUIRED COMPONENTS system)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PNG REQUIRED)
find_package(Threads REQUIRED)
# sd_notify, for systemd's readiness and watchdog (firmware/service_notifier.cpp): libsystemd has a
# pkg-config file and no CMake package. Shared, as the board's systemd brings libsystemd0 anyway.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBSYSTEMD REQUIRED IMPORTED_TARGET libsystemd>=252)

# qrcodegen and Mbed TLS ship no CMake package; link their static archives so the firmware
# binary carries them (the board need not have them installed).
find_path(QRCODEGEN_INCLUDE_DIR qrcodegen/qrcodegen.hpp REQUIRED)
find_library(QRCODEGEN_LIBRARY NAMES libqrcodegencpp.a qrcodegencpp REQUIRED)
add_library(qrcodegen::qrcodegen UNKNOWN IMPORTED)
set_target_properties(qrcodegen::qrcodegen PROPERTIES
  IMPORTED_LOCATION "${QRCODEGEN_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${QRCODEGEN_INCLUDE_DIR}")

find_path(MBEDTLS_INCLUDE_DIR mbedtls/ssl.h REQUIRED)
foreach(part tls x509 crypto)
  find_library(MBED${part}_LIBRARY NAMES libmbed${part}.a mbed${part} REQUIRED)
endforeach()
add_library(mbedtls::mbedtls INTERFACE IMPORTED)
set_target_properties(mbedtls::mbedtls PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${MBEDTLS_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${MBEDtls_LIBRARY};${MBEDx509_LIBRARY};${MBEDcrypto_LIBRARY}")

if(LINKPOS_TESTS)
  find_package(GTest REQUIRED)
endif()
