/**
 * Where a placement is, measured as the SSDA903 guide does: inside or outside the council's area
 * (PL_LOCATION) and the straight-line distance in miles from the child's home postcode to the
 * placement's (PL_DISTANCE), between the grid references of the two postcodes. The record knows
 * postcodes by their district's approximate centre (postcode-districts.ts); a postcode in a district
 * it does not know gives no distance, never a guess.
 */
import { postcodeDistrictCentres, type PostcodeDistrictCentre } from './postcode-districts.ts';

const METRES_PER_MILE = 1609.344;

/** The district (outward code) of a full postcode: "EC1V 2NX" → "EC1V". Undefined when it is not a full postcode. */
export function postcodeDistrictOf(postcode: string): string | undefined {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  const match = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(compact);
  return match?.[1];
}

const centreOf = (postcode: string | undefined): PostcodeDistrictCentre | undefined => {
  const district = postcode === undefined ? undefined : postcodeDistrictOf(postcode);
  return district === undefined ? undefined : postcodeDistrictCentres.get(district);
};

/** The DfE code of the council a postcode's district mostly lies in ('202'); undefined when the district is not known. */
export function councilOfPostcode(postcode: string | undefined): string | undefined {
  return centreOf(postcode)?.laCode;
}

export interface PlacementLocation {
  /** Whether the placement is inside the council's area; undefined when its district is not known. */
  insideCouncil?: boolean;
  /** Straight-line miles to 1 decimal place; undefined unless both districts are known. */
  distanceMiles?: number;
}

/** Where the placement is, from the home postcode at entry and the placement's postcode, for the council `laCode`. */
export function placementLocationOf(laCode: string, homePostcode: string | undefined, placementPostcode: string | undefined): PlacementLocation {
  const placement = centreOf(placementPostcode);
  if (!placement) return {};
  const home = centreOf(homePostcode);
  const location: PlacementLocation = { insideCouncil: placement.laCode === laCode };
  if (home) {
    const metres = Math.hypot(placement.easting - home.easting, placement.northing - home.northing);
    location.distanceMiles = Math.round((metres / METRES_PER_MILE) * 10) / 10;
  }
  return location;
}
