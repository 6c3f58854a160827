import { useI18n } from '../../i18n/I18nProvider.tsx';

/** A table that may scroll sideways on a phone: a focusable, named region (WCAG 2.1.1). */
export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="statistikk-table" aria-label={t.statistikk.tableLabel(label)} tabIndex={0}>
      {children}
    </section>
  );
}
