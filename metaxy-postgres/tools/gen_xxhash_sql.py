#!/usr/bin/env python3
"""Generates src/main/resources/dev/metaxy/postgres/xxhash.sql: exact XXH64 and XXH32 (seed 0) as PL/pgSQL.

PostgreSQL has no unsigned 64-bit type and bigint arithmetic raises on overflow, so:
* XXH64 keeps its state as a signed bigint (two's complement). Sums and products wrap through numeric
  (((x % 2^64) + 2^64 + 2^63) % 2^64 - 2^63); xor, shifts and rotations use bigint bit operators
  (bigint << never raises; >> is arithmetic, so logical shifts mask the sign extension away).
* XXH32 keeps values in [0, 2^32) inside bigint; a 32x32 product is split into 16-bit halves so no
  intermediate exceeds 2^49.
Every operator expression is fully parenthesised: PostgreSQL gives <<, >>, &, |, # the same precedence.
Run from the module directory: python3 tools/gen_xxhash_sql.py
"""
M64 = 1 << 64


def s64(x):
    x %= M64
    return x - M64 if x >= 1 << 63 else x


P1, P2, P3, P4, P5 = (11400714785074694791, 14029467366897019727, 1609587929392839161,
                      9650029242287828579, 2870177450012600261)
Q1, Q2, Q3, Q4, Q5 = 2654435761, 2246822519, 3266489917, 668265263, 374761393
TWO64, FIX, H63 = str(1 << 64), str((1 << 64) + (1 << 63)), str(1 << 63)
M = '4294967295'


def mulmod(a, p, add=None):
    e = f"({a})::numeric * {p}"
    if add is not None:
        e += f" + {add}"
    return f"((({e}) % {TWO64} + {FIX}) % {TWO64} - {H63})::bigint"


def addmod(a, b):
    return f"(((({a})::numeric + ({b})) % {TWO64} + {FIX}) % {TWO64} - {H63})::bigint"


def rotl(x, r):
    return f"((({x}) << {r}) | ((({x}) >> {64 - r}) & {(1 << r) - 1}))"


def shr(x, n):
    return f"((({x}) >> {n}) & {(1 << (64 - n)) - 1})"


def r32(p):
    return (f"(get_byte(b, {p})::bigint | (get_byte(b, {p} + 1)::bigint << 8)"
            f" | (get_byte(b, {p} + 2)::bigint << 16) | (get_byte(b, {p} + 3)::bigint << 24))")


def r64(p):
    return f"({r32(p)} | ({r32(p + ' + 4')} << 32))"


def round64(v):
    # round(acc, input) = rotl(acc + input * P2, 31) * P1
    return lambda inp: [f"k := {inp};",
                        f"k := {mulmod('k', P2)};",
                        f"{v} := {addmod(v, 'k')};",
                        f"{v} := {mulmod(rotl(v, 31), P1)};"]


def xxh64():
    out = [f"""CREATE OR REPLACE FUNCTION pg_temp.metaxy_xxh64(s text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $metaxy$
DECLARE
  b bytea := convert_to(s, 'UTF8');
  n integer := length(b);
  p integer := 0;
  v1 bigint := {s64(P1 + P2)};
  v2 bigint := {s64(P2)};
  v3 bigint := 0;
  v4 bigint := {s64(-P1)};
  h bigint;
  k bigint;
BEGIN
  IF n >= 32 THEN
    WHILE p <= n - 32 LOOP"""]
    for i, v in enumerate(['v1', 'v2', 'v3', 'v4']):
        for line in round64(v)(r64(f"p + {8 * i}")):
            out.append("      " + line)
    out.append("      p := p + 32;\n    END LOOP;")
    out.append(f"    h := {addmod(rotl('v1', 1), rotl('v2', 7))};")
    out.append(f"    h := {addmod('h', rotl('v3', 12))};")
    out.append(f"    h := {addmod('h', rotl('v4', 18))};")
    for v in ['v1', 'v2', 'v3', 'v4']:
        out.append(f"    k := {mulmod(v, P2)};")
        out.append(f"    k := {mulmod(rotl('k', 31), P1)};")
        out.append(f"    h := h # k;")
        out.append(f"    h := {mulmod('h', P1, s64(P4))};")
    out.append(f"""  ELSE
    h := {s64(P5)};
  END IF;
  h := {addmod('h', 'n')};
  WHILE p + 8 <= n LOOP
    k := {r64('p')};
    k := {mulmod('k', P2)};
    k := {mulmod(rotl('k', 31), P1)};
    h := h # k;
    h := {mulmod(rotl('h', 27), P1, s64(P4))};
    p := p + 8;
  END LOOP;
  IF p + 4 <= n THEN
    h := h # {mulmod(r32('p'), P1)};
    h := {mulmod(rotl('h', 23), P2, s64(P3))};
    p := p + 4;
  END IF;
  WHILE p < n LOOP
    h := h # {mulmod('get_byte(b, p)', P5)};
    h := {mulmod(rotl('h', 11), P1)};
    p := p + 1;
  END LOOP;
  h := h # {shr('h', 33)};
  h := {mulmod('h', P2)};
  h := h # {shr('h', 29)};
  h := {mulmod('h', P3)};
  h := h # {shr('h', 32)};
  RETURN (h::numeric + CASE WHEN h < 0 THEN {TWO64} ELSE 0 END)::text;
END
$metaxy$;
""")
    return "\n".join(out)


def mul32(x, c):
    return f"(((({x}) * {c & 0xFFFF}) + (((({x}) * {c >> 16}) & 65535) << 16)) & {M})"


def rotl32(x, r):
    return f"(((({x}) << {r}) | (({x}) >> {32 - r})) & {M})"


def round32(v, inp):
    return (f"k := {inp};\n      k := {mul32('k', Q2)};\n      {v} := ({v} + k) & {M};\n"
            f"      {v} := {rotl32(v, 13)};\n      {v} := {mul32(v, Q1)};")


def xxh32():
    return f"""CREATE OR REPLACE FUNCTION pg_temp.metaxy_xxh32(s text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $metaxy$
DECLARE
  b bytea := convert_to(s, 'UTF8');
  n integer := length(b);
  p integer := 0;
  v1 bigint := {(Q1 + Q2) % (1 << 32)};
  v2 bigint := {Q2};
  v3 bigint := 0;
  v4 bigint := {(-Q1) % (1 << 32)};
  h bigint;
  k bigint;
BEGIN
  IF n >= 16 THEN
    WHILE p <= n - 16 LOOP
      {round32('v1', r32('p'))}
      {round32('v2', r32('p + 4'))}
      {round32('v3', r32('p + 8'))}
      {round32('v4', r32('p + 12'))}
      p := p + 16;
    END LOOP;
    h := ({rotl32('v1', 1)} + {rotl32('v2', 7)} + {rotl32('v3', 12)} + {rotl32('v4', 18)}) & {M};
  ELSE
    h := {Q5};
  END IF;
  h := (h + n) & {M};
  WHILE p + 4 <= n LOOP
    k := {r32('p')};
    k := {mul32('k', Q3)};
    h := (h + k) & {M};
    h := {rotl32('h', 17)};
    h := {mul32('h', Q4)};
    p := p + 4;
  END LOOP;
  WHILE p < n LOOP
    k := get_byte(b, p)::bigint * {Q5};
    h := (h + k) & {M};
    h := {rotl32('h', 11)};
    h := {mul32('h', Q1)};
    p := p + 1;
  END LOOP;
  h := h # (h >> 15);
  h := {mul32('h', Q2)};
  h := h # (h >> 13);
  h := {mul32('h', Q3)};
  h := h # (h >> 16);
  RETURN h::text;
END
$metaxy$;
"""


HEADER = """-- Generated by tools/gen_xxhash_sql.py; do not edit.
-- Exact XXH64 / XXH32 (seed 0) over the UTF-8 bytes of the input, rendered as unsigned decimal text
-- (Python xxhash.xxh64_intdigest / xxh32_intdigest). Session-local (pg_temp): the store needs no CREATE
-- privilege in the user's schema and leaves no objects behind. Statements are separated by lines of '--;'.
"""

if __name__ == "__main__":
    with open("src/main/resources/dev/metaxy/postgres/xxhash.sql", "w") as f:
        f.write(HEADER + xxh64() + "--;\n" + xxh32())
