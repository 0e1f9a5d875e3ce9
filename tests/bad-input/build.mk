# tests/bad-input/build.mk — registers the bad-input suite (malformed ELF
# files and machine profiles must give a clear message, never a crash).
# The suite builds its own small program with the cross compiler.
TEST_SUITES += tests/bad-input/suite.sh
