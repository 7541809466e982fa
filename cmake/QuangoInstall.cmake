# Installs the Quango library, its public headers, the `quango` executable and
# a CMake package, so that another project can do
#   find_package(Quango REQUIRED)
#   target_link_libraries(myapp PRIVATE Quango::Quango)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(QUANGO_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/Quango")

# Only Quango is exported. The layer OBJECT libraries are not linked to it
# (their objects are its sources), so the export does not reference them.
install(TARGETS Quango
  EXPORT QuangoTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

# A library built with the sanitizers needs their runtimes in the program that
# loads it: installed consumers link with the same flags.
if(QUANGO_SANITIZE)
  set_property(TARGET Quango APPEND PROPERTY INTERFACE_LINK_OPTIONS
    "$<INSTALL_INTERFACE:-fsanitize=address>" "$<INSTALL_INTERFACE:-fsanitize=undefined>")
endif()

# The installed executable finds libquango next door.
set_target_properties(quango PROPERTIES
  INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
install(TARGETS quango RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

# Public headers, keeping their directories: include/quango/models/orm/Field.h
# is included as "models/orm/Field.h". app/demo and app/main.cpp stay out.
install(DIRECTORY
    "${PROJECT_SOURCE_DIR}/models"
    "${PROJECT_SOURCE_DIR}/views"
    "${PROJECT_SOURCE_DIR}/ui"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/quango"
  FILES_MATCHING PATTERN "*.h")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/app"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/quango"
  FILES_MATCHING PATTERN "*.h"
  PATTERN "demo" EXCLUDE)

install(EXPORT QuangoTargets
  NAMESPACE Quango::
  FILE QuangoTargets.cmake
  DESTINATION "${QUANGO_INSTALL_CMAKEDIR}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/QuangoConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/QuangoConfig.cmake"
  INSTALL_DESTINATION "${QUANGO_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/QuangoConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMinorVersion)
install(FILES
    "${PROJECT_BINARY_DIR}/QuangoConfig.cmake"
    "${PROJECT_BINARY_DIR}/QuangoConfigVersion.cmake"
  DESTINATION "${QUANGO_INSTALL_CMAKEDIR}")
