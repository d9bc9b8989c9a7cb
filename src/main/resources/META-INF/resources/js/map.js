// The map of the regions, drawn from the service's SVG, and the same regions as a list:
// each region is a button that opens its panel, and shows its state by colour, pattern and
// name (never by colour alone).
import {$, element} from './dom.js';
import {lang, t} from './i18n.js';
import {showRegion} from './region-panel.js';
import {regionName, regions} from './regions.js';
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
  labelMap();
  svg.insertAdjacentHTML('afterbegin',
    '<defs><pattern id="partial-stripes" width="8" height="8" patternUnits="userSpaceOnUse"'
    + ' patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/>'
    + '<rect width="5" height="8" fill="#f0b400"/></pattern></defs>');
  for (const path of svg.querySelectorAll('path.region')) {
    const names = {};
    for (const attribute of path.attributes) {
      if (attribute.name.startsWith('data-name-')) {
        names[attribute.name.substring('data-name-'.length)] = attribute.value;
      }
    }
    const code = path.dataset.code;
    regions.set(code, {path, names, parent: path.dataset.parent});
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'button');
    path.setAttribute('aria-pressed', 'false');
    path.append(document.createElementNS('http://www.w3.org/2000/svg', 'title'));
    path.addEventListener('click', () => showRegion(code, true));
    path.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        showRegion(code, true);
      }
    });
  }
  fillRegionChoices();
}

/** The map's name for screen readers, in the reader's language. */
export function labelMap() {
  $('map').querySelector('svg')?.setAttribute('aria-label', t('mapLabel'));
}

/** The regions, sorted by name in the reader's language: as history's choices and as the list. */
export function fillRegionChoices() {
  const sorted = [...regions.keys()].sort((a, b) => regionName(a).localeCompare(regionName(b), lang));
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
    const button = element('button', null, regionName(code));
    button.type = 'button';
    button.dataset.code = code;
    button.addEventListener('click', () => showRegion(code, true));
    item.append(button);
    return item;
  }));
}

export function paintStates() {
  let active = 0;
  let partial = 0;
  for (const [code, region] of regions) {
    const state = stateOf(code);
    active += state === 'active' ? 1 : 0;
    partial += state === 'partial' ? 1 : 0;
    region.path.dataset.state = state;
    const label = `${regionName(code)}: ${t(`state.${state}`)}`;
    region.path.setAttribute('aria-label', label);
    region.path.querySelector('title').textContent = label;
  }
  for (const button of $('region-list').querySelectorAll('button')) {
    const state = stateOf(button.dataset.code);
    button.dataset.state = state;
    button.textContent = `${regionName(button.dataset.code)}: ${t(`state.${state}`)}`;
  }
  const summary = statesKnown() ? t('summary', active, partial) : t('loading');
  if ($('map-summary').textContent !== summary) {
    $('map-summary').textContent = summary;
  }
}
