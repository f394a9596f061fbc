# Makefile: builds the runtime (release, race, asan), the harness and every
# program, and wraps scripts/workbook. `make` then `make test`; see README.md.
# V=1 shows the commands. Works with -j.

V ?= 0
Q := $(if $(filter 1,$(V)),,@)
VFLAG := $(if $(filter 1,$(V)),-v,)

CC_RELEASE ?= gcc
CLANG ?= clang
WARN := -Wall -Wextra -Werror
LIBFLAGS := -std=c11 -O2 -g -fno-omit-frame-pointer $(WARN) -MMD -MP
HXFLAGS := -std=c11 -O2 -g $(WARN) -MMD -MP -Iruntime
JOBS ?= 2

RT_SRC := $(wildcard runtime/*.c)
RT_HDR := $(wildcard runtime/*.h)
release_OBJ := $(RT_SRC:runtime/%.c=build/release/obj/%.o)
race_OBJ := $(RT_SRC:runtime/%.c=build/race/obj/%.o)
asan_OBJ := $(RT_SRC:runtime/%.c=build/asan/obj/%.o)
LIBS := build/release/libgo.a build/race/libgo.a build/asan/libgo.a

HX_SRC := $(filter-out harness/run_one.c harness/test_%.c,$(wildcard harness/*.c))
HX_OBJ := $(HX_SRC:harness/%.c=build/harness/obj/%.o)
HX_LIB := build/harness/libharness.a
HX_TESTS := build/harness/test_programs build/harness/test_harness \
            build/harness/test_sandbox
RUN_ONE := build/harness/run-one

# An exercise's NAME_test.c is not a program: it is built with NAME.c (and
# with the solution and each wrong fix), see docs/EXERCISES.md.
PROGRAMS := $(sort $(filter-out %_test.c,$(wildcard chapters/*/*.c \
              chapters/*/exercises/*.c solutions/*/*.c runtime/tests/race/*.c \
              harness/wrongfix/*/*/*.c)))
PROG_BINS := $(PROGRAMS:%.c=build/race/bin/%)
UNIT_SRC := $(wildcard runtime/tests/test_*.c)
UNIT_BINS := $(UNIT_SRC:runtime/tests/%.c=build/tests/%) \
             build/tests/race/test_panic
# Programs keep their frames: dumps and recover walk frame pointers.
PROG_FP := -fno-omit-frame-pointer -fno-optimize-sibling-calls

.PHONY: all setup build core programs run check check-solutions test bench \
        clean status student-dist autograder compile-commands html
.DEFAULT_GOAL := all
.SECONDEXPANSION:
.SECONDARY:

# setup runs first, alone: the compilers it installs are needed by the rest.
# A plain `make` builds JOBS programs at a time (500 race builds one by one
# take ten minutes); `make -jN` is left as asked.
PAR = $(if $(findstring -j,$(MAKEFLAGS))$(findstring jobserver,$(MAKEFLAGS)),,-j$(JOBS))
all: setup
	$(Q)$(MAKE) $(PAR) --no-print-directory build
	$(Q)scripts/workbook list

setup:
	$(Q)scripts/setup

core: $(LIBS) $(RUN_ONE)
build: core $(HX_TESTS) $(UNIT_BINS) programs compile-commands
programs: $(PROG_BINS)
status: core
	$(Q)scripts/workbook list

# For clangd (VS Code, Vim, Emacs): the flags of every source, at the root;
# rewritten only when a source comes or goes.
compile-commands:
	$(Q)scripts/compile-commands

# ---------------------------------------------------------------- runtime
build/release/obj/%.o: runtime/%.c
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(CC_RELEASE) $(LIBFLAGS) -c $< -o $@

# The race library is not instrumented: it calls the __tsan_* API itself.
build/race/obj/%.o: runtime/%.c
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC race $@")
	$(Q)$(CLANG) $(LIBFLAGS) -DGO_RACE -c $< -o $@

build/asan/obj/%.o: runtime/%.c
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC asan $@")
	$(Q)$(CLANG) $(LIBFLAGS) -DGO_ASAN -c $< -o $@

build/%/libgo.a: $$(%_OBJ)
	@mkdir -p $(@D)
	$(if $(Q),@echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

# ---------------------------------------------------------------- harness
build/harness/obj/%.o: harness/%.c
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(CC_RELEASE) $(HXFLAGS) -c $< -o $@

$(HX_LIB): $(HX_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(RUN_ONE): build/harness/obj/run_one.o $(HX_LIB)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC_RELEASE) $^ -o $@

build/harness/test_%: build/harness/obj/test_%.o $(HX_LIB)
	$(if $(Q),@echo "  LD      $@")
	$(Q)$(CC_RELEASE) $^ -lcriterion -o $@

# Runtime unit tests: Criterion, uninstrumented, on the release library.
build/tests/%: runtime/tests/%.c build/release/libgo.a
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC test $@")
	$(Q)$(CC_RELEASE) -std=c11 -O1 -g $(PROG_FP) $(WARN) -MMD -MP -Iruntime $< \
	    build/release/libgo.a -lcriterion -lpthread -lm -o $@

# The same tests of defer/panic/recover in the race build (ThreadSanitizer
# sees setjmp/longjmp and the fibers).
build/tests/race/%: runtime/tests/%.c build/race/libgo.a
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC race $@")
	$(Q)$(CLANG) -std=c11 -O1 -g $(PROG_FP) -fsanitize=thread $(WARN) -MMD -MP \
	    -Iruntime $< build/race/libgo.a -lcriterion -lpthread -lm -Wl,--wrap=main \
	    -o $@

# ---------------------------------------------------------------- programs
# Race build, through run-one so make and the harness compile alike. A
# program that does not compile is reported, not fatal: it is graded `build`.
# The instructor's files an exercise program is built with (none for a
# program of the old form): $(call ex_files,STEM) for the stems
# chapters/NN/exercises/NAME, solutions/NN/NAME, harness/wrongfix/NN/NAME/X.
ex_dir = $(if $(filter solutions/%,$1),$(patsubst solutions/%,chapters/%,$(dir $1))exercises/$(notdir $1),$(if $(filter harness/wrongfix/%,$1),$(patsubst harness/wrongfix/%/,chapters/%,$(dir $(patsubst %/,%,$(dir $1))))/exercises/$(notdir $(patsubst %/,%,$(dir $1))),$1))
ex_files = $(wildcard $(call ex_dir,$1)_test.c $(call ex_dir,$1).h) \
           $(if $(wildcard $(call ex_dir,$1)_test.c),harness/extest.h)

build/race/bin/%: %.c build/race/libgo.a runtime/go.h $$(call ex_files,$$*) \
                  | $(RUN_ONE)
	$(if $(Q),@echo "  PROG    $<")
	$(Q)$(RUN_ONE) --build-only $(VFLAG) $<

# ---------------------------------------------------------------- commands
run: core
	$(Q)test -n "$(EX)" || { echo "usage: make run EX=NN-topic/program"; exit 2; }
	$(Q)scripts/workbook run $(EX) $(ARGS)

check: core
	$(Q)scripts/workbook check $(ARGS)

check-solutions: core
	$(Q)scripts/workbook check --solutions $(ARGS)

# What an instructor hands out (README.md, "For instructors"); TESTS=DIR
# ships the instructor's tests from DIR instead of the project's own.
student-dist:
	$(Q)scripts/dist student $(if $(TESTS),--tests $(TESTS))

autograder:
	$(Q)scripts/dist autograder $(if $(TESTS),--tests $(TESTS))

test: build
	$(Q)JOBS=$(JOBS) scripts/test

bench: core
	$(Q)scripts/bench

# The book as web pages (pandoc), then opened in headless Chromium: every
# image loads, every internal link resolves, a screenshot (scripts/test-html;
# make test runs it too).
html: setup
	$(Q)scripts/mkhtml build/html
	$(Q)scripts/test-html build/html

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
