/**
 * Form errors in one place: field errors (shown next to the field and in the error summary),
 * and the API's `fields` mapped onto the form's own fields.
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.ts';

/** Field key (the API path, e.g. `admin.email`) → message. */
export type FieldErrors = Record<string, string>;

/** The DOM id of a field, from its key (`admin.email` → `felt-admin-email`). */
export function fieldId(key: string): string {
  return `felt-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Focus the first field with an error, in the order of the form. */
export function focusFirstError(keys: readonly string[], fields: FieldErrors): void {
  const first = keys.find((k) => fields[k]);
  if (first) document.getElementById(fieldId(first))?.focus();
}

export type FormErrorState = {
  fields: FieldErrors;
  /** A message that belongs to no single field (shown as an alert above the form). */
  general: string | null;
  /** The error, when it came from the API (e.g. to react to its code). */
  apiError: ApiError | null;
  /** Bumped every time errors are set, so the summary can take focus again. */
  attempt: number;
};

const empty: FormErrorState = { fields: {}, general: null, apiError: null, attempt: 0 };

/**
 * Maps an API error onto the form: fields whose path (or its last part) matches a known key go next
 * to that field; anything else becomes the general message.
 */
export function mapApiError(error: unknown, knownKeys: readonly string[]): Omit<FormErrorState, 'attempt'> {
  if (!(error instanceof ApiError)) {
    return { fields: {}, general: error instanceof Error ? error.message : String(error), apiError: null };
  }
  const fields: FieldErrors = {};
  const unmatched: string[] = [];
  for (const f of error.fields) {
    const key =
      knownKeys.find((k) => k === f.path) ??
      knownKeys.find((k) => f.path.endsWith(`.${k}`) || k.endsWith(`.${f.path}`));
    if (key && !fields[key]) fields[key] = f.message;
    else if (!key) unmatched.push(f.message);
  }
  const matchedAny = Object.keys(fields).length > 0;
  // The server's message names the first bad field by its technical path; when that field is shown
  // next to its input, the summary says it better. Otherwise show the server's own sentence.
  const general = matchedAny && unmatched.length === 0 ? null : (unmatched[0] ?? error.message);
  return { fields, general: matchedAny && unmatched.length === 0 ? null : general, apiError: error };
}

export function useFormErrors(knownKeys: readonly string[]) {
  const [state, setState] = useState<FormErrorState>(empty);

  const setFieldErrors = useCallback((fields: FieldErrors) => {
    setState((s) => ({ fields, general: null, apiError: null, attempt: s.attempt + 1 }));
  }, []);

  const setApiError = useCallback(
    (error: unknown) => {
      setState((s) => ({ ...mapApiError(error, knownKeys), attempt: s.attempt + 1 }));
    },
    [knownKeys],
  );

  const clear = useCallback(() => setState((s) => ({ ...empty, attempt: s.attempt })), []);

  const clearField = useCallback((key: string) => {
    setState((s) => {
      if (!(key in s.fields)) return s;
      const { [key]: _removed, ...rest } = s.fields;
      return { ...s, fields: rest };
    });
  }, []);

  return {
    ...state,
    setFieldErrors,
    setApiError,
    clear,
    clearField,
    hasErrors: Object.keys(state.fields).length > 0,
  };
}
