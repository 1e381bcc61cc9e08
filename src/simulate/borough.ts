import type { ethnicityCodes } from '../codes/statutory-codes.ts';

type Ethnicity = keyof typeof ethnicityCodes;

/**
 * The shape of a borough: how many children, their ethnic mix, and how strongly each group is
 * drawn into children's services. The default is shaped on Islington as its partnership's annual
 * report describes it (about 38,300 children aged 0–17, 54.4% from the global majority, White
 * British 25% of the child population) with a Census-2021-like mix. These are approximations
 * for a synthetic borough, not published statistics.
 */
export interface BoroughProfile {
  laCode: string;
  name: string;
  children: number;
  /** Share of the 0–17 population by DfE ethnicity code (sums to 1). */
  ethnicMix: Partial<Record<Ethnicity, number>>;
  /**
   * How much more or less often families of each group come to the front door than the average,
   * so the service shows the over- and under-representation the reports describe.
   */
  contactRateByEthnicity: Partial<Record<Ethnicity, number>>;
  /** Chance that a child's ethnicity is recorded as not yet obtained at first contact. */
  ethnicityNotRecorded: number;
  /** Postcode districts for addresses. */
  postcodeDistricts: string[];
}

export const islingtonShapedBorough: BoroughProfile = {
  laCode: '206',
  name: 'Default borough (Islington-shaped)',
  children: 38_300,
  ethnicMix: {
    WBRI: 0.25, WIRI: 0.012, WIRT: 0.003, WOTH: 0.185, WROM: 0.006,
    MWBC: 0.035, MWBA: 0.022, MWAS: 0.028, MOTH: 0.055,
    AIND: 0.013, APKN: 0.005, ABAN: 0.052, AOTH: 0.02,
    BCRB: 0.04, BAFR: 0.12, BOTH: 0.03,
    CHNE: 0.01, OOTH: 0.114,
  },
  contactRateByEthnicity: {
    WBRI: 1.25, WIRI: 0.9, WIRT: 1.8, WOTH: 0.65, WROM: 1.6,
    MWBC: 1.7, MWBA: 1.3, MWAS: 0.9, MOTH: 1.5,
    AIND: 0.5, APKN: 0.7, ABAN: 0.6, AOTH: 0.7,
    BCRB: 1.75, BAFR: 0.95, BOTH: 1.3,
    CHNE: 0.35, OOTH: 0.85,
  },
  ethnicityNotRecorded: 0.07,
  postcodeDistricts: ['N1', 'N4', 'N5', 'N7', 'N19', 'EC1V', 'EC1R', 'EC1M'],
};

/** A smaller or larger borough of the same shape, e.g. for tests or another council. */
export function boroughOfSize(base: BoroughProfile, children: number, laCode = base.laCode, name = base.name): BoroughProfile {
  return { ...base, children, laCode, name };
}
