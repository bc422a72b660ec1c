# Sourced by the ci/ scripts that run the release leakcheck (srs-full,
# valgrind, leak-gate, report-screenshots), so that CI compiles the release
# product once, not once per script: they share one scratch path and one set
# of flags. DWARF 4 because valgrind 3.19 cannot read the DWARF 5 the
# toolchain writes by default ("unhandled dwarf2 abbrev form code 0x25"); it
# changes only the debug information, not the code. A scratch path of its own
# so the user's .build (`swift run -c release leakcheck …`) is never rebuilt
# with other flags.
#
# build_release_leakcheck [ENV=VALUE…] builds the product with the given
# environment (valgrind.sh passes PLONK_DELIBERATE_LEAK=1; every other
# caller none, which rebuilds the clean variant if a leaking one was left
# behind) and sets $bin to the executable.
release_flags=(-c release --scratch-path .build-release --product leakcheck -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4)
build_release_leakcheck() {
  env "$@" swift build "${release_flags[@]}"
  bin="$(swift build "${release_flags[@]}" --show-bin-path)/leakcheck"
}
