/**
 * One stored version of the oppfølgingsplan per editing session (product default; the plan itself is
 * aml § 4-6 (2)). Autosave writes every few seconds; storing each save made a plan reach version 10
 * in a few edits, which makes the history and «what changed» useless. A save *replaces* the latest
 * version instead of adding one when all of these hold:
 * - the plan is a draft (`utkast`): a version sent for approval, approved or sent on stays as it was;
 * - the latest version is not the empty draft made at creation (number 1);
 * - the same user saved the latest version, and made the plan's last write, less than
 *   `PLAN_SESSION_MINUTES` ago (a sliding window: a session lasts while the user keeps typing);
 * - the latest version was never approved nor sent to anyone.
 * Pure: `now` is a parameter.
 */
export const PLAN_SESSION_MINUTES = 30;

export type LatestSave = {
  status: string;
  contentVersion: number;
  versionSavedBy: string;
  lastWriteBy: string | null;
  lastWriteAt: Date;
  approvedVersion: number | null;
  sentVersions: readonly number[];
};

export function continuesEditingSession(latest: LatestSave, userId: string, now: Date): boolean {
  if (latest.status !== 'utkast') return false;
  if (latest.contentVersion <= 1) return false;
  if (latest.versionSavedBy !== userId || latest.lastWriteBy !== userId) return false;
  if (latest.approvedVersion === latest.contentVersion) return false;
  if (latest.sentVersions.includes(latest.contentVersion)) return false;
  const age = now.getTime() - latest.lastWriteAt.getTime();
  return age >= 0 && age < PLAN_SESSION_MINUTES * 60_000;
}
