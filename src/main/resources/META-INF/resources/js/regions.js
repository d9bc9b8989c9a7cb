// The regions the map drew: each one's shape on the map, its names by language, the region
// it lies in, and whether it belongs to the oblast shown in detail rather than the country.
import {lang} from './i18n.js';

/** Region code -> {path, names, parent, kind, inDetail, detail (has regions inside to show)}. */
export const regions = new Map();

/** The names a drawn path carries in its data-name-<lang> attributes. */
export function namesOf(path) {
  const names = {};
  for (const attribute of path.attributes) {
    if (attribute.name.startsWith('data-name-')) {
      names[attribute.name.substring('data-name-'.length)] = attribute.value;
    }
  }
  return names;
}

export function regionName(code) {
  const region = regions.get(code);
  if (!region) {
    return code;
  }
  return region.names[lang] || region.names.en || code;
}

/** The codes of the regions the region lies in, nearest first, as far as the map knows them. */
export function ancestorsOf(code) {
  const found = [];
  for (let at = regions.get(code)?.parent; at && !found.includes(at); at = regions.get(at)?.parent) {
    found.push(at);
  }
  return found;
}
