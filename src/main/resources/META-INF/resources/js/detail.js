// One oblast in detail: the service draws its hromadas (Crimea: its raions) and its raions'
// outlines in the country map's own coordinates, so they are laid over the country's map and
// the map zooms to them. Its hromadas are buttons like the oblasts, listed too; their states
// are read with the rest while the oblast is shown. Back (or Escape) returns to the country.
import {$, element} from './dom.js';
import {markFresh, markStale} from './freshness.js';
import {lang, t} from './i18n.js';
import {listButton, makeButton} from './region-buttons.js';
import {closeRegion, selected, showRegion} from './region-panel.js';
import {namesOf, regionName, regions} from './regions.js';
import {showWithin, stateOf} from './status.js';

const SVG = 'http://www.w3.org/2000/svg';
const MARGIN = 0.04;      // around the oblast, of its size

let shown = null;         // {code, group}: the oblast shown in detail
let ticket = 0;           // the newest request for a detail
let onChange = () => {};

/** What to do when the detail shown changed (paint it). */
export function onDetailChange(listener) {
  onChange = listener;
}

/** The code of the oblast shown in detail, or null. */
export function drilled() {
  return shown?.code || null;
}

/** Shows this oblast in detail; resolves to whether it is shown. */
export async function drillInto(code) {
  if (shown?.code === code) {
    return true;
  }
  const mine = ++ticket;
  let text;
  try {
    const response = await fetch(`/api/v1/regions/map.svg?within=${encodeURIComponent(code)}`);
    if (!response.ok) {
      throw new Error(`detail: ${response.status}`);
    }
    text = await response.text();
  } catch (e) {
    if (mine === ticket) {
      markStale('detail');
    }
    return false;
  }
  if (mine !== ticket) {
    return false; // the reader asked for another one meanwhile
  }
  markFresh('detail');
  removeDetail();
  const drawing = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  const svg = $('map').querySelector('svg');
  const group = document.createElementNS(SVG, 'g');
  group.setAttribute('class', 'detail');
  const codes = [];
  for (const source of drawing.querySelectorAll('path')) {
    const path = document.importNode(source, true);
    const inner = path.dataset.code;
    codes.push(inner);
    regions.set(inner, {path, names: namesOf(path), parent: path.dataset.parent, kind: path.dataset.kind,
      inDetail: true, detail: false});
    if (path.classList.contains('region')) {
      makeButton(path, () => showRegion(inner, true));
    } else {
      path.setAttribute('aria-hidden', 'true'); // an outline: its state is in the list
    }
    group.append(path);
  }
  svg.append(group);
  svg.classList.add('zoomed');
  regions.get(code)?.path.classList.add('drilled');
  shown = {code, group};
  zoomTo(svg, drawing.getAttribute('viewBox'));
  fillList(codes);
  $('back').hidden = false;
  $('detail-list-box').hidden = false;
  showWithin(code, codes);
  onChange();
  return true;
}

/** Back to the whole country; focus returns to the oblast that was shown unless told otherwise. */
export function backToCountry(focus = true) {
  ticket++;
  markFresh('detail'); // a detail that could not be read is no longer wanted
  if (!shown) {
    return;
  }
  const code = shown.code;
  if (regions.get(selected)?.inDetail) {
    closeRegion();
  }
  removeDetail();
  const svg = $('map').querySelector('svg');
  svg.setAttribute('viewBox', svg.dataset.countryBox);
  svg.classList.remove('zoomed');
  stripesFor(1);
  $('back').hidden = true;
  $('detail-list-box').hidden = true;
  showWithin(null);
  onChange();
  if (focus) {
    regions.get(code)?.path.focus();
  }
}

function removeDetail() {
  if (!shown) {
    return;
  }
  for (const [code, region] of regions) {
    if (region.inDetail) {
      regions.delete(code);
    }
  }
  shown.group.remove();
  regions.get(shown.code)?.path.classList.remove('drilled');
  shown = null;
}

/** The view box around the oblast, widened to the country map's proportions so that the page keeps its layout. */
function zoomTo(svg, box) {
  const [x, y, w, h] = box.split(/\s+/).map(Number);
  const [, , countryWidth, countryHeight] = svg.dataset.countryBox.split(/\s+/).map(Number);
  const aspect = countryWidth / countryHeight;
  let width = w * (1 + 2 * MARGIN);
  let height = h * (1 + 2 * MARGIN);
  if (width / height < aspect) {
    width = height * aspect;
  } else {
    height = width / aspect;
  }
  const view = [x + w / 2 - width / 2, y + h / 2 - height / 2, width, height];
  svg.setAttribute('viewBox', view.map((n) => n.toFixed(2)).join(' '));
  stripesFor(countryWidth / width);
}

/** The stripes of "partial" keep their size on screen at any zoom. */
function stripesFor(zoom) {
  $('partial-stripes')?.setAttribute('patternTransform', `rotate(45) scale(${(1 / zoom).toFixed(4)})`);
}

/** The oblast's raions, each with its hromadas, as a list (Crimea's raions stand alone). */
function fillList(codes) {
  const byName = (a, b) => regionName(a).localeCompare(regionName(b), lang);
  const raions = codes.filter((code) => regions.get(code).kind === 'raion').sort(byName);
  $('detail-list').replaceChildren(...raions.map((raion) => {
    const item = element('li');
    item.append(listButton(raion, () => showRegion(raion, true)));
    const hromadas = codes.filter((code) => regions.get(code).parent === raion).sort(byName);
    if (hromadas.length > 0) {
      const inner = element('ul');
      inner.append(...hromadas.map((hromada) => {
        const line = element('li');
        line.append(listButton(hromada, () => showRegion(hromada, true)));
        return line;
      }));
      item.append(inner);
    }
    return item;
  }));
}

/** Marks the region found for the reader (a point's hromada); null clears the mark. */
export function markFound(code) {
  for (const path of $('map').querySelectorAll('[data-found]')) {
    path.removeAttribute('data-found');
  }
  regions.get(code)?.path.setAttribute('data-found', 'true');
}

/** The detail's summary in the reader's language, after the states were read again. */
export function paintDetail() {
  const summary = $('detail-summary');
  if (!shown) {
    summary.textContent = '';
    return;
  }
  // Raions under alert are drawn last, over the outlines of their neighbours.
  for (const path of shown.group.querySelectorAll('.raion:not([data-state="none"])')) {
    shown.group.append(path);
  }
  const chosen = [...regions.entries()].filter(([, r]) => r.inDetail && r.path.classList.contains('region'));
  const active = chosen.filter(([code]) => stateOf(code) === 'active').length;
  const partial = chosen.filter(([code]) => stateOf(code) === 'partial').length;
  const text = chosen.some(([code]) => stateOf(code) === 'unknown') ? t('loading')
    : t('detailSummary', regionName(shown.code), active, partial);
  if (summary.textContent !== text) {
    summary.textContent = text;
  }
  $('detail-list-summary').textContent = t('detailAsList', regionName(shown.code));
}
