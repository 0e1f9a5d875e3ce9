# labs/build.mk — the labs have no code to build; their auto-checkers are
# tested by tests/labs/suite.sh (scenarios run, right answers pass, wrong fail).
TEST_SUITES += tests/labs/suite.sh
