/**
 * How the enumerator app names an assignment: where to go (hamlet and commune when the assignment
 * has a locality, else the unit) and, below it, the unit with its code. Two assignments of one unit
 * in different hamlets therefore never read the same.
 */
import type { EnumeratorAssignment } from '@hailong/contracts';

export function placeTitle(a: Pick<EnumeratorAssignment, 'place' | 'unitName'>): string {
  const local = [a.place?.hamlet, a.place?.commune].filter((x): x is string => !!x);
  return local.length > 0 ? local.join(', ') : a.unitName;
}

export function unitLine(a: Pick<EnumeratorAssignment, 'unitCode' | 'unitName'>): string {
  return `${a.unitCode} — ${a.unitName}`;
}

/** One line for lists and messages: "Ấp Mỹ Phước, Xã Mỹ Hương (ST34)". */
export function assignmentLabel(a: Pick<EnumeratorAssignment, 'place' | 'unitName' | 'unitCode'>): string {
  return `${placeTitle(a)} (${a.unitCode})`;
}
