# One fuzz_<harness> CTest entry (CMakeLists.txt here): copies the checked-in seeds SEEDS to
# WORK/corpus, which libFuzzer may add to (the checked-in corpus is never written), and runs
# FUZZER over it for SECONDS seconds with DICTIONARY (may be empty). Fails on any crash, leak,
# sanitizer report or property finding; the input is then saved as WORK/crash-<sha1>.
#   cmake -DFUZZER=... -DSEEDS=... -DWORK=... -DDICTIONARY=... -DSECONDS=5 -P run_fuzzer.cmake

file(REMOVE_RECURSE ${WORK}/corpus)
file(MAKE_DIRECTORY ${WORK}/corpus)
file(COPY ${SEEDS}/ DESTINATION ${WORK}/corpus)

set(options -max_total_time=${SECONDS} -timeout=10 -print_final_stats=1 -artifact_prefix=${WORK}/)
if(DICTIONARY)
  list(APPEND options -dict=${DICTIONARY})
endif()
execute_process(COMMAND ${FUZZER} ${options} ${WORK}/corpus RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${result}): the input is saved in ${WORK}/")
endif()
