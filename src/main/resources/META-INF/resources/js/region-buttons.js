// A region as something to choose: a drawn path as a keyboard button, or a button in a list.
// Their names and states are written by the map's painting.
import {element} from './dom.js';
import {regionName} from './regions.js';

/** A drawn region as a keyboard button (Enter or Space chooses it), titled for pointers. */
export function makeButton(path, choose) {
  path.setAttribute('tabindex', '0');
  path.setAttribute('role', 'button');
  path.setAttribute('aria-pressed', 'false');
  path.append(document.createElementNS('http://www.w3.org/2000/svg', 'title'));
  path.addEventListener('click', choose);
  path.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose();
    }
  });
}

/** A list button for a region. */
export function listButton(code, choose) {
  const button = element('button', null, regionName(code));
  button.type = 'button';
  button.dataset.code = code;
  button.addEventListener('click', choose);
  return button;
}
