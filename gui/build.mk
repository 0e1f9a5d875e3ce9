# gui/build.mk — the GTK4 dashboard; included by the top-level Makefile.
#
#   $(BUILD)/trapeze-dashboard          the dashboard (GTK4, links libtrapeze.a)
#   $(BUILD)/gui/tests/test_dashboard   its widget tests (cmocka + GTK, run under Xvfb)
#   make screenshot                     docs/screenshot.png and docs/screenshot-ko.png
#
# Only files in gui/ (and the GUI tests) are compiled with GTK's flags, into
# $(BUILD)/gui/ — machine/ and isa/ never see a GTK header, so a GTK include
# there fails to build. Warnings are the same as for all host code
# ($(HOST_WARN)); GTK 4.8's headers compile cleanly with them.

GTK_CFLAGS := $(shell pkg-config --cflags gtk4 2>/dev/null)
GTK_LIBS := $(shell pkg-config --libs gtk4 2>/dev/null)
GLIB_COMPILE_RESOURCES ?= glib-compile-resources
GUI_CFLAGS = $(HOST_CFLAGS) $(GTK_CFLAGS)

GUI_SRCS := $(wildcard gui/*.c)
GUI_CORE_OBJS := $(patsubst gui/%.c,$(BUILD)/gui/%.o,$(filter-out gui/main.c,$(GUI_SRCS))) \
                 $(BUILD)/gui/resources.o
GUI_TEST_SRCS := $(wildcard tests/gui/test_*.c)
GUI_TEST_BINS := $(patsubst tests/gui/%.c,$(BUILD)/gui/tests/%,$(GUI_TEST_SRCS))

$(BUILD)/gui/%.o: gui/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(HOST_CC) $(GUI_CFLAGS) -c $< -o $@

$(BUILD)/gui/tests/%.o: tests/gui/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(HOST_CC) $(GUI_CFLAGS) -c $< -o $@

# style.css is compiled into the binary (GResource), so the dashboard runs
# from the build tree with no installed data files.
$(BUILD)/gui/resources.c: gui/trapeze.gresource.xml gui/style.css | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(GLIB_COMPILE_RESOURCES) --sourcedir=gui --generate-source --c-name trapeze_resources --target=$@ $<

# The generated file defines a public getter without a prototype.
$(BUILD)/gui/resources.o: $(BUILD)/gui/resources.c
	$(HOST_CC) $(GUI_CFLAGS) -Wno-missing-prototypes -c $< -o $@

$(BUILD)/trapeze-dashboard: $(BUILD)/gui/main.o $(GUI_CORE_OBJS) $(BUILD)/host/libtrapeze.a
	$(HOST_CC) -o $@ $^ $(GTK_LIBS) $(HOST_LDLIBS)

$(BUILD)/gui/tests/%: $(BUILD)/gui/tests/%.o $(GUI_CORE_OBJS) $(BUILD)/host/libtrapeze.a
	$(HOST_CC) -o $@ $^ $(GTK_LIBS) $(CMOCKA_LIBS) $(HOST_LDLIBS)

-include $(wildcard $(BUILD)/gui/*.d $(BUILD)/gui/tests/*.d)

HOST_ALL += $(BUILD)/trapeze-dashboard $(GUI_TEST_BINS)
TEST_SUITES += tests/gui/suite.sh

# ---- screenshots for the documentation ----------------------------------------
# The built-in default scenario, 8 M cycles in (all four guests busy), at the
# size of a common classroom projector window. xvfb-run's own screen is
# 1280x1024, narrower than that window: give it a larger one.
SCREENSHOT_ARGS ?= --run-cycles 8000000 --size 1400x900
XVFB_RUN := xvfb-run -a -s "-screen 0 1920x1200x24"
.PHONY: screenshot
screenshot: $(BUILD)/trapeze-dashboard rv32
	$(XVFB_RUN) $(BUILD)/trapeze-dashboard --screenshot docs/screenshot.png --lang en $(SCREENSHOT_ARGS)
	$(XVFB_RUN) $(BUILD)/trapeze-dashboard --screenshot docs/screenshot-ko.png --lang ko $(SCREENSHOT_ARGS)
