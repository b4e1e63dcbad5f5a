#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ (a build folder of their own) and runs each for
# FUZZ_SECONDS (default 60), starting from the committed seed corpus. New inputs go to a
# scratch corpus under .build-fuzz/, crashes to .build-fuzz/crashes/, full logs to
# .build-fuzz/logs/; the seeds stay as they are. Prints libFuzzer's execution count per harness.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-CSVFuzzer ValueFuzzer ConfigFuzzer WorkbookFuzzer}"
scratch=.build-fuzz
export REVIEWPACK_FUZZ=1
for target in $targets; do
  swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$target"
done
mkdir -p "$scratch/crashes" "$scratch/logs"
for target in $targets; do
  seeds="Fuzz/Corpus/$(echo "${target%Fuzzer}" | tr '[:upper:]' '[:lower:]')"
  corpus="$scratch/corpus/$target"
  mkdir -p "$corpus"
  echo "fuzz: $target for ${seconds}s (seeds: $seeds)"
  # Foundation's FileManager.fileSystemRepresentation, which ZIPFoundation calls to open
  # an archive, leaks its C string on every call; leak detection would stop at the first input.
  extra="" leaks=1
  if [ "$target" = WorkbookFuzzer ]; then extra="-detect_leaks=0" leaks=0; fi
  ASAN_OPTIONS="detect_leaks=$leaks" "$scratch/release/$target" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 $extra \
    -max_len=65536 -artifact_prefix="$scratch/crashes/$target-" -print_final_stats=1 > "$scratch/logs/$target.log" 2>&1 || true
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)|ERROR: |deadly signal|Test unit written" "$scratch/logs/$target.log" || true
done
