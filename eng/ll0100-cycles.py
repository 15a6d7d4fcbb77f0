#!/usr/bin/env python3
# Prints each LL0100/LL0004 line of a diagnostics.txt (eng/analyze-external.sh) as: rule, location, message
# length, and the cycle with every edge's chain elided to (…): a quick way to group reports by strongly
# connected set when triaging.  Usage: eng/ll0100-cycles.py RESULTS/PROJECT/diagnostics.txt
import sys
for line in open(sys.argv[1]):
    rule, loc, msg = line.rstrip('\n').split(' ', 2)
    body = msg.split(': ', 1)[1] if ': ' in msg else msg
    depth = 0; out = []
    for ch in body:
        if ch == '(':
            depth += 1
            if depth == 1: out.append('(…)')
            continue
        if ch == ')':
            depth -= 1; continue
        if depth == 0: out.append(ch)
    print(rule, loc, len(msg), ''.join(out))
