/**
 * The HMS handbook (written routines), pure: which routines apply to an employee (unit tree), the
 * review state and reminder days, an employee's read state, the starter templates, and how a
 * routine's plain text is laid out.
 */
export {
  byReadState,
  coveredUnits,
  type RoutineScope,
  readState,
  reviewReminderDates,
  reviewState,
  routineAppliesTo,
  type UnitLink,
  unitAndAncestors,
} from './rules.ts';
export {
  isRoutineTemplateKey,
  ROUTINE_TEMPLATE_KEYS,
  ROUTINE_TEMPLATES,
  type RoutineTemplate,
  type RoutineTemplateKey,
} from './templates.ts';
export { type TextBlock, textBlocks } from './text.ts';
export {
  type ReadState,
  type ReviewState,
  ROUTINE_BODY_MAX,
  ROUTINE_CATEGORIES,
  ROUTINE_CHANGE_NOTE_MAX,
  ROUTINE_REVIEW_NOTICE_DAYS,
  ROUTINE_TITLE_MAX,
  type RoutineCategory,
} from './types.ts';
