// The regions the map drew: each one's shape on the map, its names by language and the
// region it lies in.
import {lang} from './i18n.js';

/** Region code -> {path, names, parent}. */
export const regions = new Map();

export function regionName(code) {
  const region = regions.get(code);
  if (!region) {
    return code;
  }
  return region.names[lang] || region.names.en || code;
}
