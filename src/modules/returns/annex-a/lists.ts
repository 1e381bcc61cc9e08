/**
 * The eleven lists of Ofsted's ILACS Annex A as its workbook lays them out: a sheet a list, named
 * "List 1" to "List 11", with the column titles of Ofsted's template spelt exactly as it spells them
 * (its own inconsistencies kept — "Age" on lists 1–9 but "Age of Child (Years)" on list 10, the
 * doubled bracket of list 8's UASC column, the curly quotes of 'Missing' and 'Absent'), because
 * councils and Ofsted's own tools find the columns by those titles.
 */

/** How a column's cells are written: text, a whole number, or an Excel date shown dd/mm/yyyy. */
export type AnnexAColumnKind = 'text' | 'number' | 'date';

export interface AnnexAColumn {
  title: string;
  kind: AnnexAColumnKind;
  /** The column's width in characters, for a sheet that reads without resizing. */
  width: number;
}

export interface AnnexAList {
  /** The sheet's name: "List 1"… */
  sheet: string;
  /** What the list is of, for the note sheet. */
  about: string;
  columns: readonly AnnexAColumn[];
}

const text = (title: string, width = 18): AnnexAColumn => ({ title, kind: 'text', width });
const number = (title: string, width = 14): AnnexAColumn => ({ title, kind: 'number', width });
const date = (title: string, width = 14): AnnexAColumn => ({ title, kind: 'date', width });

/** The columns every list of children begins with (list 10 has its own order). */
const child = [text('Child Unique ID', 16), text('Gender', 12), text('Ethnicity', 26), date('Date of Birth'), number('Age', 6)];
const disability = text('Does the Child have a Disability', 14);
const allocated = [text('Allocated Team', 24), text('Allocated Worker', 22)];

export const annexALists: readonly AnnexAList[] = [
  {
    sheet: 'List 1',
    about: 'Contacts received in the 12 months',
    columns: [...child, date('Date of Contact'), text('Contact Source', 24)],
  },
  {
    sheet: 'List 2',
    about: 'Early help assessments started in the 12 months',
    columns: [...child, date('Assessment start date'), date('Assessment completion date'), text('Organisation completing assessment', 30)],
  },
  {
    sheet: 'List 3',
    about: 'Referrals received in the 12 months',
    columns: [...child, date('Date of Referral'), text('Referral Source', 24), text('Referral NFA?', 10), number('Number of Referrals in Last 12 Months'), ...allocated],
  },
  {
    sheet: 'List 4',
    about: 'Assessments open at any time in the 12 months',
    columns: [
      ...child, disability, date('Continuous Assessment Start Date'), text('Child Seen During Continuous Assessment', 12),
      date('Continuous Assessment Date of Authorisation'), text("Was the child assessed as requiring LA children's social care support?", 16), ...allocated,
    ],
  },
  {
    sheet: 'List 5',
    about: 'Section 47 enquiries begun in the 12 months, and their initial child protection conferences',
    columns: [
      ...child, disability, date('Strategy discussion initiating Section 47 Enquiry Start Date'),
      text('Was an Initial Child Protection Conference deemed unnecessary?', 14), date('Date of Initial Child Protection Conference'),
      text('Did the Initial Child Protection Conference Result in a Child Protection Plan', 14),
      number('Number of Section 47 Enquiries in the last 12 months'), number('Number of ICPCs in the last 12 months'), ...allocated,
    ],
  },
  {
    sheet: 'List 6',
    about: 'Children in need: episodes open at any time in the 12 months',
    columns: [
      ...child, disability, date('CIN Start Date'), text('Primary Need Code', 30), date('Date Child Was Last Seen'), date('CIN Closure Date'),
      text('Reason for Closure', 30), text('Case Status', 24), ...allocated,
    ],
  },
  {
    sheet: 'List 7',
    about: 'Child protection plans in force at any time in the 12 months',
    columns: [
      ...child, disability, date('Child Protection Plan Start Date'), text('Initial Category of Abuse', 20), text('Latest Category of Abuse', 20),
      date('Date of the Last Statutory Visit'), text('Was the Child Seen Alone?', 12), date('Date of latest review conference'),
      date('Child Protection Plan End Date'),
      text('Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)', 14),
      number('Number of Previous Child Protection Plans'), ...allocated,
    ],
  },
  {
    sheet: 'List 8',
    about: 'Children looked after at any time in the 12 months (periods of short breaks only are left out)',
    columns: [
      ...child, text('Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))', 12), disability,
      date('Date Started to be Looked After'), text("Child's Category of Need", 30),
      text('Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)', 14),
      date('Start date of current legal status'), text("Child's Legal Status", 30), date('Date of Latest Statutory Review'),
      date('Date of Last Social Work Visit'), text('What is the permanence plan for this child?', 26),
      date('Date of Last IRO Visit / Contact to the Child'), date('Date of Last Health Assessment'), date('Date of Last Dental Check'),
      number('Number of Placements in the Last 12 months'), date('Date Ceased to be Looked After'), text('Reason Ceased to be Looked After', 36),
      date('Start Date of Most Recent Placement'), text('Placement Type', 28), text('Placement Provider', 16), text('Placement postcode', 12),
      text('URN of Placement', 12), text('Placement Location', 10), text('LA of Placement', 18),
      number('Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months'),
      number('Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months'),
      text('Was the child offered a Return Interview after their last missing episode (Y/N)?', 12),
      text('Did the child accept a Return Interview after their last missing episode (Y/N)?', 12), ...allocated,
    ],
  },
  {
    sheet: 'List 9',
    about: 'Care leavers supported at any time in the 12 months',
    columns: [
      ...child, text('Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)', 12), disability, ...allocated,
      text('Allocated Personal Advisor', 22), text('Eligibility Category', 20), date('Latest Pathway Plan Review Date'), text('LA in Touch', 16),
      date('Latest Date of Contact'), text('Type of Accommodation', 30), text('Suitability of Accommodation', 16), text('Activity Status', 36),
    ],
  },
  {
    sheet: 'List 10',
    about: 'Children with a decision that they should be placed for adoption, open at any time in the 12 months',
    columns: [
      text('Child Unique ID', 16), text('Family identifier', 14), text('Gender', 12), text('Ethnicity', 26), date('Date of Birth'),
      number('Age of Child (Years)', 8), disability, date('Date the Child Entered Care'),
      date('Date of Decision that Child Should be Placed for Adoption'), date('Date of Placement Order'),
      date('Date of Matching Child and Prospective Adopters'), date('Date Placed for Adoption'), date('Date of Adoption Order'),
      date('Date of Decision that Child Should No Longer be Placed for Adoption'), text('Reason Why Child No Longer Placed for Adoption', 30),
      date('Date the child was placed for fostering in FFA or concurrent planning placement'),
    ],
  },
  {
    sheet: 'List 11',
    about: 'Adopters (prospective and approved) in the 12 months',
    columns: [
      text('Individual adopter identifier', 16), text('Family identifier', 14), text('Gender', 12), text('Ethnicity', 26), text('Disability', 10),
      text('Is the (prospective) adopter fostering for adoption?', 12), date('Date enquiry received'), date('Date Stage 1 started'),
      date('Date Stage 1 ended'), date('Date Stage 2 started'), date('Date Stage 2 ended'), date('Date application submitted'),
      date('Date application approved'), date('Date adopter matched with child(ren)'), date('Date child/children placed with adopter(s)'),
      number('No. of children placed', 10), date('Date of Adoption Order'), date('Date of leaving adoption process'),
      text('Reason for leaving adoption process', 24),
    ],
  },
];

/** A list's definition by its sheet name. */
export function annexAListOf(sheet: string): AnnexAList {
  const list = annexALists.find((candidate) => candidate.sheet === sheet);
  if (!list) throw new Error(`Annex A has no sheet named ${sheet}`);
  return list;
}
