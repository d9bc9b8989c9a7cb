// "Where I am" for notifications: the browser's position to the smallest region it lies in
// (a hromada; Kyiv; a raion of Crimea), found here in the browser from the regions'
// boundaries, so that the position itself never leaves it: only the region's code is sent.
// The regions' centres say which outlines to read first; an outline is read only when needed.
import {getJson} from './api.js';

const TOP_KINDS = ['city', 'oblast', 'autonomous-republic'];
const AT_ONCE = 4;        // outlines asked for together
// The region holding a point is among the few whose centres are nearest; a point outside the
// country (or in a gap between simplified outlines) is not worth reading dozens of outlines.
const TOPS_TRIED = 8;
const SMALLEST_TRIED = 16;

/**
 * The browser's position as {lat, lon}; rejects with an Error whose `reason` is
 * 'geo-unsupported', 'geo-denied', 'geo-unavailable' or 'geo-timeout'.
 */
export function position() {
  return new Promise((resolve, reject) => {
    const failed = (reason) => {
      const error = new Error(reason);
      error.reason = `geo-${reason}`;
      reject(error);
    };
    if (!('geolocation' in navigator)) {
      failed('unsupported');
      return;
    }
    // A position some minutes old does: a hromada is kilometres wide.
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({lat: p.coords.latitude, lon: p.coords.longitude}),
      (e) => failed(e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable'),
      {enableHighAccuracy: false, timeout: 30000, maximumAge: 10 * 60000});
  });
}

/**
 * The smallest region of this country at the point, as the service lists it ({code, kind,
 * names, parents, ...}), or null when none of its regions holds the point.
 */
export async function regionAt(point, country) {
  const tops = (await Promise.all(TOP_KINDS.map((kind) =>
    getJson(`/api/v1/regions?country=${encodeURIComponent(country)}&kind=${kind}`)))).flat();
  // A city's outline may lie inside its oblast's: cities are tried first.
  const byDistance = nearestFirst(tops, point);
  const top = await firstHolding([...byDistance.filter((r) => r.kind === 'city'),
    ...byDistance.filter((r) => r.kind !== 'city')].slice(0, TOPS_TRIED), point);
  if (!top) {
    return null;
  }
  if (!top.children || top.children.length === 0) {
    return top;
  }
  const inside = await getJson(`/api/v1/regions?within=${encodeURIComponent(top.code)}`);
  const parents = new Set(inside.map((r) => r.parent));
  const smallest = inside.filter((r) => !parents.has(r.code));
  return await firstHolding(nearestFirst(smallest, point).slice(0, SMALLEST_TRIED), point) || top;
}

function nearestFirst(candidates, point) {
  const squeeze = Math.cos(point.lat * Math.PI / 180);
  const distance = (r) => r.centre
    ? ((r.centre.lon - point.lon) * squeeze) ** 2 + (r.centre.lat - point.lat) ** 2 : Infinity;
  return candidates.slice().sort((a, b) => distance(a) - distance(b));
}

/** The first of the candidates whose boundary holds the point, read a few at a time; its detail, or null. */
async function firstHolding(candidates, point) {
  for (let i = 0; i < candidates.length; i += AT_ONCE) {
    const details = await Promise.all(candidates.slice(i, i + AT_ONCE).map((r) =>
      getJson(`/api/v1/regions/${encodeURIComponent(r.code)}`)));
    const found = details.find((d) => holds(d.boundary, point));
    if (found) {
      return found;
    }
  }
  return null;
}

/** Whether a GeoJSON Polygon or MultiPolygon holds the point (longitude, latitude). */
export function holds(geometry, point) {
  if (!geometry) {
    return false;
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  // Inside a polygon: inside an odd number of its rings (its outline, not a hole in it).
  return polygons.some((rings) => rings.filter((ring) => inRing(ring, point.lon, point.lat)).length % 2 === 1);
}

/** Ray casting: a ray eastwards from the point crosses the ring's edges an odd number of times. */
function inRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}
