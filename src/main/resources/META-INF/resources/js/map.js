// The map of the regions, drawn from the service's SVG, and the same regions as a list:
// each region is a button that opens its panel (an oblast also opens in detail), and shows
// its state by colour, pattern and name (never by colour alone).
import {drillInto, paintDetail} from './detail.js';
import {$, element} from './dom.js';
import {lang, t} from './i18n.js';
import {listButton, makeButton} from './region-buttons.js';
import {showRegion} from './region-panel.js';
import {namesOf, regionName, regions} from './regions.js';
import {stateOf, statesKnown} from './status.js';

export async function loadMap() {
  const response = await fetch('/api/v1/regions/map.svg');
  if (!response.ok) {
    throw new Error(`map: ${response.status}`);
  }
  const host = $('map');
  host.innerHTML = await response.text();
  const svg = host.querySelector('svg');
  svg.setAttribute('role', 'group');
  svg.dataset.countryBox = svg.getAttribute('viewBox');
  labelMap();
  svg.insertAdjacentHTML('afterbegin',
    '<defs><pattern id="partial-stripes" width="8" height="8" patternUnits="userSpaceOnUse"'
    + ' patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/>'
    + '<rect width="5" height="8" fill="#f0b400"/></pattern></defs>');
  for (const path of svg.querySelectorAll('path.region')) {
    const code = path.dataset.code;
    regions.set(code, {path, names: namesOf(path), parent: path.dataset.parent, kind: path.dataset.kind,
      inDetail: false, detail: path.dataset.detail === 'true'});
    makeButton(path, () => chooseRegion(code));
  }
  fillRegionChoices();
}

/** The reader chose a region: its panel opens, and an oblast also opens in detail. */
export function chooseRegion(code) {
  if (regions.get(code)?.detail) {
    drillInto(code);
  }
  showRegion(code, true);
}

/** The map's name for screen readers, in the reader's language. */
export function labelMap() {
  $('map').querySelector('svg')?.setAttribute('aria-label', t('mapLabel'));
}

function countryCodes() {
  return [...regions.keys()].filter((code) => !regions.get(code).inDetail);
}

/** The country's regions, sorted by name in the reader's language: as history's choices and as the list. */
export function fillRegionChoices() {
  const sorted = countryCodes().sort((a, b) => regionName(a).localeCompare(regionName(b), lang));
  const select = $('h-region');
  const chosen = select.value;
  select.replaceChildren(select.options[0], ...sorted.map((code) => {
    const option = element('option', null, regionName(code));
    option.value = code;
    return option;
  }));
  select.value = chosen;
  $('region-list').replaceChildren(...sorted.map((code) => {
    const item = element('li');
    item.append(listButton(code, () => chooseRegion(code)));
    return item;
  }));
}

export function paintStates() {
  for (const [code, region] of regions) {
    const state = stateOf(code);
    region.path.dataset.state = state;
    const label = `${regionName(code)}: ${t(`state.${state}`)}`;
    region.path.setAttribute('aria-label', label);
    region.path.querySelector('title')?.replaceChildren(label);
  }
  for (const button of document.querySelectorAll('.region-list button[data-code]')) {
    const state = stateOf(button.dataset.code);
    button.dataset.state = state;
    button.textContent = `${regionName(button.dataset.code)}: ${t(`state.${state}`)}`;
  }
  const codes = countryCodes();
  const active = codes.filter((code) => stateOf(code) === 'active').length;
  const partial = codes.filter((code) => stateOf(code) === 'partial').length;
  const summary = statesKnown() ? t('summary', active, partial) : t('loading');
  if ($('map-summary').textContent !== summary) {
    $('map-summary').textContent = summary;
  }
  paintDetail();
}
