/** An assignment's place in words, on both shapes of the locality hierarchy. */
import { describe, expect, it } from 'vitest';
import { placeOf, type PlaceRow } from '../src/features/localities/place.ts';

const row = (r: Partial<PlaceRow>): PlaceRow => ({
  locality_level: null,
  locality_name: null,
  parent_name: null,
  unit_group: null,
  unit_name: null,
  unit_tier: null,
  ...r,
});

describe('placeOf', () => {
  it('names hamlet, commune and district under a district unit', () => {
    expect(
      placeOf(
        row({
          locality_level: 'hamlet',
          locality_name: 'Ấp Mỹ Phước',
          parent_name: 'Xã Mỹ Hương',
          unit_group: 'district',
          unit_name: 'Huyện Mỹ Tú',
          unit_tier: 'district',
        }),
      ),
    ).toEqual({ hamlet: 'Ấp Mỹ Phước', commune: 'Xã Mỹ Hương', district: 'Huyện Mỹ Tú' });
  });

  it('takes the commune from a commune-level unit for a village directly under it (two tiers, no district)', () => {
    expect(
      placeOf(
        row({
          locality_level: 'hamlet',
          locality_name: 'Khóm 1',
          unit_group: 'ward',
          unit_name: 'Phường Phú Lợi',
          unit_tier: 'commune',
        }),
      ),
    ).toEqual({ hamlet: 'Khóm 1', commune: 'Phường Phú Lợi', district: null });
    expect(placeOf(row({ unit_group: 'commune', unit_name: 'Xã Long Hưng', unit_tier: 'commune' }))).toEqual({
      hamlet: null,
      commune: 'Xã Long Hưng',
      district: null,
    });
  });

  it('names nothing local for a province-level agency', () => {
    expect(placeOf(row({ unit_group: 'department', unit_name: 'Sở Tư pháp', unit_tier: 'province' }))).toEqual({
      hamlet: null,
      commune: null,
      district: null,
    });
  });
});
