/** The SSO settings form's e-mail domains field, as the API's list (ADR 0019). Pure. */

/** «kommune.no, etat.kommune.no», one per line or separated by «;» → the list (empty parts dropped). */
export function parseDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '');
}
