/**
 * The confirm dialog of a write to a case that may ask for a short text: why a milestone is
 * "åpenbart unødvendig", why a period is deleted (both required), a note to "done" (optional), or
 * nothing (undo). The write's failure shows in the dialog, with "load the latest version" when
 * someone else changed the case first; what the user typed stays.
 */
import { BodyLong, Button, Modal, Textarea, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useWriteFeedback } from './parts.tsx';

type Write = { isError: boolean; error: unknown; isPending: boolean; reset(): void };

export type ReasonField = {
  id: string;
  label: string;
  description: string;
  minRows: number;
  /** When set, the text is required and this is the message if it is empty. */
  requiredMessage?: string;
};

type Props = {
  heading: string;
  formId: string;
  /** What the dialog does, above the field. */
  body?: string;
  field?: ReasonField;
  confirm: string;
  /** A destructive write: a red confirm button. */
  danger?: boolean;
  write: Write;
  onSubmit: (text: string) => void;
  onReload: () => Promise<unknown>;
  onClose: () => void;
};

export function ReasonDialog({
  heading,
  formId,
  body,
  field,
  confirm,
  danger = false,
  write,
  onSubmit,
  onReload,
  onClose,
}: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { feedback, clear } = useWriteFeedback(write, onReload);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (field?.requiredMessage && !text.trim()) {
      setError(field.requiredMessage);
      document.getElementById(field.id)?.focus();
      return;
    }
    onSubmit(text.trim());
  };

  return (
    <Modal open onClose={onClose} header={{ heading }} width="medium">
      <Modal.Body>
        <form id={formId} onSubmit={submit} noValidate>
          <VStack gap="space-16">
            {feedback}
            {body ? <BodyLong>{body}</BodyLong> : null}
            {field ? (
              <Textarea
                id={field.id}
                label={field.label}
                description={field.description}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setError(undefined);
                }}
                error={error}
                maxLength={500}
                minRows={field.minRows}
              />
            ) : null}
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={write.isPending} variant={danger ? 'danger' : 'primary'}>
          {confirm}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
