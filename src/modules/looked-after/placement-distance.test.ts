import { describe, expect, it } from 'vitest';
import { placementLocationOf, postcodeDistrictOf } from './placement-distance.ts';
import { postcodeDistrictCentres } from './postcode-districts.ts';

describe('where a placement is, from the postcodes', () => {
  it('reads the district of a full postcode, written any way', () => {
    expect(postcodeDistrictOf('EC1V 2NX')).toBe('EC1V');
    expect(postcodeDistrictOf('n19 3aa')).toBe('N19');
    expect(postcodeDistrictOf('ME141AA')).toBe('ME14');
    expect(postcodeDistrictOf('N1')).toBeUndefined();
  });

  it('measures straight-line miles between district centres, to one decimal place', () => {
    // N1 (532000, 183800) to B1 (406800, 286900): 125.2 km west, 103.1 km north, 162.2 km.
    expect(placementLocationOf('206', 'N1 1AA', 'B1 1AA')).toEqual({ insideCouncil: false, distanceMiles: 100.8 });
    expect(placementLocationOf('206', 'N1 1AA', 'N1 9ZZ')).toEqual({ insideCouncil: true, distanceMiles: 0 });
  });

  it('gives no distance when either district is not known, and never a guess', () => {
    expect(placementLocationOf('206', 'ZE1 0AA', 'N7 8AB')).toEqual({ insideCouncil: true });
    expect(placementLocationOf('206', 'N1 1AA', 'ZE1 0AA')).toEqual({});
    expect(placementLocationOf('206', undefined, 'ME14 1AA')).toEqual({ insideCouncil: false });
  });

  it('knows every district of the default borough, and places from neighbouring boroughs to the far north', () => {
    for (const district of ['N1', 'N4', 'N5', 'N7', 'N19', 'EC1V', 'EC1R', 'EC1M']) expect(postcodeDistrictCentres.get(district)?.laCode).toBe('206');
    expect(postcodeDistrictCentres.size).toBeGreaterThanOrEqual(80);
    const miles = [...postcodeDistrictCentres.keys()].map((district) => placementLocationOf('206', 'N1 1AA', `${district} 1AA`).distanceMiles!);
    expect(miles.filter((m) => m > 20).length).toBeGreaterThan(30);
    expect(Math.max(...miles)).toBeGreaterThan(200);
  });
});
