import type { DayHours, GeoPoint, Poi } from './model.js';
import { wallTime } from './time.js';

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in kilometres. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NearbyPlace {
  poi: Poi;
  distanceKm: number;
}

/** Places with coordinates, nearest first. */
export function nearestPlaces(pois: readonly Poi[], from: GeoPoint, limit = 5, accept: (poi: Poi) => boolean = () => true): NearbyPlace[] {
  return pois
    .filter((poi) => poi.coordinates !== null && accept(poi))
    .map((poi) => ({ poi, distanceKm: distanceKm(from, poi.coordinates!) }))
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, limit);
}

/** A place's hours for the day `now` falls on in `timeZone`; null when unknown. */
export function hoursOn(poi: Poi, now: Date, timeZone = 'Europe/Berlin'): DayHours | null {
  return poi.openingHours?.[wallTime(now, timeZone).weekday] ?? null;
}
