/**
 * Approximate centres of postcode districts, as OS National Grid eastings and northings in metres,
 * compiled by hand for the synthetic borough and its placements: the default borough's own
 * districts and a spread of places children are placed in, from the neighbouring London boroughs to
 * the Home Counties and further away. These are NOT ONS (ONSPD) or Ordnance Survey figures: each is
 * a rough centre of the district, good to a kilometre or so, which is enough to tell a placement
 * 2 miles away from one 20 miles away. A council running Safeguard would load the ONS Postcode
 * Directory's grid references instead (903 PL_DISTANCE is computed from them).
 *
 * `laCode` is the DfE code of the council the district mostly lies in (a district crossing a
 * boundary is given to one council): it says whether a placement is inside the council's area.
 */
export interface PostcodeDistrictCentre {
  district: string;
  /** The council it mostly lies in, in plain English. */
  council: string;
  laCode: string;
  easting: number;
  northing: number;
}

type Row = [district: string, council: string, laCode: string, easting: number, northing: number];

const rows: Row[] = [
  // The default synthetic borough's own districts (src/simulate/borough.ts).
  ['N1', 'Islington', '206', 532000, 183800],
  ['N4', 'Islington', '206', 531500, 187200],
  ['N5', 'Islington', '206', 531900, 185600],
  ['N7', 'Islington', '206', 530700, 185500],
  ['N19', 'Islington', '206', 529600, 186900],
  ['EC1V', 'Islington', '206', 532300, 182700],
  ['EC1R', 'Islington', '206', 531300, 182300],
  ['EC1M', 'Islington', '206', 531800, 181900],
  // Neighbouring and other London boroughs.
  ['NW1', 'Camden', '202', 529000, 183300],
  ['NW5', 'Camden', '202', 528900, 185300],
  ['NW3', 'Camden', '202', 527000, 185500],
  ['WC1N', 'Camden', '202', 530400, 182000],
  ['E8', 'Hackney', '204', 534000, 184500],
  ['E5', 'Hackney', '204', 535000, 186300],
  ['E9', 'Hackney', '204', 535700, 184600],
  ['N16', 'Hackney', '204', 533500, 186300],
  ['N8', 'Haringey', '309', 530700, 189000],
  ['N15', 'Haringey', '309', 533000, 189000],
  ['N17', 'Haringey', '309', 534000, 190500],
  ['N22', 'Haringey', '309', 531000, 191000],
  ['E1', 'Tower Hamlets', '211', 534700, 181500],
  ['E3', 'Tower Hamlets', '211', 537000, 182700],
  ['E14', 'Tower Hamlets', '211', 537800, 180200],
  ['N9', 'Enfield', '308', 534500, 194000],
  ['N18', 'Enfield', '308', 534000, 192700],
  ['EN1', 'Enfield', '308', 533500, 197000],
  ['N3', 'Barnet', '302', 525300, 190500],
  ['N12', 'Barnet', '302', 526300, 192000],
  ['NW4', 'Barnet', '302', 523200, 189000],
  ['EN5', 'Barnet', '302', 524600, 196500],
  ['W2', 'Westminster', '213', 526400, 181000],
  ['SW1V', 'Westminster', '213', 529300, 178500],
  ['SW9', 'Lambeth', '208', 531000, 176200],
  ['SE11', 'Lambeth', '208', 531000, 178300],
  ['SE1', 'Southwark', '210', 532500, 179800],
  ['SE5', 'Southwark', '210', 532800, 176500],
  ['SE15', 'Southwark', '210', 534500, 176500],
  ['SE13', 'Lewisham', '209', 538000, 175000],
  ['SE6', 'Lewisham', '209', 537500, 173000],
  ['E6', 'Newham', '316', 543000, 183500],
  ['E13', 'Newham', '316', 540300, 182800],
  ['E15', 'Newham', '316', 539000, 184400],
  ['E17', 'Waltham Forest', '320', 537000, 189000],
  ['E4', 'Waltham Forest', '320', 538000, 193500],
  ['IG1', 'Redbridge', '317', 543800, 186400],
  ['RM1', 'Havering', '311', 551200, 189500],
  ['CR0', 'Croydon', '306', 532500, 165500],
  ['BR1', 'Bromley', '305', 540500, 169500],
  ['KT1', 'Kingston upon Thames', '314', 518000, 169000],
  ['TW3', 'Hounslow', '313', 513500, 175800],
  ['UB8', 'Hillingdon', '312', 506000, 183000],
  // The Home Counties and towns around London.
  ['EN8', 'Hertfordshire', '919', 535500, 201500],
  ['AL1', 'Hertfordshire', '919', 515000, 207000],
  ['WD17', 'Hertfordshire', '919', 511000, 196800],
  ['SG1', 'Hertfordshire', '919', 523500, 225000],
  ['CM20', 'Essex', '881', 545000, 210000],
  ['CM1', 'Essex', '881', 570700, 206800],
  ['CO1', 'Essex', '881', 599800, 225200],
  ['SS1', 'Southend-on-Sea', '882', 588500, 185500],
  ['DA1', 'Kent', '886', 554000, 174000],
  ['ME14', 'Kent', '886', 576000, 156500],
  ['TN1', 'Kent', '886', 558500, 139500],
  ['CT1', 'Kent', '886', 615000, 157800],
  ['CT9', 'Kent', '886', 635500, 170500],
  ['RH1', 'Surrey', '936', 528000, 150500],
  ['GU1', 'Surrey', '936', 499500, 149800],
  ['SL1', 'Slough', '871', 496500, 180000],
  ['RG1', 'Reading', '870', 471500, 173300],
  ['HP20', 'Buckinghamshire', '825', 482000, 214000],
  ['LU1', 'Luton', '821', 509000, 221000],
  ['MK9', 'Milton Keynes', '826', 485500, 239000],
  ['MK40', 'Bedford', '822', 505000, 249700],
  ['TN34', 'East Sussex', '845', 581500, 109800],
  ['BN1', 'Brighton and Hove', '846', 531000, 104500],
  // Further away in England.
  ['CB1', 'Cambridgeshire', '873', 546000, 257500],
  ['PE1', 'Peterborough', '874', 519500, 299000],
  ['IP1', 'Suffolk', '935', 616000, 245000],
  ['NR1', 'Norfolk', '926', 623300, 308300],
  ['OX1', 'Oxfordshire', '931', 451300, 206000],
  ['NN1', 'West Northamptonshire', '941', 475500, 260500],
  ['SO14', 'Southampton', '852', 442200, 111800],
  ['BS1', 'Bristol', '801', 359000, 172900],
  ['EX1', 'Devon', '878', 293000, 92500],
  ['B1', 'Birmingham', '330', 406800, 286900],
  ['CV1', 'Coventry', '331', 433500, 279000],
  ['LE1', 'Leicester', '856', 458700, 304300],
  ['NG1', 'Nottingham', '892', 457300, 340000],
  ['DE1', 'Derby', '831', 435000, 336300],
  ['ST1', 'Stoke-on-Trent', '861', 388500, 348000],
  ['LN1', 'Lincolnshire', '925', 497500, 371500],
  ['S1', 'Sheffield', '373', 435300, 387000],
  ['M1', 'Manchester', '352', 384500, 398000],
  ['L1', 'Liverpool', '341', 335000, 390000],
  ['FY1', 'Blackpool', '890', 331000, 436000],
  ['LS1', 'Leeds', '383', 430000, 433600],
  ['HU1', 'Kingston upon Hull', '810', 509800, 428700],
  ['YO1', 'York', '816', 460300, 451800],
  ['NE1', 'Newcastle upon Tyne', '391', 425000, 564000],
];

export const postcodeDistrictCentres: ReadonlyMap<string, PostcodeDistrictCentre> = new Map(
  rows.map(([district, council, laCode, easting, northing]) => [district, { district, council, laCode, easting, northing }]),
);
