/**
 * Children looked after (Children Act 1989 s20–s22, Part IV; Care Planning, Placement and Case
 * Review (England) Regulations 2010): each period of care as SSDA903 counts it.
 */
export * from './codes.ts';
export * from './state.ts';
export * from './simulated-care.ts';
