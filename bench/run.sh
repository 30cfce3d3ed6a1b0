#!/usr/bin/env bash
# Builds the benchmarks, runs them against MariaDB on loopback (each in databases of its own, dropped
# afterwards) and prints a table and one final line: BENCH key=value ...  See bench/README.md.
# Usage: bench/run.sh [--quick]        (CRAFTMARK_BENCH_DB overrides jdbc:mysql://127.0.0.1:3306/)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=""
if [[ "${1:-}" == "--quick" ]]; then quick="--quick"; fi
db_server="${CRAFTMARK_BENCH_DB:-jdbc:mysql://127.0.0.1:3306/}"
jar=bench/target/bench.jar
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

bin/jdk ./mvnw -B -q -pl bench -am package -DskipTests

# key=value pairs of the last line of $1 that holds $2
pairs() { grep -h "$2" "$1" | tail -1 | tr ' ' '\n' | grep '=' || true; }

fanout_keys="fanout_n fanout_ratio fanout_p99_ms bare_p99_ms fanout_fps bare_fps"
if unzip -l "$jar" 2>/dev/null | grep -q 'org/craftmark/bench/fanout/FanoutBench.class'; then
    sizes=(10000); seconds=20
    if [[ -z "$quick" ]]; then sizes=(10000 18000); seconds=60; fi
    for n in "${sizes[@]}"; do
        bin/jdk java -cp "$jar" org.craftmark.bench.fanout.FanoutBench --subscribers "$n" --seconds "$seconds" \
            | tee -a "$out/fanout.log" || echo "FanoutBench failed at N=$n" | tee -a "$out/fanout.log"
    done
    pairs "$out/fanout.log" 'fanout_n=' > "$out/fanout.kv"
else
    echo "FanoutBench is not in this build: its figures are NA"
    for k in $fanout_keys; do echo "$k=NA"; done > "$out/fanout.kv"
fi

bin/jdk java -cp "$jar" org.craftmark.bench.intake.IntakeBench $quick --db-server "$db_server" --db-user root --db-password '' \
    | grep -v '^{' | tee "$out/intake.log"
pairs "$out/intake.log" '^INTAKE ' > "$out/intake.kv"

# Documents: certificates (finalize + the contest's PDF ZIP; --quick finalizes fewer entries and says so
# in its certs= figure), then the 100,000-row winner lists from a server JVM of its own with -Xmx256m.
# A part that fails leaves its keys NA and the others still run.
bin/jdk java -cp "$jar" org.craftmark.bench.documents.CertificatesBench $quick --db-server "$db_server" --db-user root --db-password '' \
    2>&1 | grep -v '^{' | tee "$out/certs.log" || true
pairs "$out/certs.log" '^CERTS ' > "$out/certs.kv"
bin/jdk java -cp "$jar" org.craftmark.bench.documents.ExportBench --db-server "$db_server" --db-user root --db-password '' \
    2>&1 | grep -v '^{' | tee "$out/exports.log" || true
pairs "$out/exports.log" '^EXPORTS ' > "$out/exports.kv"

value() { grep -h "^$1=" "$out"/*.kv | tail -1 | cut -d= -f2- || true; }
keys="$fanout_keys intake_marks_s intake_ratio ack_p99_ms batch_marks_s resync_s certs_s csv100k_s xlsx100k_s export_heap_mib"
echo
printf '%-18s %s\n' figure value
line="BENCH"
extra="jdbc_rows_s ack_p50_ms steady_marks_s steady_not_offered resync_marks resync_duplicates"
extra="$extra certs finalize_s certs_zip_s csv_bare_s csv_ratio xlsx_bare_s xlsx_ratio csv_cold_s xlsx_cold_s export_gc_after_mib"
for k in $keys $extra; do
    v="$(value "$k")"; v="${v:-NA}"
    printf '%-18s %s\n' "$k" "$v"
    line="$line $k=$v"
done
echo "$line"
