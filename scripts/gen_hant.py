#!/usr/bin/env python3
"""Writes src/i18n/hant_table.rs: what Traditional Chinese (zh-Hant) needs to show every
Simplified Chinese string of the app.

    pip install opencc-python-reimplemented   # once (from PyPI)
    python3 scripts/gen_hant.py

The app's Chinese text is written once, in Simplified characters (the i18n tables, the case
models' names, units and reasons). This script reads every string literal in src/ that holds
Chinese, converts it with OpenCC's s2tw (Taiwan standard characters, phrase-aware: 改革后 → 改革後, 干部 → 幹部), and writes

  CHARS    every Chinese character used in src/ whose Traditional form differs, one to one
           (for text put together at run time: "分局12", a station's generated name);
  WORDS    the stretches of text whose phrase-aware conversion differs from the character
           one, each as short as it can be while converting the same way everywhere in src/
           (the script checks that the page's algorithm then gives OpenCC's result for every
           literal, and adds a literal whole where it would not);
  SOURCE_HASH  a hash of the set of Chinese literals it read.

tests in src/i18n/hant.rs recompute SOURCE_HASH from src/ and fail when a Chinese string was
added or changed without running this script again, so no string is ever left unconverted.
Quotes from the source documents are converted like any other text where they are shown in
zh-Hant, except in their blockquotes, which keep the documents' own characters.
"""
import os
import re
import subprocess
import sys

try:
    from opencc import OpenCC
except ImportError:
    sys.exit("needs OpenCC: pip install opencc-python-reimplemented")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
OUT = os.path.join(SRC, "i18n", "hant_table.rs")

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def fnv1a(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def literals():
    found = set()
    for dirpath, _, files in os.walk(SRC):
        for name in files:
            path = os.path.join(dirpath, name)
            if not name.endswith(".rs") or path == OUT:
                continue
            with open(path, encoding="utf-8") as f:
                for lit in scan(f.read()):
                    if CJK.search(lit):
                        found.add(lit)
    return sorted(found)


def scan(text):
    """String literals without escapes or line breaks, found as src/i18n/hant.rs finds them (a
    quote, then anything but a quote, a backslash or a line break, then a quote; where that
    fails, the search goes on from the character after the first quote)."""
    i = 0
    while True:
        j = text.find('"', i)
        if j < 0:
            return
        k = j + 1
        while k < len(text) and text[k] not in '"\\\n':
            k += 1
        if k < len(text) and text[k] == '"':
            yield text[j + 1 : k]
            i = k + 1
        else:
            i = j + 1


def rust_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# OpenCC's phrase segmentation goes wrong on these in the app's text (和面积 read as 和麵 + 积,
# 31个中心 as 箇中): in every string of the app 个 is the measure word 個 and 面 is 面 (face,
# area). Their character conversion is kept.
WRONG = {("个", "箇"), ("面", "麵")}


def main():
    cc = OpenCC("s2tw")
    lits = literals()
    chars = {}
    for s in lits:
        for c in s:
            if CJK.match(c):
                t = cc.convert(c)
                if len(t) == 1 and t != c:
                    chars[c] = t
    by_char = lambda s: "".join(chars.get(c, c) for c in s)

    # What each literal should read in zh-Hant: OpenCC's phrase-aware conversion (one character
    # to one in every literal of the app: checked), less its known mis-segmentations.
    def target(s):
        t = cc.convert(s)
        if len(t) != len(s):
            sys.exit(f"OpenCC changed the length of {s!r}: the tables assume one character to one")
        b = by_char(s)
        return "".join(b[i] if (c, t[i]) in WRONG else t[i] for i, c in enumerate(s))

    want = {s: target(s) for s in lits}

    def occurrences(key):
        for u in lits:
            p = u.find(key)
            while p >= 0:
                yield u, p
                p = u.find(key, p + 1)

    # WORDS: for every run of characters whose conversion depends on the words around it, the
    # shortest stretch of text around it (preferring the characters before it) that converts
    # the same way wherever it occurs in the app's strings.
    words = {}
    for s in lits:
        b = by_char(s)
        t = want[s]
        i = 0
        while i < len(s):
            if t[i] == b[i]:
                i += 1
                continue
            j = i
            while j < len(s) and t[j] != b[j]:
                j += 1
            found = False
            for w in range(0, 8):
                for left in range(w, -1, -1):
                    a, e = i - left, j + w - left
                    if a < 0 or e > len(s):
                        continue
                    key, val = s[a:e], t[a:e]
                    if words.get(key, val) != val:
                        continue
                    if all(want[u][p : p + len(key)] == val for u, p in occurrences(key)):
                        words[key] = val
                        found = True
                        break
                if found:
                    break
            if not found:
                words[s] = t
            i = j

    # The page's algorithm (src/i18n/hant.rs): at each character, the longest word starting
    # there, else the character's own conversion. A literal it gets wrong is added whole.
    def convert(s):
        out, i = [], 0
        while i < len(s):
            keys = [k for k in words if s.startswith(k, i)]
            if keys:
                k = max(keys, key=len)
                out.append(words[k])
                i += len(k)
            else:
                out.append(chars.get(s[i], s[i]))
                i += 1
        return "".join(out)

    for s in lits:
        if convert(s) != want[s]:
            words[s] = want[s]
    bad = [s for s in lits if convert(s) != want[s]]
    if bad:
        sys.exit(f"the tables do not reproduce OpenCC for {bad[:3]!r}")

    # Sorted as Rust sorts &str (bytes): the table is binary-searched.
    table = sorted(words.items(), key=lambda p: p[0].encode("utf-8"))
    joined = "\n".join(lits).encode("utf-8")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("// @generated by scripts/gen_hant.py from the Chinese strings in src/ (OpenCC s2tw).\n")
        f.write("// Do not edit: run the script again after changing Chinese text.\n\n")
        f.write(f"/// FNV-1a of the sorted Chinese literals this table was made from, one a line.\n")
        f.write("#[cfg(test)]\n")
        f.write(f"pub const SOURCE_HASH: u64 = 0x{fnv1a(joined):016x};\n\n")
        f.write("/// Simplified → Traditional, one character to one, sorted by the Simplified one.\n")
        f.write("pub static CHARS: &[(char, char)] = &[\n")
        for c in sorted(chars):
            f.write(f"    ('{c}', '{chars[c]}'),\n")
        f.write("];\n\n")
        f.write("/// Stretches of text whose conversion depends on the words (合并 合併, 若干 若干, 反复\n")
        f.write("/// 反覆), sorted by bytes; the longest one starting at a character wins.\n")
        f.write("pub static WORDS: &[(&str, &str)] = &[\n")
        for s, t in table:
            f.write(f"    ({rust_str(s)}, {rust_str(t)}),\n")
        f.write("];\n")
    # As `cargo fmt --check` wants it.
    try:
        subprocess.run(["rustfmt", "--edition", "2021", OUT], check=False)
    except OSError:
        print("rustfmt not found: run cargo fmt before committing")
    print(f"wrote {OUT}: {len(lits)} literals, {len(chars)} characters, {len(table)} words")


main()
