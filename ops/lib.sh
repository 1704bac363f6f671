# shellcheck shell=bash
# Functions of the `hub` launcher: fetching the service distributions, preparing the machine's
# PostgreSQL and MariaDB for CDC, and running a real Elasticsearch node and Kafka broker as
# supervised child processes. Sourced by ./hub (which sets `set -euo pipefail`).
#
# Ownership rule: we only ever signal a process whose pid is in one of OUR pid files (or that
# holds one of OUR ports) AND whose /proc/<pid>/cmdline contains one of OUR state paths.

HUB_ROOT=${HUB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)}
HUB_ES_VERSION=8.19.21
HUB_KAFKA_VERSION=3.9.1
HUB_DIST=$HUB_ROOT/.hub/dist
HUB_ES_DIST=$HUB_DIST/elasticsearch-$HUB_ES_VERSION
HUB_KAFKA_LIBS=$HUB_DIST/kafka-$HUB_KAFKA_VERSION/libs
HUB_SYS_DIR=/var/lib/jzz-hub          # root only: ES install copy + node state, owned by hub-es
HUB_ES_USER=hub-es

hub_log()  { printf 'hub: %s\n' "$*" >&2; }
# exits (the caller's EXIT trap stops what was started); never rely on a return status here
hub_die()  { printf 'hub: ERROR: %s\n' "$*" >&2; exit 1; }
hub_is_root() { [ "$(id -u)" = 0 ]; }
hub_abspath() { mkdir -p "$1" && (cd "$1" && pwd -P); }
hub_now() { date +%s.%N; }
hub_elapsed() { awk -v a="$1" -v b="$(hub_now)" 'BEGIN{printf "%.1f", b-a}'; }

# The JDK used for Elasticsearch: $ES_JAVA_HOME if set, else the home of the default `java`.
hub_java_home() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then printf '%s\n' "$ES_JAVA_HOME"; return; fi
  local j; j=$(readlink -f "$(command -v java)") || hub_die "no java on PATH (need JDK 17+)"
  dirname "$(dirname "$j")"
}

# ------------------------------------------------------------------------------ provisioning
hub_provision() {
  local ok=1
  [ -x "$HUB_ES_DIST/bin/elasticsearch" ] || ok=0
  [ -f "$HUB_KAFKA_LIBS/kafka_2.13-$HUB_KAFKA_VERSION.jar" ] || ok=0
  compgen -G "$HUB_KAFKA_LIBS/slf4j-reload4j-*.jar" >/dev/null || ok=0
  [ $ok = 1 ] && return 0
  [ -x "$HUB_ES_DIST/bin/elasticsearch" ] ||
    hub_log "fetching Elasticsearch $HUB_ES_VERSION from Maven Central (once, ~110 MB)…"
  [ -f "$HUB_KAFKA_LIBS/kafka_2.13-$HUB_KAFKA_VERSION.jar" ] ||
    hub_log "fetching Kafka $HUB_KAFKA_VERSION broker jars from Maven Central (once, ~30 MB)…"
  command -v mvn >/dev/null || hub_die "Apache Maven (mvn) is needed to fetch the services"
  # clean: a half-finished earlier unpack leaves markers that would make the plugin skip it
  mvn -B -q -f "$HUB_ROOT/ops/services/pom.xml" clean package ||
    hub_die "could not fetch the service distributions (mvn -f ops/services/pom.xml package failed)"
  [ -x "$HUB_ES_DIST/bin/elasticsearch" ] && [ -f "$HUB_KAFKA_LIBS/kafka_2.13-$HUB_KAFKA_VERSION.jar" ] ||
    hub_die "service distributions still missing under $HUB_DIST after the download"
  hub_log "services fetched into $HUB_DIST"
}

# ------------------------------------------------------------------------------ databases
HUB_PG_VERSION=${HUB_PG_VERSION:-15}
HUB_MARIADB_CNF=/etc/mysql/mariadb.conf.d/60-jzz-hub-cdc.cnf
HUB_MY_CNF=/etc/mysql/my.cnf

_hub_pg_sql() {  # runs SQL as the postgres superuser; prints unaligned tuples
  if hub_is_root && id postgres >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- psql -XAtq -c "$1")
  else
    psql -h 127.0.0.1 -U postgres -w -XAtq -c "$1"
  fi
}
_hub_pg_cluster() { ls /etc/postgresql/ 2>/dev/null | sort -V | tail -1; }
_hub_pg_online() { pg_lsclusters -h 2>/dev/null | awk '$2=="main"{print $4}' | grep -q online; }
_hub_my() { mariadb --default-character-set=utf8mb4 -h 127.0.0.1 -P 3306 -uroot -NB "$@"; }
_hub_my_alive() {
  mariadb-admin -h 127.0.0.1 -P 3306 -uroot ping >/dev/null 2>&1 ||
    { hub_is_root && mariadb-admin --protocol=socket ping >/dev/null 2>&1; }
}
_hub_my_sql() {
  if _hub_my -e "select 1" >/dev/null 2>&1; then _hub_my -e "$1"
  else mariadb --default-character-set=utf8mb4 --protocol=socket -uroot -NB -e "$1"; fi
}
_hub_user_help() {
  hub_log "PostgreSQL and MariaDB must be prepared for CDC once by an administrator. Run as root:"
  hub_log "    sudo ./hub databases        (or: sudo bash -c 'source ops/lib.sh; hub_databases')"
  hub_log "or make these settings yourself:"
  hub_log "  PostgreSQL: ALTER SYSTEM SET wal_level=logical; ALTER SYSTEM SET max_replication_slots=20;"
  hub_log "              ALTER SYSTEM SET max_wal_senders=20;  then restart the server, and put"
  hub_log "              'host replication all 127.0.0.1/32 trust' at the top of pg_hba.conf (reload)"
  hub_log "  MariaDB:    [mariadbd] log_bin=mariadb-bin, binlog_format=ROW, binlog_row_image=FULL,"
  hub_log "              server_id=1 in $HUB_MARIADB_CNF, then restart mariadbd"
}

hub_databases() {
  export DEBIAN_FRONTEND=noninteractive
  local root=0; hub_is_root && root=1
  # ---- packages
  local need=()
  command -v pg_ctlcluster >/dev/null && [ -n "$(_hub_pg_cluster)" ] || need+=(postgresql)
  [ -x /usr/sbin/mariadbd ] || need+=(mariadb-server)
  if [ ${#need[@]} -gt 0 ]; then
    if [ $root = 1 ]; then
      hub_log "installing ${need[*]} from Debian packages…"
      apt-get update -q >/dev/null && apt-get install -y -q "${need[@]}" >/dev/null ||
        hub_die "apt-get install ${need[*]} failed"
    else
      hub_log "missing: ${need[*]}. Install them as root: sudo apt-get install -y ${need[*]}"
      _hub_user_help; return 1
    fi
  fi

  # ---- PostgreSQL
  local pgv; pgv=$(_hub_pg_cluster)
  if ! _hub_pg_online; then
    [ $root = 1 ] || { hub_die "PostgreSQL is not running: sudo pg_ctlcluster --skip-systemctl-redirect $pgv main start"; return 1; }
    hub_log "starting PostgreSQL $pgv…"
    pg_ctlcluster --skip-systemctl-redirect "$pgv" main start
  fi
  local pg_restart=0 pg_reload=0 v
  v=$(_hub_pg_sql 'show wal_level')
  if [ "$v" != logical ]; then
    [ $root = 1 ] || { hub_log "PostgreSQL wal_level is '$v', CDC needs 'logical'"; _hub_user_help; return 1; }
    _hub_pg_sql "ALTER SYSTEM SET wal_level = 'logical'" >/dev/null; pg_restart=1
  fi
  for setting in max_replication_slots max_wal_senders; do
    v=$(_hub_pg_sql "show $setting")
    if [ "$v" -lt 20 ]; then
      [ $root = 1 ] || { hub_log "PostgreSQL $setting is $v, needs >= 20"; _hub_user_help; return 1; }
      _hub_pg_sql "ALTER SYSTEM SET $setting = 20" >/dev/null; pg_restart=1
    fi
  done
  local hba; hba=$(_hub_pg_sql 'show hba_file')
  local -a add=()
  if [ -r "$hba" ]; then
    grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba" ||
      add+=('host    replication     all             127.0.0.1/32            trust')
  else  # not readable by this user: check that a replication connection over 127.0.0.1 works
    psql -w "host=127.0.0.1 user=postgres dbname=postgres replication=database" -XAtqc 'IDENTIFY_SYSTEM' >/dev/null 2>&1 ||
      add+=('host    replication     all             127.0.0.1/32            trust')
  fi
  # a fresh Debian cluster asks for passwords over TCP; the machines of this project trust 127.0.0.1
  psql -h 127.0.0.1 -U postgres -w -XAtqc 'select 1' >/dev/null 2>&1 ||
    add+=('host    all             postgres        127.0.0.1/32            trust')
  if [ ${#add[@]} -gt 0 ]; then
    [ $root = 1 ] || { hub_log "pg_hba.conf lacks: ${add[*]}"; _hub_user_help; return 1; }
    local tmp; tmp=$(mktemp)
    # pg_hba.conf is first-match: our lines go before every rule
    { echo "# jzz-hub: added by ops/lib.sh hub_databases (CDC over 127.0.0.1)"
      printf '%s\n' "${add[@]}"; cat "$hba"; } >"$tmp"
    cat "$tmp" >"$hba"; rm -f "$tmp"; pg_reload=1
    hub_log "PostgreSQL: added to $hba: ${add[*]}"
  fi
  if [ $pg_restart = 1 ]; then
    hub_log "PostgreSQL: restarting for wal_level=logical / replication slots…"
    pg_ctlcluster --skip-systemctl-redirect "$pgv" main restart
  elif [ $pg_reload = 1 ]; then
    pg_ctlcluster --skip-systemctl-redirect "$pgv" main reload
  fi

  # ---- MariaDB
  local my_changed=0
  if [ $root = 1 ]; then
    mkdir -p "$(dirname "$HUB_MARIADB_CNF")"
    local want; want=$(cat <<'EOF'
# jzz-hub: written by ops/lib.sh hub_databases. Binary log in ROW format for Debezium CDC.
[mariadbd]
server_id             = 1
log_bin               = mariadb-bin
log_bin_index         = mariadb-bin.index
binlog_format         = ROW
binlog_row_image      = FULL
expire_logs_days      = 7
character-set-server  = utf8mb4
collation-server      = utf8mb4_general_ci

# without this the CLI client talks utf8mb3 under a C.UTF-8 locale (4-byte CJK rejected)
[client]
default-character-set = utf8mb4
EOF
)
    if [ "$(cat "$HUB_MARIADB_CNF" 2>/dev/null)" != "$want" ]; then
      printf '%s\n' "$want" >"$HUB_MARIADB_CNF"; my_changed=1
      hub_log "MariaDB: wrote $HUB_MARIADB_CNF"
    fi
    # some machines ship a my.cnf that does not read mariadb.conf.d/ at all
    if ! grep -Eq '^[[:space:]]*!includedir[[:space:]]+/etc/mysql/mariadb\.conf\.d/?[[:space:]]*$' "$HUB_MY_CNF" 2>/dev/null; then
      printf '\n# jzz-hub: read the drop-in files (CDC settings)\n!includedir /etc/mysql/mariadb.conf.d/\n' >>"$HUB_MY_CNF"
      my_changed=1; hub_log "MariaDB: added '!includedir /etc/mysql/mariadb.conf.d/' to $HUB_MY_CNF"
    fi
  fi
  local live=""
  _hub_my_alive && live=$(_hub_my_sql 'select concat_ws(",",@@log_bin+0,@@binlog_format,@@binlog_row_image,@@server_id)' 2>/dev/null || true)
  if [ -n "$live" ] && [ "$live" != "1,ROW,FULL,1" ] && [ $my_changed = 0 ]; then
    [ $root = 1 ] || { hub_log "MariaDB binlog settings are '$live' (log_bin,format,row_image,server_id)"; _hub_user_help; return 1; }
    my_changed=1   # file right but the server never restarted with it
  fi
  if [ -n "$live" ] && [ $my_changed = 1 ]; then
    hub_log "MariaDB: restarting for the binary log settings…"
    local pids; pids=$(pgrep -x mariadbd || true)
    [ -n "$pids" ] && kill -TERM $pids
    local i; for i in $(seq 1 60); do pgrep -x mariadbd >/dev/null || break; sleep 0.5; done
    pgrep -x mariadbd >/dev/null && hub_die "mariadbd did not stop within 30 s"
  fi
  if ! _hub_my_alive; then
    [ $root = 1 ] || { hub_die "MariaDB is not running: sudo start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"; return 1; }
    [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    hub_log "starting MariaDB…"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    local i; for i in $(seq 1 120); do _hub_my_alive && break; sleep 0.5; done
    _hub_my_alive || { tail -n 40 /var/log/mysql/error.log >&2 2>/dev/null || true; hub_die "MariaDB did not start within 60 s"; }
  fi

  # ---- verify
  local pgw myv
  pgw=$(psql -h 127.0.0.1 -U postgres -w -XAtc 'show wal_level' 2>&1) || true
  [ "$pgw" = logical ] || hub_die "PostgreSQL check failed: wal_level over 127.0.0.1 is '$pgw'"
  myv=$(_hub_my -e 'select concat_ws(",",@@log_bin+0,@@binlog_format)' 2>&1) || true
  [ "$myv" = "1,ROW" ] || hub_die "MariaDB check failed: @@log_bin,@@binlog_format over 127.0.0.1 = '$myv'"
  hub_log "databases ready: PostgreSQL wal_level=logical, MariaDB log_bin=1 binlog_format=ROW"
}

# ------------------------------------------------------------------------------ process ownership
# Real directory holding the ES node (config/data/logs) for a state dir.
hub_es_node_dir() {
  local s; s=$(hub_abspath "$1")
  if hub_is_root; then
    printf '%s/nodes/%s\n' "$HUB_SYS_DIR" "$(printf '%s' "$s" | sha1sum | cut -c1-12)"
  else
    printf '%s/elasticsearch\n' "$s"
  fi
}
# Paths whose presence in a cmdline marks a process as ours.
_hub_own_paths() { hub_abspath "$1"; hub_es_node_dir "$1"; }
_hub_is_ours() {  # pid state_dir
  local pid=$1 cmd p
  [ -r "/proc/$pid/cmdline" ] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  while read -r p; do [[ "$cmd" == *"$p"* ]] && return 0; done < <(_hub_own_paths "$2")
  return 1
}
_hub_cmd_of() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | cut -c1-200; }
# Stop the given pids (ours, already checked) and their process groups: TERM, wait, KILL.
_hub_kill_wait() {  # timeout pid...
  local t=$1; shift; local pids=("$@") p alive i
  [ ${#pids[@]} -gt 0 ] || return 0
  for p in "${pids[@]}"; do
    # services run as group leaders (setsid): signal the whole group so the ES server JVM gets it
    if [ "$(ps -o pgid= -p "$p" 2>/dev/null | tr -d ' ')" = "$p" ]; then kill -TERM -- "-$p" 2>/dev/null || true
    else kill -TERM "$p" 2>/dev/null || true; fi
  done
  for ((i = 0; i < t * 4; i++)); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && return 0
    sleep 0.25
  done
  for p in "${pids[@]}"; do
    if kill -0 "$p" 2>/dev/null; then
      hub_log "pid $p did not stop within ${t}s: SIGKILL"
      kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null || true
    fi
  done
  sleep 0.3
}
# Stop what one pid file names (if ours). name = hub | kafka | elasticsearch
hub_stop_service() {  # state_dir name
  local s; s=$(hub_abspath "$1"); local name=$2 f pid pids=()
  for f in "$s/$name.pid" "$s/$name-server.pid"; do
    [ -f "$f" ] || continue
    pid=$(head -n1 "$f" | tr -dc 0-9)
    if [ -n "$pid" ] && _hub_is_ours "$pid" "$s"; then pids+=("$pid"); fi
  done
  if [ "$name" = elasticsearch ]; then   # the server JVM's own pid file (written by ES itself)
    f=$(hub_es_node_dir "$s")/server.pid
    if [ -f "$f" ]; then pid=$(head -n1 "$f" | tr -dc 0-9); [ -n "$pid" ] && _hub_is_ours "$pid" "$s" && pids+=("$pid"); fi
  fi
  if [ ${#pids[@]} -gt 0 ]; then
    mapfile -t pids < <(printf '%s\n' "${pids[@]}" | sort -un)
    hub_log "stopping $name (pid ${pids[*]})…"
    _hub_kill_wait 20 "${pids[@]}"
  fi
  rm -f "$s/$name.pid" "$s/$name-server.pid"
}
# Stop everything of ours in state_dir: the hub first, then Kafka, then Elasticsearch.
hub_stop_all() {  # state_dir
  [ -d "$1" ] || return 0
  hub_stop_service "$1" hub
  hub_stop_service "$1" kafka
  hub_stop_service "$1" elasticsearch
}
# Make sure a port is free: kill a listener of ours, fail naming a foreign one.
hub_port_free() {  # port state_dir option-hint
  local port=$1 s=$2 hint=${3:-} pids pid i
  for i in 1 2 3; do
    pids=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true)
    if [ -z "$pids" ]; then
      ss -Hltn "sport = :$port" 2>/dev/null | grep -q . || return 0
      hub_die "port $port is in use by a process this user cannot see${hint:+; choose another port with $hint}"; return 1
    fi
    for pid in $pids; do
      if _hub_is_ours "$pid" "$s"; then
        hub_log "port $port is held by a stale process of ours (pid $pid): stopping it"
        _hub_kill_wait 20 "$pid"
      else
        hub_die "port $port is in use by pid $pid ($(_hub_cmd_of "$pid"))${hint:+; choose another port with $hint}"
        return 1
      fi
    done
  done
}
_hub_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ------------------------------------------------------------------------------ Elasticsearch
# hub_es_start <state_dir> <http_port> <transport_port> <heap>: start and wait for yellow/green.
hub_es_start() { hub_es_launch "$@"; hub_es_wait "$1" "$2"; }

hub_es_launch() {
  local s http=$2 transport=$3 heap=$4
  s=$(hub_abspath "$1")
  [ -x "$HUB_ES_DIST/bin/elasticsearch" ] || hub_die "Elasticsearch is not fetched (run hub_provision)"
  local home=$HUB_ES_DIST node run_as=()
  node=$(hub_es_node_dir "$s")
  if hub_is_root; then
    id -u "$HUB_ES_USER" >/dev/null 2>&1 || {
      hub_log "creating system account $HUB_ES_USER (Elasticsearch refuses to run as root)"
      useradd -r -M -s /usr/sbin/nologin "$HUB_ES_USER"; }
    home=$HUB_SYS_DIR/dist/elasticsearch-$HUB_ES_VERSION
    if [ ! -f "$home/.jzz-hub-copied" ]; then
      hub_log "copying Elasticsearch to $home (once; readable by $HUB_ES_USER)"
      mkdir -p "$HUB_SYS_DIR/dist" && chmod 755 "$HUB_SYS_DIR" "$HUB_SYS_DIR/dist"
      rm -rf "$home.tmp" "$home" && cp -a "$HUB_ES_DIST" "$home.tmp"
      chown -R "$HUB_ES_USER:" "$home.tmp" && touch "$home.tmp/.jzz-hub-copied" && mv "$home.tmp" "$home"
    fi
    mkdir -p "$node" && chmod 755 "$HUB_SYS_DIR/nodes"
    if [ -L "$s/elasticsearch" ] || [ ! -e "$s/elasticsearch" ]; then ln -sfn "$node" "$s/elasticsearch"; fi
    printf 'Elasticsearch node state for %s lives in %s (owned by %s)\n' "$s" "$node" "$HUB_ES_USER" >"$s/elasticsearch.location"
    run_as=(runuser -u "$HUB_ES_USER" --)
  fi
  local conf=$node/config
  mkdir -p "$conf" "$node/data" "$node/logs" "$node/tmp"
  [ -f "$conf/log4j2.properties" ] || cp -a "$home/config/." "$conf/"
  # the distribution's GC log / error file are relative to the working dir: pin them to logs/
  sed -e "s|file=gc.log|file=$node/logs/gc.log|" -e "s|-XX:ErrorFile=hs_err_pid%p.log|-XX:ErrorFile=$node/logs/hs_err_pid%p.log|" \
    -e "s|^# -XX:HeapDumpPath=.*|-XX:HeapDumpPath=$node/logs|" "$home/config/jvm.options" >"$conf/jvm.options"
  cat >"$conf/elasticsearch.yml" <<EOF
# written by ops/lib.sh hub_es_start — a single local node for the hub (demo/tests)
cluster.name: jzz-hub
node.name: jzz-hub-$http
discovery.type: single-node
network.host: 127.0.0.1
http.port: $http
transport.port: $transport
path.data: $node/data
path.logs: $node/logs
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  rm -f "$node/server.pid"
  [ ${#run_as[@]} -eq 0 ] || chown -R "$HUB_ES_USER:" "$node"
  hub_port_free "$http" "$s" "--es-port" && hub_port_free "$transport" "$s" "--es-port (transport = http+100)"
  local jh; jh=$(hub_java_home)
  hub_log "starting Elasticsearch $HUB_ES_VERSION on 127.0.0.1:$http (heap $heap, state $node)"
  HUB_ES_T0=$(hub_now)
  # setsid: own process group, so Ctrl-C on the terminal reaches only the launcher, which
  # then stops the services in order. Our state paths are on the command line (ownership check).
  ( cd "$node" && exec setsid "${run_as[@]}" env -u JAVA_HOME -u JAVA_TOOL_OPTIONS \
      ES_PATH_CONF="$conf" ES_JAVA_HOME="$jh" ES_TMPDIR="$node/tmp" \
      ES_JAVA_OPTS="-Xms$heap -Xmx$heap" HUB_STATE_DIR="$s" \
      "$home/bin/elasticsearch" -p "$node/server.pid" ) </dev/null >"$s/elasticsearch.console.log" 2>&1 &
  echo $! >"$s/elasticsearch.pid"
}

hub_es_wait() {  # state_dir http_port [timeout]
  local s; s=$(hub_abspath "$1"); local port=$2 t=${3:-120} pid out i node
  pid=$(cat "$s/elasticsearch.pid"); node=$(hub_es_node_dir "$s")
  for ((i = 0; i < t * 2; i++)); do
    out=$(curl -s --max-time 3 "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=1s" || true)
    if [[ "$out" == *'"status":"green"'* || "$out" == *'"status":"yellow"'* ]]; then
      [ -f "$node/server.pid" ] && cp "$node/server.pid" "$s/elasticsearch-server.pid"
      hub_log "Elasticsearch ready on http://127.0.0.1:$port in $(hub_elapsed "${HUB_ES_T0:-$(hub_now)}") s"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && hub_log "Elasticsearch not healthy within ${t}s" || hub_log "Elasticsearch exited during start"
  hub_log "---- last 40 lines of $node/logs/jzz-hub.log"
  tail -n 40 "$node/logs/jzz-hub.log" >&2 2>/dev/null || true
  hub_log "---- last 20 lines of $s/elasticsearch.console.log"
  tail -n 20 "$s/elasticsearch.console.log" >&2 2>/dev/null || true
  hub_stop_service "$s" elasticsearch
  hub_die "Elasticsearch did not start"
}

# ------------------------------------------------------------------------------ Kafka
hub_kafka_cp() { printf '%s/*' "$HUB_KAFKA_LIBS"; }

# hub_kafka_start <state_dir> <port> <controller_port> <heap>: start and wait until it serves.
hub_kafka_start() { hub_kafka_launch "$@"; hub_kafka_wait "$1" "$2"; }

hub_kafka_launch() {
  local s port=$2 cport=$3 heap=$4
  s=$(hub_abspath "$1")
  [ -f "$HUB_KAFKA_LIBS/kafka_2.13-$HUB_KAFKA_VERSION.jar" ] || hub_die "Kafka is not fetched (run hub_provision)"
  local k=$s/kafka logs=$s/kafka-logs cp; cp=$(hub_kafka_cp)
  mkdir -p "$k" "$logs"
  cat >"$k/server.properties" <<EOF
# written by ops/lib.sh hub_kafka_start — single-node KRaft broker for the hub (demo/tests)
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$logs
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
default.replication.factor=1
group.initial.rebalance.delay.ms=0
log.cleaner.enable=true
EOF
  cat >"$k/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$k/server.log
log4j.appender.file.MaxFileSize=50MB
log4j.appender.file.MaxBackupIndex=3
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
EOF
  local jl=(-Dlog4j.configuration="file:$k/log4j.properties")
  if [ ! -f "$logs/meta.properties" ]; then
    local id
    id=$(java "${jl[@]}" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    [[ "$id" =~ ^[A-Za-z0-9_-]{22}$ ]] || hub_die "kafka StorageTool random-uuid gave '$id'"
    java "${jl[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$id" -c "$k/server.properties" --ignore-formatted >>"$k/format.log" 2>&1 ||
      { tail -n 20 "$k/format.log" >&2; hub_die "could not format Kafka storage in $logs"; }
    hub_log "Kafka storage formatted in $logs (cluster id $id)"
  fi
  hub_port_free "$port" "$s" "--kafka-port" && hub_port_free "$cport" "$s" "--kafka-port (controller = port+1)"
  hub_log "starting Kafka $HUB_KAFKA_VERSION on 127.0.0.1:$port (heap $heap, state $k)"
  HUB_KAFKA_T0=$(hub_now)
  ( cd "$k" && exec setsid java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Djava.awt.headless=true "${jl[@]}" -Dkafka.logs.dir="$k" \
      -cp "$cp" kafka.Kafka "$k/server.properties" ) </dev/null >"$s/kafka.console.log" 2>&1 &
  echo $! >"$s/kafka.pid"
}

hub_kafka_wait() {  # state_dir port [timeout]
  local s; s=$(hub_abspath "$1"); local port=$2 t=${3:-60} pid i
  pid=$(cat "$s/kafka.pid")
  for ((i = 0; i < t * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    # the broker logs this once the controller quorum and the broker are up and serving
    if _hub_port_open "$port" && grep -q 'Kafka Server started' "$s/kafka/server.log" 2>/dev/null; then
      # and a real metadata round trip through the admin client
      if java -Dlog4j.configuration="file:$s/kafka/log4j.properties" -cp "$(hub_kafka_cp)" \
           kafka.admin.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$port" >/dev/null 2>&1; then
        hub_log "Kafka ready on 127.0.0.1:$port in $(hub_elapsed "${HUB_KAFKA_T0:-$(hub_now)}") s"
        return 0
      fi
    fi
    sleep 0.25
  done
  kill -0 "$pid" 2>/dev/null && hub_log "Kafka not ready within ${t}s" || hub_log "Kafka exited during start"
  hub_log "---- last 40 lines of $s/kafka/server.log"
  tail -n 40 "$s/kafka/server.log" >&2 2>/dev/null || true
  tail -n 20 "$s/kafka.console.log" >&2 2>/dev/null || true
  hub_stop_service "$s" kafka
  hub_die "Kafka did not start"
}

# ------------------------------------------------------------------------------ state
# Remove a state dir and (as root) its ES node under /var/lib/jzz-hub. Stops our processes first.
hub_services_wipe() {  # state_dir
  local s; s=$(hub_abspath "$1")
  case "$s" in / | "$HUB_ROOT" | "$HOME" | "") hub_die "refusing to wipe '$s'";; esac
  hub_stop_all "$s"
  hub_is_root && rm -rf "$(hub_es_node_dir "$s")"
  rm -rf "$s"; mkdir -p "$s"
}

hub_services_status() {  # state_dir es_port kafka_port
  local s; s=$(hub_abspath "$1"); local name pid st h
  for name in elasticsearch kafka hub; do
    st="not running"
    if [ -f "$s/$name.pid" ]; then
      pid=$(head -n1 "$s/$name.pid")
      if kill -0 "$pid" 2>/dev/null && _hub_is_ours "$pid" "$s"; then st="running (pid $pid)"; else st="stale pid file ($pid)"; fi
    fi
    [ "$name" = hub ] && [ "$st" = "not running" ] && continue
    printf '%-14s %s\n' "$name" "$st"
  done
  h=$(curl -s --max-time 3 "http://127.0.0.1:$2/_cluster/health" || true)
  printf '%-14s %s\n' "es health" "${h:-no answer on 127.0.0.1:$2}"
  if _hub_port_open "$3"; then printf '%-14s %s\n' "kafka port" "127.0.0.1:$3 accepts connections"
  else printf '%-14s %s\n' "kafka port" "127.0.0.1:$3 closed"; fi
  printf '%-14s %s\n' "state" "$s${HUB_ROOT:+ (ES node: $(hub_es_node_dir "$s"))}"
}
