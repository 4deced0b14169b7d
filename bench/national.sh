#!/usr/bin/env bash
# Load benchmark over the synthetic national program (issue 14): 100 hospitals, 2,000 departments,
# 250,000 physicians, 1,000,000 referrals, 2,000,000 interactions
# (src/test/resources/reporting/national-program.sql). Not part of ./mvnw verify.
#
#   bash bench/national.sh                 # fresh database, load, start the jar, measure
#   BENCH_REUSE=1 bash bench/national.sh   # the database is already loaded: start and measure
#
# What it does:
#   1. installs wrk with apt when it is missing (as .ci/run installs Chromium; needs root);
#   2. drops and creates the database (default peersupport_national on 127.0.0.1:5432, user
#      postgres), lets the packaged jar migrate it (Flyway), then loads the national program with
#      psql; with BENCH_REUSE=1 it checks that the program is there and skips this step;
#   3. adds three accounts with a known password (an administrator, the coordinator of the first
#      hospital, a supporter given the ~10 open cases of their department);
#   4. builds the jar if target/peer-support-*.jar is missing; starts it once as it is, for its
#      startup time; extracts it and makes a class data sharing archive with one training start
#      (as Spring Boot recommends for production); starts the extracted app with the archive,
#      -Xmx512m and without demo data, waits for /readyz (the startup time: the median of three
#      starts), and waits for the reporting refresh to have run once, so /reports has figures;
#   5. for each page: a 15 s warm-up, then wrk -t2 -c32 -d20s --latency; checks that the page
#      answered 200 before and after and that the server counted no non-2xx answer meanwhile
#      (a redirect to /login is a 302, which wrk does not count as an error); then all of this
#      once more (BENCH_ROUNDS, below);
#   6. prints req/s, p50, p99 and the ratio to /login of the last round, and the first round's
#      req/s and ratio, the startup time and the java process's resident memory, and stops the app.
#
# Environment (all optional):
#   BENCH_DATABASE_URL   jdbc:postgresql://host:port/db (default from PGHOST, PGPORT and BENCH_DB)
#   PGHOST PGPORT PGUSER PGPASSWORD   the server (default 127.0.0.1, 5432, postgres, none)
#   BENCH_DB             database name (default peersupport_national); it is dropped and recreated
#   BENCH_REUSE=1        use the database as it is (it must hold the national program)
#   BENCH_PORT           the app's port (default 18080)
#   BENCH_WARMUP, BENCH_DURATION   wrk durations (default 15s and 20s)
#   BENCH_ROUNDS         how many times every page is measured, one page after the other (default 2);
#                        the table gives the last round, and the first round's req/s beside it. On
#                        2 cores one 15 s warm-up leaves the JIT compiling through the measurement of
#                        the pages measured early; a server that has run for a few minutes is warm.
#   BENCH_JAVA_OPTS      more JVM options for the measured start only, e.g. a flight recording:
#                        -Xshare:off -XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile
#                        (Java 17 crashes with a flight recording and the class data archive)
#   BENCH_PAGES          only these pages, space-separated names (login triage cases home reports
#                        supporters roster case); /login is always measured, for the ratio
#
# The periodic jobs that would start in the middle of a measurement are moved out of the way: the
# reporting refresh runs once before measuring (then every 12 h, not every 10 min), and the
# quarter-hourly overdue-referral notices are off. Sign-in pauses, session clean-up and the rest
# run as in production. Logs and results go to target/national-bench/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-peersupport_national}
if [[ -n "${BENCH_DATABASE_URL:-}" ]]; then
  if [[ "$BENCH_DATABASE_URL" =~ ^jdbc:postgresql://([^/:]+)(:([0-9]+))?/([^?]+) ]]; then
    PGHOST=${BASH_REMATCH[1]}; PGPORT=${BASH_REMATCH[3]:-5432}; BENCH_DB=${BASH_REMATCH[4]}
  else
    echo "BENCH_DATABASE_URL must look like jdbc:postgresql://host:port/database" >&2; exit 2
  fi
fi
DB_URL=${BENCH_DATABASE_URL:-jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB}
PORT=${BENCH_PORT:-18080}
BASE=http://127.0.0.1:$PORT
WARMUP=${BENCH_WARMUP:-15s}
DURATION=${BENCH_DURATION:-20s}
PAGES=${BENCH_PAGES:-login triage cases home reports supporters roster case}
ROUNDS=${BENCH_ROUNDS:-2}
OUT=$ROOT/target/national-bench
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
RESULT=$OUT/result-$STAMP.txt

# The three accounts, all with this password. The hash is {bcrypt} (Spring's BCrypt, cost 10),
# made with PostgreSQL's pgcrypto: select crypt('bench-national-2026', gen_salt('bf', 10)).
PASSWORD=bench-national-2026
PASSWORD_HASH='{bcrypt}$2a$10$FYAR49AI7ciLuwWnChU6D.Y98.LraxI9yAo37tl.O6MYb61or0V0m'
ADMIN_EMAIL=bench.admin@national.example.org
COORDINATOR_EMAIL=bench.coordinator@national.example.org
SUPPORTER_EMAIL=bench.supporter@national.example.org
FIRST_HOSPITAL=10000001
# The administrator's and the coordinator's authenticator app key: their sign-in has a second step.
AUTHENTICATOR_KEY=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
psql_db() { psql -X -v ON_ERROR_STOP=1 -q -d "$BENCH_DB" "$@"; }

# --- tools -------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
for tool in psql createdb dropdb curl java python3; do
  command -v "$tool" >/dev/null || fail "$tool is needed"
done
pg_isready -q || fail "no PostgreSQL answers on $PGHOST:$PGPORT"

shopt -s nullglob
jars=("$ROOT"/target/peer-support-*.jar)
# A jar older than the sources would measure yesterday's app (and miss today's migrations).
if (( ${#jars[@]} > 0 )) && [[ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "${jars[0]}" -print -quit)" ]]; then
  log "the jar is older than the sources"
  jars=()
fi
if (( ${#jars[@]} == 0 )); then
  log "building the jar (./mvnw -B -ntp -DskipTests package)"
  ./mvnw -B -ntp -DskipTests package >"$OUT/build-$STAMP.log" 2>&1 || fail "build failed, see $OUT/build-$STAMP.log"
  jars=("$ROOT"/target/peer-support-*.jar)
fi
shopt -u nullglob
JAR=${jars[0]}
# How the app is started: the packaged jar as it is, until the class data archive exists (below).
LAUNCH=(-jar "$JAR")

# --- the app -----------------------------------------------------------------------------------
APP_PID=
APP_LOG=
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT
trap 'exit 130' INT TERM

# Starts the jar; $1 names the log, $2 the first reporting refresh's delay. Sets STARTUP_SECONDS.
start_app() {
  APP_LOG=$OUT/app-$STAMP-$1.log
  curl -s -o /dev/null "$BASE/readyz" && fail "something already answers on port $PORT"
  local started=$(date +%s%N) extra=()
  [[ "$1" == bench && -n "${BENCH_JAVA_OPTS:-}" ]] && read -r -a extra <<<"$BENCH_JAVA_OPTS"
  DATABASE_URL=$DB_URL DATABASE_USERNAME=$PGUSER DATABASE_PASSWORD=${PGPASSWORD:-} PORT=$PORT \
    java -Xmx512m "${extra[@]}" "${LAUNCH[@]}" \
      --peersupport.demo-data=false \
      --peersupport.reporting.refresh-delay="$2" \
      --peersupport.reporting.refresh-interval=PT12H \
      --peersupport.jobs.overdue-referrals=- \
      >"$APP_LOG" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    kill -0 "$APP_PID" 2>/dev/null || fail "the app stopped; see $APP_LOG"
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")" == 200 ]]; then
      STARTUP_SECONDS=$(awk -v ns=$(( $(date +%s%N) - started )) 'BEGIN { printf "%.1f", ns / 1e9 }')
      return 0
    fi
    sleep 0.2
  done
  fail "the app was not ready after 120 s; see $APP_LOG"
}

# --- the database ------------------------------------------------------------------------------
national_loaded() {
  [[ "$(psql_db -Atc "select count(*) from hospital where id = $FIRST_HOSPITAL" 2>/dev/null)" == 1 ]]
}

if [[ "${BENCH_REUSE:-0}" == 1 ]]; then
  national_loaded || fail "BENCH_REUSE=1, but $BENCH_DB on $PGHOST:$PGPORT holds no national program"
  log "reusing $BENCH_DB on $PGHOST:$PGPORT"
  LOAD_NOTE="reused"
else
  log "creating $BENCH_DB on $PGHOST:$PGPORT (dropped first if there)"
  dropdb --if-exists "$BENCH_DB"
  createdb "$BENCH_DB"
  log "migrating: starting the jar once"
  start_app migrate PT12H
  log "migrated; the app was ready in ${STARTUP_SECONDS} s"
  stop_app
  log "loading the national program (a few minutes)"
  load_started=$(date +%s)
  psql_db -f "$ROOT/src/test/resources/reporting/national-program.sql" >/dev/null
  # As autovacuum would, in time: without it the first reads set hint bits and index-only scans
  # visit the heap, and the pages measured first pay for it.
  psql_db -c "vacuum (analyze)" >/dev/null
  LOAD_SECONDS=$(( $(date +%s) - load_started ))
  log "loaded in ${LOAD_SECONDS} s"
  LOAD_NOTE="loaded in ${LOAD_SECONDS} s"
fi

# national-program.sql predates V29, which freezes a closed campaign's suppression thresholds with
# it: its 600 closed campaigns have none, so the reporting refresh cannot summarize them (an ERROR
# a campaign) and /reports shows no survey figures. Give them the program's, as V29 did.
psql_db -c "update survey_campaign c set min_group_size = ps.survey_min_group_size,
  min_free_text_size = ps.survey_min_free_text_size from program_settings ps
  where c.state = 'CLOSED' and c.min_group_size is null" >/dev/null

# The accounts, and the supporter's cases: the first active supporter of the first hospital gets
# every open case of their department (about ten). Idempotent, so a reused database gets them too.
# No app runs now: sessions left by an earlier run (its /login measurements leave tens of thousands
# of anonymous ones, kept 30 minutes) go, so every run starts from the same table.
psql_db <<SQL
delete from spring_session;
delete from account where email in ('$ADMIN_EMAIL', '$COORDINATOR_EMAIL', '$SUPPORTER_EMAIL');
create temporary table bench_supporter as
select s.id, s.physician_id, sd.department_id
from supporter s join supporter_department sd on sd.supporter_id = s.id
where s.hospital_id = $FIRST_HOSPITAL and s.status = 'ACTIVE' and s.certified_on is not null
order by s.id limit 1;
update referral r set supporter_id = b.id
from bench_supporter b
where r.department_id = b.department_id and r.status <> 'CLOSED' and r.supporter_id <> b.id;
with a as (
  insert into account (email, display_name, password_hash)
  values ('$ADMIN_EMAIL', 'Benchmark administrator', '$PASSWORD_HASH') returning id
) insert into account_role (account_id, role) select id, 'ADMIN' from a;
with a as (
  insert into account (email, display_name, password_hash)
  values ('$COORDINATOR_EMAIL', 'Benchmark coordinator', '$PASSWORD_HASH') returning id
), r as (insert into account_role (account_id, role) select id, 'COORDINATOR' from a)
insert into account_hospital_scope (account_id, hospital_id) select id, $FIRST_HOSPITAL from a;
with a as (
  insert into account (email, display_name, password_hash, physician_id)
  select '$SUPPORTER_EMAIL', 'Benchmark supporter', '$PASSWORD_HASH', physician_id from bench_supporter
  returning id
) insert into account_role (account_id, role)
  select id, role from a, (values ('SUPPORTER'), ('PHYSICIAN')) as v (role);
SQL
OPEN_CASES=$(psql_db -Atc "select count(*) from referral r join supporter s on s.id = r.supporter_id
  join account a on a.physician_id = s.physician_id
  where a.email = '$SUPPORTER_EMAIL' and r.status <> 'CLOSED'")
CASE_ID=$(psql_db -Atc "select id from referral where hospital_id = $FIRST_HOSPITAL and status <> 'CLOSED'
  order by created_at desc limit 1")
[[ -n "$CASE_ID" ]] || fail "no open case in hospital $FIRST_HOSPITAL"
# Summaries there, and every closed campaign summarized: no need to wait for a refresh.
REFRESHED=$(psql_db -Atc "select refreshed_at is not null and not exists (select 1 from survey_campaign c
  where c.state = 'CLOSED' and not exists (select 1 from report_survey_campaign s where s.campaign_id = c.id))
  from report_refresh")

# --- the class data archive --------------------------------------------------------------------
# As Spring Boot recommends for production: the jar extracted (no nested-jar class loading) and a
# class data sharing archive made by one training start that stops once the context is ready
# (-Dspring.context.exit=onRefresh). It needs the database, as every start does. Most of a start's
# CPU is loading, verifying and compiling classes; the archive keeps the loaded classes.
APP_DIR=$OUT/app
rm -rf "$APP_DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null || fail "could not extract $JAR"
APP_JAR=$APP_DIR/$(basename "$JAR")
log "starting the packaged jar once, as it is, for its startup time"
start_app plain PT12H
PLAIN_STARTUP_SECONDS=$STARTUP_SECONDS
PLAIN_STARTED=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$APP_LOG" | head -1)
stop_app
log "ready in ${PLAIN_STARTUP_SECONDS} s; training the class data archive"
DATABASE_URL=$DB_URL DATABASE_USERNAME=$PGUSER DATABASE_PASSWORD=${PGPASSWORD:-} PORT=$PORT \
  java -Xmx512m -XX:ArchiveClassesAtExit="$APP_DIR/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
    --peersupport.demo-data=false --peersupport.scheduling.enabled=false >"$OUT/app-$STAMP-cds.log" 2>&1 \
  || fail "the training start failed; see $OUT/app-$STAMP-cds.log"
[[ -s "$APP_DIR/app.jsa" ]] || fail "no class data archive after the training start; see $OUT/app-$STAMP-cds.log"
LAUNCH=(-XX:SharedArchiveFile="$APP_DIR/app.jsa" -jar "$APP_JAR")
# One start varies by a second or two on a shared 2-core machine: two more starts, stopped at once,
# and the median of the three is the startup time.
STARTS=()
for n in 1 2; do
  start_app "start$n" PT12H
  STARTS+=("$STARTUP_SECONDS")
  stop_app
done

# --- start and sign in -------------------------------------------------------------------------
# The first refresh of the summaries takes a minute or two on this program; it runs before the
# measurements (at once on a new database, or not at all when a reused one has summaries).
if [[ "$REFRESHED" == t ]]; then refresh_delay=PT12H; else refresh_delay=PT1S; fi
log "starting $(basename "$JAR") with -Xmx512m on port $PORT"
start_app bench "$refresh_delay"
STARTS+=("$STARTUP_SECONDS")
MEDIAN_STARTUP=$(printf '%s\n' "${STARTS[@]}" | sort -n | sed -n 2p)
log "ready in ${STARTUP_SECONDS} s ($(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$APP_LOG" | head -1)); starts: ${STARTS[*]} s"
if [[ "$refresh_delay" == PT1S ]]; then
  log "waiting for the first reporting refresh"
  for _ in $(seq 1 1800); do
    grep -q 'Reporting summaries refreshed' "$APP_LOG" && break
    kill -0 "$APP_PID" 2>/dev/null || fail "the app stopped; see $APP_LOG"
    sleep 1
  done
  grep -q 'Reporting summaries refreshed' "$APP_LOG" || fail "no reporting refresh after 30 minutes"
  log "$(grep -o 'Reporting summaries refreshed.*' "$APP_LOG" | head -1)"
fi

# The staff accounts' second factor, set afresh on every run (a reused database too): the key, and
# no code taken yet.
psql_db -c "update account set totp_secret = '$AUTHENTICATOR_KEY', totp_last_step = null
  where email in ('$ADMIN_EMAIL', '$COORDINATOR_EMAIL')"

# The authenticator app's code of now (RFC 6238: HMAC-SHA1, 30 s, 6 digits).
totp_code() {
  python3 - "$AUTHENTICATOR_KEY" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7fffffff) % 1000000))
PY
}

# Signs in, with the second step where there is one; prints the SESSION cookie's value.
sign_in() {
  local jar csrf status
  jar=$(mktemp)
  csrf=$(curl -sS -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  [[ -n "$csrf" ]] || fail "no CSRF token on /login"
  status=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login")
  if [[ "$status" == *"/login/second-factor" ]]; then
    csrf=$(curl -sS -c "$jar" -b "$jar" "$BASE/login/second-factor" \
      | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    status=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
      --data-urlencode "code=$(totp_code)" --data-urlencode "_csrf=$csrf" "$BASE/login/second-factor")
  fi
  [[ "$status" == 302* && "$status" != *login* ]] || fail "signing in as $1 answered: $status"
  awk '$6 == "SESSION" { print $7 }' "$jar" | tail -1
  rm -f "$jar"
}
ADMIN=$(sign_in "$ADMIN_EMAIL")
COORDINATOR=$(sign_in "$COORDINATOR_EMAIL")
SUPPORTER=$(sign_in "$SUPPORTER_EMAIL")
[[ -n "$ADMIN" && -n "$COORDINATOR" && -n "$SUPPORTER" ]] || fail "no SESSION cookie after signing in"

status_of() { curl -sS -o /dev/null -w '%{http_code}' ${2:+-H "Cookie: SESSION=$2"} "$BASE$1"; }

# Non-2xx answers the server counted (all pages), from the administrator's Prometheus endpoint.
server_non_2xx() {
  curl -sS -H "Cookie: SESSION=$ADMIN" "$BASE/actuator/prometheus" \
    | awk '/^http_server_requests_seconds_count/ && !/status="2/ { n += $NF } END { printf "%d\n", n }'
}
[[ "$(status_of /actuator/prometheus "$ADMIN")" == 200 ]] || fail "/actuator/prometheus does not answer the administrator"

# --- measure -----------------------------------------------------------------------------------
to_ms() { # wrk's 9.12ms, 1.50s, 850.00us, 1.02m
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.1f", n }'
}

# CPU jiffies: the machine's busy and total (all cores), and the app's; printed as "busy% (app%)"
# of the whole machine over a measurement. Busy minus the app is wrk, PostgreSQL and anything else.
cpu_sample() {
  local app
  app=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
  awk -v app="$app" '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i;
    print total - $5 - $6, total, app; exit }' /proc/stat
}
cpu_share() {
  awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); t = y[2] - x[2];
    printf "%.0f%% (%.0f%%)", 100 * (y[1] - x[1]) / t, 100 * (y[3] - x[3]) / t }'
}

declare -A RPS P50 P99 CPU FIRST_RPS
ORDER=()
ROUND=1
measure() { # name path who-cookie label
  local name=$1 path=$2 cookie=$3 label=$4 before after raw non2xx timeouts errors_before errors_after
  before=$(status_of "$path" "$cookie")
  [[ "$before" == 200 ]] || fail "$label ($path) answers $before before measuring (302 = the cookie was not taken)"
  log "$label: warm-up $WARMUP"
  wrk -t2 -c32 -d"$WARMUP" --timeout 10s ${cookie:+-H "Cookie: SESSION=$cookie"} "$BASE$path" >/dev/null
  errors_before=$(server_non_2xx)
  log "$label: measuring $DURATION"
  cpu_before=$(cpu_sample)
  raw=$(wrk -t2 -c32 -d"$DURATION" --timeout 10s --latency ${cookie:+-H "Cookie: SESSION=$cookie"} "$BASE$path")
  errors_after=$(server_non_2xx)
  printf '== %s %s\n%s\n' "$label" "$path" "$raw" >>"$OUT/wrk-$STAMP.txt"
  CPU[$name]=$(cpu_share "$cpu_before" "$(cpu_sample)")
  after=$(status_of "$path" "$cookie")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$raw")
  timeouts=$(awk '/Socket errors:/ { print $NF }' <<<"$raw")
  [[ "$after" == 200 ]] || fail "$label ($path) answers $after after measuring"
  [[ -z "$non2xx" ]] || fail "$label: wrk saw $non2xx non-2xx/3xx answers (see $OUT/wrk-$STAMP.txt)"
  (( errors_after - errors_before == 0 )) \
    || fail "$label: the server answered $(( errors_after - errors_before )) requests with a non-2xx status"
  [[ -z "$timeouts" || "$timeouts" == 0 ]] || log "$label: $timeouts requests took over 10 s (wrk timeouts)"
  RPS[$name]=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$raw")
  P50[$name]=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$raw")")
  P99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$raw")")
  if (( ROUND == 1 )); then
    FIRST_RPS[$name]=${RPS[$name]}
    ORDER+=("$name|$label")
  fi
}

wants() { [[ " $PAGES " == *" $1 "* ]]; }
for ROUND in $(seq 1 "$ROUNDS"); do
  (( ROUNDS == 1 )) || log "round $ROUND of $ROUNDS"
  measure login /login "" "/login (anonymous)"
  wants triage && measure triage /triage "$COORDINATOR" "/triage (coordinator, 1 hospital)"
  wants cases && measure cases /cases "$SUPPORTER" "/cases (supporter, $OPEN_CASES open cases)"
  wants home && measure home / "$ADMIN" "/ (administrator)"
  wants reports && measure reports /reports "$ADMIN" "/reports (administrator)"
  wants supporters && measure supporters /supporters "$COORDINATOR" "/supporters (coordinator)"
  wants roster && measure roster /roster "$COORDINATOR" "/roster (coordinator)"
  wants case && measure case "/triage/$CASE_ID" "$COORDINATOR" "/triage/{id} (coordinator, a case)"
done

RSS_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")
HWM_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$APP_PID/status")
LOG_ERRORS=$(grep -c ' ERROR ' "$APP_LOG" || true)
LOG_WARNS=$(grep -c ' WARN ' "$APP_LOG" || true)

{
  echo "National program load benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "wrk -t2 -c32 -d$DURATION --latency after a $WARMUP warm-up; java -Xmx512m; database $BENCH_DB ($LOAD_NOTE)"
  (( ROUNDS == 1 )) || echo "round $ROUNDS of $ROUNDS: every page had been measured $(( ROUNDS - 1 )) time(s) before (the JIT warm)"
  echo
  printf '| %-40s | %8s | %9s | %9s | %9s | %15s | %17s |\n' page 'req/s' p50 p99 'vs /login' 'CPU busy (app)' 'round 1: req/s, vs'
  printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" ---------- ----------- ----------- ----------- ----------------- -------------------
  for entry in "${ORDER[@]}"; do
    name=${entry%%|*}; label=${entry#*|}
    ratio=$(awk -v a="${RPS[$name]}" -v b="${RPS[login]}" 'BEGIN { printf "%.3f", a / b }')
    first=$(awk -v a="${FIRST_RPS[$name]}" -v b="${FIRST_RPS[login]}" 'BEGIN { printf "%6.1f, %.3f", a, a / b }')
    printf '| %-40s | %8.1f | %6.0f ms | %6.0f ms | %9s | %15s | %17s |\n' "$label" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" \
      "$ratio" "${CPU[$name]}" "$first"
  done
  echo
  echo "CPU busy (app): share of the machine's $(nproc) cores busy during the measurement, and the app's share"
  echo "(the rest is wrk, PostgreSQL and anything else running)"
  echo "startup (launch to /readyz): ${MEDIAN_STARTUP} s extracted with the class data archive, the median of three starts (${STARTS[*]} s); ${PLAIN_STARTUP_SECONDS} s from the packaged jar as it is ($PLAIN_STARTED)"
  echo "java resident memory at the end: VmRSS $(( RSS_KB / 1024 )) MB (peak VmHWM $(( HWM_KB / 1024 )) MB)"
  echo "app log: $LOG_ERRORS ERROR and $LOG_WARNS WARN lines ($APP_LOG)"
} | tee "$RESULT"
if (( LOG_ERRORS > 0 )); then
  echo "first ERROR lines:"; awk '/ ERROR / && n++ < 5 { print substr($0, 1, 300) }' "$APP_LOG"
fi
log "results in $RESULT, wrk output in $OUT/wrk-$STAMP.txt"
