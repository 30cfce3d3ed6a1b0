#!/usr/bin/env bash
# The soak variants of the fault tests, in one command, with a summary at the end:
#   kill -9 during a burst (20 times), kill -9 while finalize's transaction is open (10 times),
#   database stalls and cuts through the proxy (5 cycles),
#   a private MariaDB stopped and killed -9 mid-burst and started again (5 cycles: 10 restarts),
#   network faults between tablets and server (>= 5,000), a 10-minute flood with heap sampling,
#   a flood of 50,000 live screen upgrades against a cap of 2,000, and the hostile-input fuzz test.
# Needs MariaDB/MySQL: CRAFTMARK_TEST_JDBC_URL (default jdbc:mysql://127.0.0.1:3306/, user root).
# The restart variant runs a MariaDB of its own (/usr/sbin/mariadbd, mariadb-install-db), never the shared one.
# Shorter runs for a busy machine:
#   KILLS=5 FINALIZE_KILLS=3 OVERLOAD_MINUTES=3 NETWORK_FAULTS=2000 OUTAGE_CYCLES=2 RESTART_CYCLES=2 chaos/run.sh
set -uo pipefail

cd "$(dirname "$0")/.."
KILLS=${KILLS:-20}
FINALIZE_KILLS=${FINALIZE_KILLS:-10}
OUTAGE_CYCLES=${OUTAGE_CYCLES:-5}
RESTART_CYCLES=${RESTART_CYCLES:-5}
NETWORK_FAULTS=${NETWORK_FAULTS:-5000}
NETWORK_MINUTES=${NETWORK_MINUTES:-10}
OVERLOAD_MINUTES=${OVERLOAD_MINUTES:-10}
LIVE_FLOOD_ATTEMPTS=${LIVE_FLOOD_ATTEMPTS:-50000}
LIVE_SCREEN_CAP=${LIVE_SCREEN_CAP:-2000}
# The stated heap bound: the flood runs in a 512 MiB JVM, and must keep what survives a collection under 3/4 of it.
HEAP=${HEAP:-512m}
export CRAFTMARK_TEST_JDBC_URL=${CRAFTMARK_TEST_JDBC_URL:-jdbc:mysql://127.0.0.1:3306/}
export CRAFTMARK_REQUIRE_MYSQL=1
LOGS=target/chaos/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$LOGS"

bin/jdk ./mvnw -B -q -DskipTests -pl scoring-server -am test-compile > "$LOGS/build.log" 2>&1 || { echo "build failed: $LOGS/build.log"; exit 1; }

failed=()
run() { # name, test class, extra -D options…
  local name=$1 test=$2
  shift 2
  echo "== $name ($test $*)"
  local started=$SECONDS
  if JAVA_TOOL_OPTIONS="-Xmx$HEAP" bin/jdk ./mvnw -B -q -pl scoring-server -am -Dtest="$test" \
      -Dsurefire.failIfNoSpecifiedTests=false "$@" test > "$LOGS/$name.log" 2>&1; then
    echo "   passed in $((SECONDS - started)) s"
  else
    echo "   FAILED in $((SECONDS - started)) s: $LOGS/$name.log"
    failed+=("$name")
  fi
}

run kill-nine RepeatedKillNineTest -Dcraftmark.chaos.kills="$KILLS"
run finalize-kill KillNineDuringFinalizeTest -Dcraftmark.chaos.finalizeKills="$FINALIZE_KILLS"
run database-outage DatabaseOutageThroughAProxyTest -Dcraftmark.chaos.outageCycles="$OUTAGE_CYCLES"
run database-restart DatabaseStopAndRestartTest -Dcraftmark.chaos.restartCycles="$RESTART_CYCLES"
run network-faults NetworkFaultsBetweenJudgesAndServerTest -Dcraftmark.chaos.networkFaults="$NETWORK_FAULTS" \
    -Dcraftmark.chaos.networkMinutes="$NETWORK_MINUTES"
run overload FloodOfRequestsTest -Dcraftmark.chaos.overloadMinutes="$OVERLOAD_MINUTES"
run live-flood FloodOfLiveScreensTest -Dcraftmark.chaos.liveScreenAttempts="$LIVE_FLOOD_ATTEMPTS" \
    -Dcraftmark.chaos.liveScreenCap="$LIVE_SCREEN_CAP"
run fuzz HostileInputProperties

figure() { # log, key: the value of key=… on the log's [chaos] line
  grep -h '^\[chaos\]' "$LOGS/$1.log" 2>/dev/null | tr ' ' '\n' | sed -n "s/^$2=//p" | tail -1
}
# A figure is printed only once its test's assertions passed: a missing one means unknown, not 0.
sum() { local t=0 v; for v in "$@"; do [ -n "$v" ] || { echo "unknown (a test failed)"; return; }; t=$((t + v)); done; echo $t; }

echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, logs in $LOGS)"
echo "crashes survived (kill -9):   $(figure kill-nine crashes) (marks $(figure kill-nine marks))"
echo "kill -9 mid-finalize:         $(figure finalize-kill kills) (committed first, tried again: $(figure finalize-kill committedFirst); certificates $(figure finalize-kill certificates); half-issued $(figure finalize-kill half_issued))"
echo "database outages survived:    $(figure database-outage outages) (marks $(figure database-outage marks), UNAVAILABLE answers $(figure database-outage unavailable))"
echo "database restarts survived:   $(figure database-restart restarts) (marks $(figure database-restart marks), UNAVAILABLE answers $(figure database-restart unavailable))"
echo "network faults injected:      $(figure network-faults faults) (delays $(figure network-faults delays), drops $(figure network-faults drops), resets $(figure network-faults resets), half-open $(figure network-faults halfOpen); marks $(figure network-faults marks))"
echo "overload:                     $(figure overload requests) requests in $(figure overload minutes) min, $(figure overload refused503) refused 503"
echo "peak heap:                    $(figure overload peakHeapMiB) MiB in use, $(figure overload peakHeapAfterGcMiB) MiB after GC (max $(figure overload maxHeapMiB) MiB)"
echo "live screen flood:            $(figure live-flood attempts) upgrades against a cap of $(figure live-flood cap): $(figure live-flood opened) opened, $(figure live-flood refused503) refused 503, peak $(figure live-flood peakOpen) open, $(figure live-flood peakHeapAfterGcMiB) MiB heap after GC"
echo "hostile requests fuzzed:      $(grep -ho 'hostile requests and frames sent: [0-9]*' "$LOGS/fuzz.log" 2>/dev/null | tail -1 | sed 's/.*: //')"
echo "marks lost:                   $(sum "$(figure kill-nine lost)" "$(figure database-outage lost)" "$(figure database-restart lost)" "$(figure network-faults lost)")"
echo "duplicates:                   $(sum "$(figure kill-nine duplicates)" "$(figure database-outage duplicates)" "$(figure database-restart duplicates)" "$(figure network-faults duplicates)")"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all soak variants passed"
