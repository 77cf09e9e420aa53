/**
 * The enrolment behind a WeChat user, as the permission rule needs it: one read of `trainees/<openid>`.
 * Hand-edited documents are read forgivingly: an unknown role counts as trainee, a bad group as none.
 */
import { isRole } from '../../miniprogram/contracts/people';
import { COLLECTIONS } from '../database/collections';
import { isRecord, text, wholeNumber } from '../runtime/stored-fields';
import type { Database } from '../runtime/cloud';
import type { Membership } from './principal';

/** Highest group number a document may carry (the course's groupCount is checked where it matters). */
const MAX_GROUP_NO = 99;

export function membershipOf(document: unknown): Membership | null {
  if (!isRecord(document)) return null;
  return {
    name: text(document.name),
    unit: text(document.unit),
    role: isRole(document.role) ? document.role : 'trainee',
    groupNo: wholeNumber(document.groupNo, 1, MAX_GROUP_NO),
  };
}

export function membershipLookup(db: Database): (openid: string) => Promise<Membership | null> {
  return async (openid) => {
    const result = await db.collection(COLLECTIONS.trainees).doc(openid).get();
    const rows: unknown[] = Array.isArray(result.data) ? result.data : [];
    return rows.length === 0 ? null : membershipOf(rows[0]);
  };
}
