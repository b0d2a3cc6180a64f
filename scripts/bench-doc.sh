# Writes a benchmark's section into docs/benchmarks.md. Source it, then:
#   bench_doc_write NAME SECTION_FILE   replace the part between <!-- NAME:begin --> and <!-- NAME:end --> with
#                                       SECTION_FILE (which carries both markers), or append it when there is none

bench_doc_write() {
  local name=$1 section=$2 doc=docs/benchmarks.md merged
  if [ ! -f "$doc" ]; then
    printf '# Benchmarks\n\nMeasured figures; each section is written by the script it names.\n\n' >"$doc"
  fi
  if grep -q "<!-- $name:begin -->" "$doc"; then
    merged=$(mktemp)
    awk -v section="$section" -v begin="<!-- $name:begin -->" -v end="<!-- $name:end -->" '
      $0 == begin { while ((getline line < section) > 0) print line; skipping = 1; next }
      $0 == end { skipping = 0; next }
      !skipping { print }' "$doc" >"$merged"
    cat "$merged" >"$doc"
    rm -f "$merged"
  else
    { [ -s "$doc" ] && [ -n "$(tail -c 1 "$doc")" ] && echo; cat "$section"; } >>"$doc"
  fi
}
