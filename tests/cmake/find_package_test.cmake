# Run by the cmake_find_package test (cmake -P): install the Quango build into
# a temp prefix, configure, build and run the consumer in find_package/
# against it. Any failing step fails the test with its output.
foreach(var QUANGO_BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR CONSUMER_GENERATOR CONSUMER_CXX_COMPILER)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "find_package_test.cmake: ${var} is not set")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(run_step name)
  message(STATUS "cmake_find_package: ${name}: ${ARGN}")
  execute_process(COMMAND ${ARGN}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake_find_package: ${name} failed (${result}):\n${output}")
  endif()
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

run_step(install "${CMAKE_COMMAND}" --install "${QUANGO_BUILD_DIR}" --prefix "${prefix}")

if(NOT EXISTS "${prefix}/include/quango/models/orm/Exceptions.h")
  message(FATAL_ERROR "cmake_find_package: include/quango/models/orm/Exceptions.h was not installed")
endif()
file(GLOB installed_libs "${prefix}/lib*/libquango.so*" "${prefix}/lib/*/libquango.so*")
if(NOT installed_libs)
  message(FATAL_ERROR "cmake_find_package: libquango.so was not installed")
endif()
if(NOT EXISTS "${prefix}/bin/quango")
  message(FATAL_ERROR "cmake_find_package: bin/quango was not installed")
endif()
if(EXISTS "${prefix}/include/quango/app/demo")
  message(FATAL_ERROR "cmake_find_package: app/demo headers were installed")
endif()

set(configure_args
  -S "${CONSUMER_SOURCE_DIR}" -B "${consumer_build}"
  -G "${CONSUMER_GENERATOR}"
  "-DCMAKE_CXX_COMPILER=${CONSUMER_CXX_COMPILER}"
  "-DCMAKE_PREFIX_PATH=${prefix}")
if(CONSUMER_MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${CONSUMER_MAKE_PROGRAM}")
endif()
if(CONSUMER_BUILD_TYPE)
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONSUMER_BUILD_TYPE}")
endif()
run_step(configure "${CMAKE_COMMAND}" ${configure_args})
run_step(build "${CMAKE_COMMAND}" --build "${consumer_build}")

run_step(run "${consumer_build}/quango_consumer")
message(STATUS "cmake_find_package: consumer said: ${step_output}")
if(NOT step_output MATCHES "caught FieldError: Cannot resolve keyword 'nope' into field")
  message(FATAL_ERROR "cmake_find_package: unexpected consumer output:\n${step_output}")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
