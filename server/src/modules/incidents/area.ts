import type { AreaLevel } from '../../../../contracts/incidents.js';
import { addressRules as rules } from './address-rules.js';

// Pure: a complaint's location in, the normalised area out (see address-rules.ts for the reading).

export interface LocationInput {
  city?: string | null;
  district?: string | null;
  compound?: string | null;
  address?: string | null;
  cellId?: string | null;
}

export interface NormalisedAddress {
  city: string | null;
  district: string | null;
  compound: string | null;
  cellId: string | null;
}

export interface Area {
  key: string;
  label: string;
}

const clean = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(rules.punctuation, '');
const knownDistricts = Object.keys(rules.districts).sort((a, b) => b.length - a.length);
const knownCities = [...new Set([...rules.cities, ...Object.values(rules.districts)])].sort((a, b) => b.length - a.length);
const suffixes = [...rules.districtSuffixes].sort((a, b) => b.length - a.length);

function dropProvince(text: string): string {
  for (const suffix of rules.provinceSuffixes) {
    const m = new RegExp(`^[\\u4e00-\\u9fa5]{2,3}?${suffix}`).exec(text);
    if (m) return text.slice(m[0].length);
  }
  return text;
}

function takeCity(text: string): { city: string | null; rest: string } {
  for (const c of knownCities) if (text.startsWith(c)) return { city: c, rest: text.slice(c.length).replace(/^市/, '') };
  const m = /^([\u4e00-\u9fa5]{2,3}?)市/.exec(text);
  return m ? { city: m[1]!, rest: text.slice(m[0].length) } : { city: null, rest: text };
}

function takeSuffix(text: string): string {
  for (const s of suffixes) if (text.startsWith(s)) return text.slice(s.length);
  return text;
}

function takeDistrict(text: string): { district: string | null; rest: string } {
  for (const d of knownDistricts) if (text.startsWith(d)) return { district: d, rest: takeSuffix(text.slice(d.length)) };
  for (const s of suffixes) {
    const m = new RegExp(`^([\\u4e00-\\u9fa5]{2,3}?)${s}(?=.)`).exec(text);
    if (m && !rules.notDistrictEndings.some((e) => m[1]!.endsWith(e))) return { district: m[1]!, rest: text.slice(m[0].length) };
  }
  return { district: null, rest: text };
}

function compoundOf(text: string): string | null {
  let c = text.replace(rules.buildingMarker, '');
  for (const s of rules.droppedCompoundSuffixes) if (c.endsWith(s) && c.length - s.length >= 2) c = c.slice(0, -s.length);
  return c.length > 0 ? c : null;
}

export function normaliseAddress(loc: LocationInput): NormalisedAddress {
  let city: string | null = null;
  let district: string | null = null;
  if (loc.city) city = takeCity(dropProvince(clean(loc.city))).city ?? clean(loc.city).replace(/市$/, '');
  if (loc.district) {
    const d = takeDistrict(clean(loc.district) + '_');
    district = d.district ?? clean(loc.district);
  }
  let text = dropProvince(clean(loc.compound || loc.address));
  const c = takeCity(text);
  if (c.city) {
    city ??= c.city;
    text = c.rest;
  }
  const d = takeDistrict(text);
  if (d.district && (!district || d.district === district)) {
    district ??= d.district;
    text = d.rest;
  }
  if (district && !city) city = rules.districts[district] ?? null;
  return { city, district, compound: compoundOf(text), cellId: loc.cellId ? loc.cellId.normalize('NFKC').trim().toUpperCase() : null };
}

/** The area a rule at this level counts the complaint in; null when the location says too little. */
export function areaOf(loc: LocationInput, level: AreaLevel): Area | null {
  const a = normaliseAddress(loc);
  const cell = a.cellId ? { key: `cell:${a.cellId}`, label: `cell ${a.cellId}` } : null;
  if (level === 'cell') return cell;
  if (level === 'district') return a.district ? { key: `${a.city ?? ''}/${a.district}`, label: `${a.city ?? ''}${a.district}` } : null;
  if (a.compound)
    return { key: `${a.city ?? ''}/${a.district ?? ''}/${a.compound}`, label: `${a.city ?? ''}${a.district ?? ''}${a.compound}` };
  return cell;
}
