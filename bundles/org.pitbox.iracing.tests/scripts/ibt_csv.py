#!/usr/bin/env python3
"""Independent .ibt -> CSV decoder (stdlib only) that cross-checks the Java CsvExporter.

usage: ibt_csv.py FILE [CHANNEL ...]   writes CSV to stdout, '\n' line ends.
Numbers follow Java's Float/Double.toString (JDK 19+): the shortest decimal that rounds back, closest to the
value; when one digit suffices, the closest of the one- and two-digit candidates.
"""
import math
import struct
import sys
from fractions import Fraction

F32 = struct.Struct('<f')
U32 = struct.Struct('<I')


def to_f32(v):
    return F32.unpack(F32.pack(v))[0]


def f32_bits(v):
    return U32.unpack(F32.pack(v))[0]


def f32_of_bits(b):
    return F32.unpack(U32.pack(b))[0]


def split_e(s):
    """'d.ddde+XX' -> (int digits, exponent of last digit)."""
    mant, exp = s.split('e')
    frac = mant.split('.')[1] if '.' in mant else ''
    return int(mant.replace('.', '')), int(exp) - len(frac)


def f32_bounds(x):
    """Rounding interval of the float32 x > 0 as doubles (float32 midpoints are exact doubles)."""
    b = f32_bits(x)
    down = f32_of_bits(b - 1)
    up = f32_of_bits(b + 1) if b < 0x7f7fffff else x + (x - down)
    return (x + down) / 2, (x + up) / 2, b % 2 == 0


def rounds_to(c, q, x, is_float):
    """Whether the decimal c*10^q rounds to x (IEEE round half even, in float32 when is_float)."""
    if c <= 0:
        return False
    v = float(f'{c}e{q}')
    if not is_float:
        return v == x
    lo, hi, even = f32_bounds(x)
    if lo < v < hi:
        return True
    if v != lo and v != hi:
        return False
    d = Fraction(c) * Fraction(10) ** q  # double rounding can land on a midpoint: decide exactly
    return lo < d < hi or (even and (d == lo or d == hi))


def closer(a, b, x):
    """The (c, q) of a and b closer to x; ties to the even last digit."""
    xf = Fraction(x)
    da = abs(Fraction(a[0]) * Fraction(10) ** a[1] - xf)
    db = abs(Fraction(b[0]) * Fraction(10) ** b[1] - xf)
    if da != db:
        return a if da < db else b
    return a if a[0] % 2 == 0 else b


def shortest(x, is_float):
    if not is_float:
        found = c, q = split_e_repr(x)
        m = len(str(c).rstrip('0'))
        if m > 1:
            return found
        return with_two_digits(found, x, is_float)
    for p in range(1, 10):
        c0, q = split_e('%.*e' % (p - 1, x))
        best = None
        for c in (c0, c0 + 1, c0 - 1):
            if rounds_to(c, q, x, is_float):
                best = (c, q) if best is None else closer(best, (c, q), x)
                if c == c0:
                    break
        if best is not None:
            return with_two_digits(best, x, is_float) if p == 1 else best
    raise ValueError(x)


def split_e_repr(x):
    r = repr(x)
    mant, _, exp = r.partition('e')
    q = int(exp) if exp else 0
    if '.' in mant:
        ip, fp = mant.split('.')
    else:
        ip, fp = mant, ''
    return int(ip + fp), q - len(fp)


def with_two_digits(one, x, is_float):
    c2, q2 = split_e('%.1e' % x)
    best = one
    for c in (c2, c2 + 1, c2 - 1):
        if rounds_to(c, q2, x, is_float):
            best = closer(best, (c, q2), x)
    return best


def java_format(c, q):
    while c % 10 == 0:
        c //= 10
        q += 1
    digits = str(c)
    n = len(digits)
    e = n + q - 1
    if -3 <= e < 0:
        return '0.' + '0' * (-e - 1) + digits
    if 0 <= e < 7:
        ip = digits[:e + 1].ljust(e + 1, '0')
        return ip + '.' + (digits[e + 1:] or '0')
    return digits[0] + '.' + (digits[1:] or '0') + 'E' + str(e)


CACHE = {}


def java_str(x, is_float):
    key = (is_float, struct.pack('<d', x))
    s = CACHE.get(key)
    if s is None:
        if x != x:
            s = 'NaN'
        elif math.isinf(x):
            s = 'Infinity' if x > 0 else '-Infinity'
        elif x == 0:
            s = '-0.0' if math.copysign(1, x) < 0 else '0.0'
        else:
            c, q = shortest(abs(x), is_float)
            s = ('-' if x < 0 else '') + java_format(c, q)
        CACHE[key] = s
    return s


def main():
    path, names = sys.argv[1], sys.argv[2:]
    with open(path, 'rb') as f:
        data = f.read()
    _, _, _, _, _, _, nvars, vho, _, buflen = struct.unpack_from('<10i', data, 0)
    data_off = struct.unpack_from('<i', data, 52)[0]
    declared = struct.unpack_from('<i', data, 140)[0]
    available = (len(data) - data_off) // buflen
    records = declared if 0 < declared == available else available
    variables = []
    for i in range(nvars):
        at = vho + 144 * i
        vtype, off, count = struct.unpack_from('<3i', data, at)
        name = data[at + 16:at + 48].split(b'\0')[0].decode('cp1252')
        variables.append((name, vtype, off, count))
    by_name = {}
    for v in variables:
        by_name.setdefault(v[0], v)
    selected = [by_name[n] for n in names] if names else variables
    header, columns = [], []
    fmt = {0: 'B', 1: 'B', 2: 'i', 3: 'I', 4: 'f', 5: 'd'}
    size = {0: 1, 1: 1, 2: 4, 3: 4, 4: 4, 5: 8}
    for name, vtype, off, count in selected:
        for i in range(count):
            header.append(f'{name}[{i}]' if count > 1 else name)
            columns.append((struct.Struct('<' + fmt[vtype]), vtype, off + i * size[vtype]))
    out = sys.stdout.buffer
    out.write((','.join(header) + '\n').encode('utf-8'))
    for r in range(records):
        base = data_off + r * buflen
        cells = []
        for st, vtype, off in columns:
            v = st.unpack_from(data, base + off)[0]
            if vtype == 1:
                cells.append('1' if v else '0')
            elif vtype >= 4:
                cells.append(java_str(v, vtype == 4))
            else:
                cells.append(str(v))
        out.write((','.join(cells) + '\n').encode('ascii'))


if __name__ == '__main__':
    main()
