#!/usr/bin/env python3
"""Turns a slice of a PostgreSQL server log written with log_statement = 'all' into a pgbench script.

    sql-from-log.py LOG START END SCRIPT VARS [KEEP]

Reads bytes START..END of LOG (PostgreSQL's stderr format: entries begin with a timestamp, continuation lines with a
tab), keeps every statement a client executed there ("execute <name>: ..." of the extended protocol with its "DETAIL:
parameters: ..." line, or "statement: ..."), and writes:
  SCRIPT  the statements in order, each ending with ";", with $N replaced by the pgbench variable :sK_N
          (K = statement number), so pgbench -M prepared sends the values as bind parameters, as Npgsql does;
  VARS    one "sK_N=value" line per parameter, for pgbench -D.
Session housekeeping that Npgsql sends when a pooled connection is reused (DISCARD ALL, RESET ALL, CLOSE ALL,
UNLISTEN *, pg_advisory_unlock_all, SET SESSION AUTHORIZATION) is left out: it would drop pgbench's prepared
statements. A NULL parameter becomes the literal NULL, an empty one '' (pgbench -D refuses empty values).
Replaying an INSERT with the captured keys would fail on its unique indexes from the second transaction on, so in an
INSERT a UUID that is not in KEEP (comma-separated ids of existing rows: the caller, the video) and not used by
another statement becomes gen_random_uuid(), and a 64-hex-digit value (a token hash) a random one. Prints the number of statements kept.
"""
import re
import sys

ENTRY = re.compile(rb"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
STATEMENT = re.compile(r"(?:LOG|LOG:)\s+(?:execute [^:]*|statement): (.*)", re.S)
PARAMETERS = re.compile(r"DETAIL:\s+parameters: (.*)", re.S)
PARAMETER = re.compile(r"\$(\d+) = (NULL|'((?:[^']|'')*)')", re.S)
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
HEX64 = re.compile(r"^[0-9a-f]{64}$", re.I)
HOUSEKEEPING = re.compile(
    r"^\s*(DISCARD|RESET|CLOSE|UNLISTEN|DEALLOCATE|SET SESSION AUTHORIZATION|SELECT pg_advisory_unlock_all)",
    re.I)


def entries(data):
    current = []
    for line in data.split(b"\n"):
        if ENTRY.match(line):
            if current:
                yield b"\n".join(current).decode("utf-8", "replace")
            current = [line]
        elif current:
            current.append(line[1:] if line.startswith(b"\t") else line)
    if current:
        yield b"\n".join(current).decode("utf-8", "replace")


def main():
    log, start, end, script_path, vars_path = sys.argv[1:6]
    keep = set(filter(None, (sys.argv[6] if len(sys.argv) > 6 else "").split(",")))
    with open(log, "rb") as f:
        f.seek(int(start))
        data = f.read(int(end) - int(start))
    statements = []  # [sql, {n: value or None}]
    for entry in entries(data):
        # The message follows the log_line_prefix, after "LOG:" or "DETAIL:".
        m = STATEMENT.search(entry)
        if m and " LOG:" in entry[: m.start() + 5]:
            sql = m.group(1).strip()
            if HOUSEKEEPING.match(sql):
                continue
            statements.append([sql, {}])
            continue
        p = PARAMETERS.search(entry)
        if p and statements and " DETAIL:" in entry:
            for n, raw, quoted in PARAMETER.findall(p.group(1)):
                statements[-1][1][int(n)] = None if raw == "NULL" else quoted.replace("''", "'")
    def fresh(k, value):
        """SQL for a value the INSERT of statement k must not repeat, or None to keep the captured value."""
        sql = statements[k - 1][0]
        if not re.match(r"^\s*(--[^\n]*\n\s*)*INSERT\b", sql, re.I) or value in keep:
            return None
        if any(value in p.values() for j, (_, p) in enumerate(statements, 1) if j != k):
            return None
        if UUID.match(value):
            return "gen_random_uuid()"
        if HEX64.match(value):
            return "encode(sha256(gen_random_uuid()::text::bytea), 'hex')"
        return None

    generated = {}
    for k, (_, params) in enumerate(statements, 1):
        for n, value in params.items():
            if value:
                sql = fresh(k, value)
                if sql:
                    generated[(k, n)] = sql

    with open(script_path, "w") as script, open(vars_path, "w") as variables:
        script.write("-- captured by bench/run.sh from the server log (log_statement = 'all'); see bench/README.md\n")
        for k, (sql, params) in enumerate(statements, 1):
            def replace(match, k=k, params=params):
                n = int(match.group(1))
                if n not in params:
                    return match.group(0)
                if params[n] is None:
                    return "NULL"
                if params[n] == "":  # pgbench -D refuses an empty value
                    return "''"
                if (k, n) in generated:
                    return generated[(k, n)]
                return f":s{k}_{n}"
            body = re.sub(r"\$(\d+)\b", replace, sql).rstrip().rstrip(";")
            script.write(body + ";\n")
            for n, value in sorted(params.items()):
                if value and (k, n) not in generated:
                    variables.write(f"s{k}_{n}={value.replace(chr(10), ' ')}\n")
    print(len(statements))


if __name__ == "__main__":
    main()
