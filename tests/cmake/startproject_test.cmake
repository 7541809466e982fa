# Run by the cmake_startproject test (cmake -P): install the Quango build into
# a temp prefix, let the installed `quango` write a project (startproject) and
# an app in it (startapp), install the app in main.cpp as its comment says,
# build the project against the installed package, and run its `check` and
# `makemigrations`. Any failing step fails the test with its output.
foreach(var QUANGO_BUILD_DIR WORK_DIR CONSUMER_GENERATOR CONSUMER_CXX_COMPILER)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "startproject_test.cmake: ${var} is not set")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(project_dir "${WORK_DIR}/mysite")
set(project_build "${project_dir}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
# Commands must not read the developer's settings or database.
set(ENV{HOME} "${WORK_DIR}")
unset(ENV{QUANGO_SETTINGS})
unset(ENV{QUANGO_DATABASE_URL})

# run_step(name expected_exit_code dir command...)
function(run_step name expected dir)
  message(STATUS "cmake_startproject: ${name}: ${ARGN}")
  execute_process(COMMAND ${ARGN}
    WORKING_DIRECTORY "${dir}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT "${result}" STREQUAL "${expected}")
    message(FATAL_ERROR "cmake_startproject: ${name} exited with ${result}, expected ${expected}:\n${output}")
  endif()
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

function(expect_output pattern)
  if(NOT step_output MATCHES "${pattern}")
    message(FATAL_ERROR "cmake_startproject: expected output matching '${pattern}', got:\n${step_output}")
  endif()
endfunction()

run_step(install 0 "${WORK_DIR}" "${CMAKE_COMMAND}" --install "${QUANGO_BUILD_DIR}" --prefix "${prefix}")
set(quango "${prefix}/bin/quango")

run_step(startproject 0 "${WORK_DIR}" "${quango}" startproject mysite)
foreach(file CMakeLists.txt main.cpp quango.ini .gitignore)
  if(NOT EXISTS "${project_dir}/${file}")
    message(FATAL_ERROR "cmake_startproject: startproject did not write ${file}")
  endif()
endforeach()
run_step(startproject-again 1 "${WORK_DIR}" "${quango}" startproject mysite)
expect_output("CommandError: '.*/mysite' already exists")
run_step(startproject-bad-name 1 "${WORK_DIR}" "${quango}" startproject 2fast)
expect_output("CommandError: '2fast' is not a valid project name. Please make sure the name is a valid identifier.")
run_step(startproject-no-name 2 "${WORK_DIR}" "${quango}" startproject)
expect_output("Usage: quango startproject")

run_step(startapp 0 "${project_dir}" "${quango}" startapp polls)
foreach(file CMakeLists.txt PollsApp.h PollsApp.cpp signals.h signals.cpp tasks.h tasks.cpp migrations/.gitkeep)
  if(NOT EXISTS "${project_dir}/polls/${file}")
    message(FATAL_ERROR "cmake_startproject: startapp did not write polls/${file}")
  endif()
endforeach()
run_step(startapp-existing-app 1 "${project_dir}" "${quango}" startapp blog)
expect_output("CommandError: 'blog' conflicts with the name of an existing app and cannot be used as an app name. Please try another name.")
run_step(startapp-keyword 1 "${project_dir}" "${quango}" startapp class)
expect_output("'class' is not a valid app name")

# INSTALLED_APPS: what main.cpp's comment tells the user to add.
file(READ "${project_dir}/main.cpp" main)
string(REPLACE "#include <memory>\n" "#include <memory>\n#include \"polls/PollsApp.h\"\n" main "${main}")
string(REPLACE "    quango::installBuiltinApps(registry);\n"
  "    quango::installBuiltinApps(registry);\n    registry.addApp(std::make_shared<polls::PollsApp>());\n" main "${main}")
if(NOT main MATCHES "\n    registry\\.addApp\\(std::make_shared<polls::PollsApp>")
  message(FATAL_ERROR "cmake_startproject: main.cpp has no installApps() line to add polls after:\n${main}")
endif()
file(WRITE "${project_dir}/main.cpp" "${main}")

set(configure_args
  -S "${project_dir}" -B "${project_build}"
  -G "${CONSUMER_GENERATOR}"
  "-DCMAKE_CXX_COMPILER=${CONSUMER_CXX_COMPILER}"
  "-DCMAKE_PREFIX_PATH=${prefix}")
if(CONSUMER_MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${CONSUMER_MAKE_PROGRAM}")
endif()
if(CONSUMER_BUILD_TYPE)
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONSUMER_BUILD_TYPE}")
endif()
run_step(configure 0 "${WORK_DIR}" "${CMAKE_COMMAND}" ${configure_args})
run_step(build 0 "${WORK_DIR}" "${CMAKE_COMMAND}" --build "${project_build}")

run_step(check 0 "${project_dir}" "${project_build}/mysite" check)
expect_output("System check identified no issues")
run_step(help 0 "${project_dir}" "${project_build}/mysite" help)
expect_output("startapp")
# The app is installed and its migrations folder is the source folder.
run_step(makemigrations 0 "${project_dir}" "${project_build}/mysite" makemigrations polls)
expect_output("No changes detected in app 'polls'")
# Django's default apps come with the project: their tables are made by migrate.
run_step(migrate 0 "${project_dir}" "${project_build}/mysite" migrate)
expect_output("Applying auth\\.0001_initial\\.\\.\\. OK")
run_step(dumpdata 0 "${project_dir}" "${project_build}/mysite" dumpdata auth.User)
expect_output("^\\[\\]$")
if(NOT EXISTS "${project_dir}/quango.ini")
  message(FATAL_ERROR "cmake_startproject: quango.ini is missing")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
