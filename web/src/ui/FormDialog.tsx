/**
 * A modal with one form: a heading, the fields, and «confirm» + «Avbryt» in the footer. Submitting
 * (the button or Enter) calls `onSubmit` without a page load; `danger` makes the confirm button red.
 */
import { Button, Modal, VStack } from '@navikt/ds-react';
import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function FormDialog({
  heading,
  formId,
  confirm,
  danger = false,
  pending,
  onClose,
  onSubmit,
  children,
}: {
  heading: string;
  formId: string;
  confirm: string;
  danger?: boolean;
  pending: boolean;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal open onClose={onClose} header={{ heading }} width="medium">
      <Modal.Body>
        <form
          id={formId}
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <VStack gap="space-16">{children}</VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={pending} variant={danger ? 'danger' : 'primary'}>
          {confirm}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
