#!/usr/bin/env python3
"""Writes the two CAP messages the region benchmarks publish and resolve, from the hromada
boundaries (ua-hromadas.geojson: one feature per hromada, with `oblast`, `names` and a Polygon
or MultiPolygon):

- bench/kyiv-oblast-hromadas.xml: one alert with an area per hromada of Kyiv oblast (UA-32,
  69 of them), each area the hromada's outline as a CAP polygon of at most 140 points, so that
  the alert keeps within the service's 10,000 points an alert;
- bench/lviv-alert.xml: an air raid alert over Lviv and the villages around it (the outline
  of Lvivska hromada, at most 60 points).

Both have IDENTIFIER, SENT and EXPIRES for the benchmarks to fill in.

Each outline is the outer ring of the hromada's largest part, simplified (Douglas-Peucker)
with the smallest tolerance that brings it within the points, and never to a ring that
crosses itself.

    python3 bench/make-hromada-alerts.py ua-hromadas.geojson
"""
import json
import math
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ATTRIBUTION = ('Area polygons simplified from hromada boundaries by OPORA / Fedir Gontsa, "Ukrainian geojson '
               'data" (github.com/slawomirmatuszak/ukrainian_geodata), CC BY 4.0.')


def outer_ring(geometry):
    """The outer ring of the polygon, or of the largest polygon of a multipolygon, as (lon, lat)."""
    polygons = [geometry['coordinates']] if geometry['type'] == 'Polygon' else geometry['coordinates']
    return max((p[0] for p in polygons), key=lambda ring: abs(area(ring)))


def area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def distance_to_segment(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def douglas_peucker(points, tolerance):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            d = distance_to_segment(points[i], points[first], points[last])
            if d > farthest:
                farthest, index = d, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def crosses(a, b, c, d):
    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def is_simple(ring):
    edges = list(zip(ring, ring[1:]))
    for i, (a, b) in enumerate(edges):
        for j in range(i + 2, len(edges)):
            if i == 0 and j == len(edges) - 1:
                continue  # the first and last edges share the closing point
            if crosses(a, b, *edges[j]):
                return False
    return True


def simplified(ring, most):
    """The ring with at most `most` points (closing point included), not crossing itself."""
    if len(ring) <= most and is_simple(ring):
        return ring
    # The ring is closed: split it at its farthest point from the start so that both halves
    # keep a corner, simplify them, and join them again.
    far = max(range(len(ring)), key=lambda i: math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]))
    tolerance = 1e-5
    while tolerance < 1:
        candidate = douglas_peucker(ring[:far + 1], tolerance)[:-1] + douglas_peucker(ring[far:], tolerance)
        if len(candidate) <= most and len(candidate) >= 4 and is_simple(candidate):
            return candidate
        tolerance *= 1.1
    raise ValueError('no simple outline of at most %d points' % most)


def cap_polygon(ring):
    return ' '.join(f'{lat:.5f},{lon:.5f}' for lon, lat in ring)


def area_xml(description, ring):
    return (f'    <area>\n      <areaDesc>{escape(description)}</areaDesc>\n'
            f'      <polygon>{cap_polygon(ring)}</polygon>\n    </area>\n')


def alert_xml(identifier, sent, expires, headline, areas):
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- {ATTRIBUTION} Written by bench/make-hromada-alerts.py. -->
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>{identifier}</identifier>
  <sender>alerts@bench.example</sender>
  <sent>{sent}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>uk-UA</language>
    <category>Security</category>
    <event>Повітряна тривога</event>
    <responseType>Shelter</responseType>
    <urgency>Immediate</urgency>
    <severity>Extreme</severity>
    <certainty>Likely</certainty>
    <expires>{expires}</expires>
    <senderName>bench</senderName>
    <headline>{headline}</headline>
    <instruction>Прямуйте до найближчого укриття.</instruction>
{''.join(areas)}  </info>
</alert>
'''


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: make-hromada-alerts.py ua-hromadas.geojson')
    features = json.loads(Path(sys.argv[1]).read_text(encoding='utf-8'))['features']
    bench = Path(__file__).parent

    kyiv_oblast = sorted((f for f in features if f['properties'].get('oblast') == 'UA-32'),
                         key=lambda f: f['properties']['code'])
    areas = [area_xml(f['properties']['names']['uk'], simplified(outer_ring(f['geometry']), 140))
             for f in kyiv_oblast]
    (bench / 'kyiv-oblast-hromadas.xml').write_text(alert_xml(
        'IDENTIFIER', 'SENT', 'EXPIRES', 'Повітряна тривога в громадах Київської області', areas), encoding='utf-8')

    lviv = next(f for f in features if f['properties']['names'].get('en') == 'Lvivska hromada')
    lviv_ring = simplified(outer_ring(lviv['geometry']), 60)
    (bench / 'lviv-alert.xml').write_text(alert_xml(
        'IDENTIFIER', 'SENT', 'EXPIRES', 'Повітряна тривога у Львові та околицях',
        [area_xml('м. Львів та околиці', lviv_ring)]), encoding='utf-8')
    print(f'kyiv-oblast-hromadas.xml: {len(areas)} areas, {sum(a.count(",") for a in areas)} points;'
          f' lviv-alert.xml: {len(lviv_ring)} points', file=sys.stderr)


if __name__ == '__main__':
    main()
