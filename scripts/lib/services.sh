# shellcheck shell=bash
# Throw-away PostgreSQL 15 and Redis servers on free loopback ports, for
# scripts/test and scripts/bench. Source this file, then call
# quango_services_start: it installs traps that stop both servers and remove
# their temp dirs on any exit, and exports
#   QUANGO_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres
#   QUANGO_TEST_REDIS_URL=redis://127.0.0.1:PORT/0

QUANGO_PG_BIN="${QUANGO_PG_BIN:-/usr/lib/postgresql/15/bin}"
QUANGO_PG_DIR=""
QUANGO_PG_PORT=""
QUANGO_REDIS_DIR=""
QUANGO_REDIS_PORT=""

# True when something listens on 127.0.0.1:$1 (or on any address with that port).
quango_port_in_use() {
    local port="$1"
    if command -v ss >/dev/null 2>&1; then
        [[ -n "$(ss -Htln "sport = :$port" 2>/dev/null)" ]] && return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Prints the first port >= $1 that nothing listens on.
quango_free_port() {
    local port="$1" last=$(($1 + 2000))
    while ((port <= last)); do
        if ! quango_port_in_use "$port"; then
            echo "$port"
            return 0
        fi
        port=$((port + 1))
    done
    echo "services: no free port in $1..$last" >&2
    return 1
}

# Runs a command as the postgres user when we are root (PostgreSQL refuses to
# run as root), else as ourselves; from the temp dir so that the postgres user
# never has to look at the caller's working directory.
quango_as_pg() {
    if ((EUID == 0)); then
        (cd "$QUANGO_PG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$QUANGO_PG_DIR" && "$@")
    fi
}

quango_postgres_start() {
    local tmp_parent="${TMPDIR:-/tmp}"
    ((EUID == 0)) && tmp_parent=/tmp # the postgres user must reach it
    QUANGO_PG_DIR="$(mktemp -d "$tmp_parent/quango-pg.XXXXXX")"
    if ((EUID == 0)); then
        chown postgres:postgres "$QUANGO_PG_DIR"
    fi
    chmod 700 "$QUANGO_PG_DIR"

    if ! quango_as_pg "$QUANGO_PG_BIN/initdb" -D "$QUANGO_PG_DIR/data" -A trust -U postgres \
        -E UTF8 --locale=C.UTF-8 --no-sync >"$QUANGO_PG_DIR/initdb.log" 2>&1; then
        echo "services: initdb failed:" >&2
        cat "$QUANGO_PG_DIR/initdb.log" >&2
        return 1
    fi

    # Another process may take the port between the check and the start: try
    # a few ports.
    local port=55432
    for _ in 1 2 3 4 5; do
        port="$(quango_free_port "$port")" || return 1
        if quango_as_pg "$QUANGO_PG_BIN/pg_ctl" -D "$QUANGO_PG_DIR/data" -l "$QUANGO_PG_DIR/postgres.log" \
            -w -t 60 -s -o "-k $QUANGO_PG_DIR -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start; then
            QUANGO_PG_PORT="$port"
            break
        fi
        echo "services: PostgreSQL did not start on port $port; trying another port" >&2
        port=$((port + 1))
    done
    if [[ -z "$QUANGO_PG_PORT" ]]; then
        echo "services: PostgreSQL did not start; its log:" >&2
        cat "$QUANGO_PG_DIR/postgres.log" >&2 || true
        return 1
    fi

    local i
    for ((i = 0; i < 120; i++)); do
        if "$QUANGO_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$QUANGO_PG_PORT" -U postgres; then
            export QUANGO_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$QUANGO_PG_PORT/postgres"
            return 0
        fi
        sleep 0.5
    done
    echo "services: PostgreSQL on port $QUANGO_PG_PORT is not ready; its log:" >&2
    cat "$QUANGO_PG_DIR/postgres.log" >&2 || true
    return 1
}

quango_postgres_stop() {
    [[ -n "$QUANGO_PG_DIR" ]] || return 0
    if [[ -f "$QUANGO_PG_DIR/data/postmaster.pid" ]]; then
        if ! quango_as_pg "$QUANGO_PG_BIN/pg_ctl" -D "$QUANGO_PG_DIR/data" -m immediate -w -t 30 -s stop \
            >/dev/null 2>&1; then
            # pg_ctl could not stop it: kill the postmaster we started.
            local pid
            pid="$(head -n 1 "$QUANGO_PG_DIR/data/postmaster.pid" 2>/dev/null || true)"
            if [[ "$pid" =~ ^[0-9]+$ ]]; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
    fi
    rm -rf "$QUANGO_PG_DIR"
    QUANGO_PG_DIR=""
    QUANGO_PG_PORT=""
}

quango_redis_start() {
    QUANGO_REDIS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/quango-redis.XXXXXX")"
    local port=56379 i pid_file="$QUANGO_REDIS_DIR/redis.pid"
    for _ in 1 2 3 4 5; do
        port="$(quango_free_port "$port")" || return 1
        # With --daemonize the command returns once it has forked; an error
        # here is not about the port.
        redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
            --daemonize yes --dir "$QUANGO_REDIS_DIR" --pidfile "$pid_file" \
            --logfile "$QUANGO_REDIS_DIR/redis.log" || break
        # The pid file appears once our server is listening; a PONG without
        # it would come from someone else's server.
        for ((i = 0; i < 100; i++)); do
            if [[ -s "$pid_file" ]] &&
                [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]]; then
                QUANGO_REDIS_PORT="$port"
                export QUANGO_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
                return 0
            fi
            # Port taken after all: try the next one.
            grep -qE 'Could not create server TCP|Failed listening' \
                "$QUANGO_REDIS_DIR/redis.log" 2>/dev/null && break
            sleep 0.1
        done
        # Not ours or not answering: stop what we may have started, keep its log.
        local stray
        stray="$(cat "$pid_file" 2>/dev/null || true)"
        [[ "$stray" =~ ^[0-9]+$ ]] && { kill -KILL "$stray" 2>/dev/null || true; }
        rm -f "$pid_file"
        mv -f "$QUANGO_REDIS_DIR/redis.log" "$QUANGO_REDIS_DIR/redis-$port.log" 2>/dev/null || true
        port=$((port + 1))
    done
    echo "services: Redis did not start; its logs:" >&2
    cat "$QUANGO_REDIS_DIR"/redis*.log >&2 || true
    return 1
}

quango_redis_stop() {
    [[ -n "$QUANGO_REDIS_DIR" ]] || return 0
    local pid="" i
    pid="$(cat "$QUANGO_REDIS_DIR/redis.pid" 2>/dev/null || true)"
    if [[ -n "$QUANGO_REDIS_PORT" ]]; then
        redis-cli -h 127.0.0.1 -p "$QUANGO_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    fi
    if [[ "$pid" =~ ^[0-9]+$ ]]; then
        for ((i = 0; i < 50; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -rf "$QUANGO_REDIS_DIR"
    QUANGO_REDIS_DIR=""
    QUANGO_REDIS_PORT=""
}

quango_services_stop() {
    quango_redis_stop || true
    quango_postgres_stop || true
}

quango_services_start() {
    # The traps come first, so that a failure half-way still cleans up.
    trap 'quango_services_stop' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP
    quango_postgres_start
    quango_redis_start
    echo "services: PostgreSQL at $QUANGO_TEST_POSTGRES_URL, Redis at $QUANGO_TEST_REDIS_URL" >&2
}
