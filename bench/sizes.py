#!/usr/bin/env python3
"""What the live map costs to download, from a running service: publishes the two alerts of
the region benchmarks (bench/kyiv-oblast-hromadas.xml, bench/lviv-alert.xml) so that regions
are under alert, then measures each response raw and gzipped (gzip level 6, or as sent when
the service compresses it itself):

- the status at hromada level in its compact form and the map of one oblast's raions and
  hromadas (a 4xx is reported as "not available"),
- the whole page as a browser opening it loads it: GET /, its stylesheets and scripts, every
  module they import, the files their stylesheets name, and the fixed /api/ addresses the
  modules fetch (the live stream, which never ends, is left out).

Prints one line per response and a last line "result ..." for bench/sizes.sh.

    python3 bench/sizes.py <base-url> <admin-key>
"""
import datetime
import gzip
import json
import re
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

NAMED = {
    'status': '/api/v1/status?level=hromada&format=compact',
    'map': '/api/v1/regions/map.svg?within=UA-46',
}
STREAM = '/api/v1/alerts/stream'
IMPORT = re.compile(r'''(?:\bimport|\bexport)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]''')
API_LITERAL = re.compile(r'''['"`](/api/[^'"`$]*)['"`]''')
CSS_URL = re.compile(r'''url\(\s*['"]?([^'")]+)['"]?\s*\)''')


class PageReferences(HTMLParser):
    """The stylesheets, scripts, preloads and images a page names."""

    LOADED_LINKS = {'stylesheet', 'modulepreload', 'preload'}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'link' and attrs.get('href') and self.LOADED_LINKS & set((attrs.get('rel') or '').split()):
            self.found.append(attrs['href'])
        elif tag in ('script', 'img') and attrs.get('src'):
            self.found.append(attrs['src'])


def get(url):
    """(status, raw size, gzip size, body, content type); a 4xx gives its status and no sizes."""
    request = urllib.request.Request(url, headers={'Accept-Encoding': 'gzip'})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            wire = response.read()
            kind = response.headers.get('Content-Type', '')
            if response.headers.get('Content-Encoding') == 'gzip':
                body = gzip.decompress(wire)
                return response.status, len(body), len(wire), body, kind
            return response.status, len(wire), len(gzip.compress(wire, 6)), wire, kind
    except urllib.error.HTTPError as e:
        if 400 <= e.code < 500:
            return e.code, None, None, b'', ''
        raise


def post(url, body, key, kind):
    request = urllib.request.Request(url, data=body, method='POST', headers={
        'Authorization': 'Bearer ' + key, 'Content-Type': kind})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def publish_alerts(base, admin):
    secret = post(base + '/api/v1/api-keys', json.dumps({
        'name': 'sizes', 'holder': 'sizes', 'roles': ['publisher'], 'senders': ['*']}).encode(),
        admin, 'application/json')['secret']
    now = datetime.datetime.now(datetime.timezone.utc)
    for name in ('kyiv-oblast-hromadas', 'lviv-alert'):
        xml = (Path('bench') / (name + '.xml')).read_text(encoding='utf-8')
        xml = (xml.replace('IDENTIFIER', 'sizes-' + name + now.strftime('-%Y%m%d%H%M%S'))
               .replace('SENT', now.strftime('%Y-%m-%dT%H:%M:%S-00:00'))
               .replace('EXPIRES', (now + datetime.timedelta(hours=12)).strftime('%Y-%m-%dT%H:%M:%S-00:00')))
        regions = post(base + '/api/v1/alerts', xml.encode(), secret, 'application/cap+xml').get('regions', [])
        print(f'published {name}.xml: {len(regions)} regions')


def page(base):
    """Every response the page loads when it opens: url -> (raw, gzip)."""
    loaded = {}
    queue = ['/']
    while queue:
        url = queue.pop(0)
        if url in loaded or url.startswith(STREAM):
            continue
        status, raw, zipped, body, kind = get(base + url)
        loaded[url] = (raw, zipped) if raw is not None else None
        if raw is None:
            continue
        text = body.decode('utf-8', 'replace')
        if 'html' in kind:
            parser = PageReferences()
            parser.feed(text)
            refs = parser.found
        elif 'javascript' in kind or url.endswith('.js'):
            refs = [a or b for a, b in IMPORT.findall(text)] + API_LITERAL.findall(text)
        elif 'css' in kind:
            refs = CSS_URL.findall(text)
        else:
            refs = []
        for ref in refs:
            if ref.startswith('data:'):
                continue
            target = urlparse(urljoin(base + url, ref))
            queue.append(target.path + ('?' + target.query if target.query else ''))
    return loaded


def size(raw, zipped):
    return f'{raw:>10,} B raw {zipped:>9,} B gzip'


def main():
    base, admin = sys.argv[1].rstrip('/'), sys.argv[2]
    publish_alerts(base, admin)
    result = {}
    for name, url in NAMED.items():
        status, raw, zipped, _, _ = get(base + url)
        print(f'GET {url:<48} ' + (size(raw, zipped) if raw is not None else f'not available ({status})'))
        result[name] = zipped if raw is not None else 'n/a'
    loaded = page(base)
    total_raw = total_zipped = 0
    for url, sizes in loaded.items():
        print(f'  page: GET {url:<42} ' + (size(*sizes) if sizes else 'not available'))
        if sizes:
            total_raw += sizes[0]
            total_zipped += sizes[1]
    print(f'page: {len(loaded)} responses, {size(total_raw, total_zipped)}')
    # The active alerts, their areas' polygons included, can outweigh all the rest.
    alerts = [s for url, s in loaded.items() if s and url.startswith('/api/v1/alerts')]
    alerts_zipped = sum(s[1] for s in alerts)
    print(f'page without the active alerts: {size(total_raw - sum(s[0] for s in alerts), total_zipped - alerts_zipped)}')
    result['page'] = total_zipped
    result['page-raw'] = total_raw
    result['page-without-alerts'] = total_zipped - alerts_zipped
    print('result ' + ' '.join(f'{k}={v}' for k, v in result.items()))


if __name__ == '__main__':
    main()
