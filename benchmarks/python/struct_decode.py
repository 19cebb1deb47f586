#!/usr/bin/env python3
"""Decodes every value of every record of an .ibt the way pyirsdk does (struct.unpack_from per variable).

pyirsdk itself is on PyPI, which this machine cannot reach; this loop is a stand-in for it, for the
side-by-side figure in the README. Usage: struct_decode.py FILE.ibt [repeats]
"""
import struct
import sys
import time

CODES = ['c', '?', 'i', 'I', 'f', 'd']


def main(path, repeats):
    data = open(path, 'rb').read()
    num_vars, header_off, buf_len = struct.unpack_from('<i', data, 24)[0], struct.unpack_from('<i', data, 28)[0], struct.unpack_from('<i', data, 36)[0]
    first_row = struct.unpack_from('<i', data, 52)[0]
    records = (len(data) - first_row) // buf_len
    variables = []
    for v in range(num_vars):
        vtype, offset, count = struct.unpack_from('<iii', data, header_off + 144 * v)
        variables.append((offset, '<%d%s' % (count, CODES[vtype]), count))
    values = records * sum(count for _, _, count in variables)
    best = None
    for _ in range(repeats):
        start = time.perf_counter()
        for r in range(records):
            base = first_row + r * buf_len
            for offset, fmt, _ in variables:
                struct.unpack_from(fmt, data, base + offset)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print('%s: %d records, %d values, best of %d: %.3f s, %.1f million values/s'
          % (path.split('/')[-1], records, values, repeats, best, values / best / 1e6))


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3)
