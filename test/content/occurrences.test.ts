import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/content/model.js';
import { occurrencesBetween } from '../../src/content/occurrences.js';
import { distanceKm, hoursOn, nearestPlaces } from '../../src/content/places.js';
import { fromWallTime, wallTime } from '../../src/content/time.js';
import { demoRegion } from '../intents/helpers.js';

function event(overrides: Partial<Event>): Event {
  return {
    id: 'e', language: 'de', title: 'Café', html: '', text: { blocks: [], sentences: [], links: [] }, lastUpdated: null, url: null, translations: {},
    start: '2026-10-07T15:00:00+02:00', end: '2026-10-07T17:00:00+02:00', allDay: false, timezone: 'Europe/Berlin', recurrence: null, locationPoiId: null, locationText: null,
    ...overrides,
  };
}

describe('occurrencesBetween', () => {
  it('keeps a weekly event at its local time across the end of daylight saving time', () => {
    const weekly = event({ recurrence: 'FREQ=WEEKLY;BYDAY=WE' });
    const found = occurrencesBetween([weekly], new Date('2026-10-20T00:00:00Z'), new Date('2026-11-05T00:00:00Z'));
    expect(found.map((occurrence) => occurrence.start.toISOString())).toEqual(['2026-10-21T13:00:00.000Z', '2026-10-28T14:00:00.000Z', '2026-11-04T14:00:00.000Z']);
    expect(found.every((occurrence) => occurrence.end.getTime() - occurrence.start.getTime() === 2 * 3_600_000)).toBe(true);
  });

  it('expands monthly rules and respects UNTIL', () => {
    const monthly = event({ recurrence: 'FREQ=MONTHLY;BYDAY=1SA;UNTIL=20261231T235959Z' });
    const found = occurrencesBetween([monthly], new Date('2026-10-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z'));
    expect(found.map((occurrence) => wallTime(occurrence.start, 'Europe/Berlin').day)).toEqual([7, 5]); // 3 October is before the first date
  });

  it('includes one-off events that overlap the window and skips broken rules', () => {
    const oneOff = event({ id: 'a', start: '2026-11-22T10:00:00+01:00', end: '2026-11-22T12:00:00+01:00' });
    const broken = event({ id: 'b', recurrence: 'FREQ=SOMETIMES' });
    const found = occurrencesBetween([oneOff, broken], new Date('2026-11-22T11:00:00+01:00'), new Date('2026-11-23T00:00:00Z'));
    expect(found.map((occurrence) => occurrence.event.id)).toEqual(['a']);
  });
});

describe('wall time', () => {
  it('round-trips local times in both seasons', () => {
    expect(fromWallTime(2026, 7, 1, 15, 0, 'Europe/Berlin').toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(fromWallTime(2026, 12, 1, 15, 0, 'Europe/Berlin').toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(wallTime(new Date('2026-11-21T11:00:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 12, weekday: 5 });
  });
});

describe('places', () => {
  it('measures distances on the globe', () => {
    expect(distanceKm({ lat: 48.1372, lon: 11.5756 }, { lat: 48.3705, lon: 10.8978 })).toBeCloseTo(56.3, 0);
  });

  it('sorts places by distance and reads today’s opening hours (Monday first)', () => {
    const pois = demoRegion().pois.filter((poi) => poi.language === 'de');
    const [nearest] = nearestPlaces(pois, pois[0]!.coordinates!, 3);
    expect(nearest!.poi.id).toBe(pois[0]!.id);
    expect(nearest!.distanceKm).toBe(0);
    const saturday = new Date('2026-11-21T11:00:00Z');
    expect(hoursOn(pois[0]!, saturday)).toEqual(pois[0]!.openingHours![5]);
  });
});
