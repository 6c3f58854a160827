/**
 * Small shared pieces of the handbook pages: a routine's text (plain text, never HTML), and the tags
 * for the review state and an employee's read state.
 */
import { CheckmarkIcon, ExclamationmarkTriangleIcon } from '@navikt/aksel-icons';
import { BodyLong, Heading, List, Tag, type TagProps } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { type TextBlock, textBlocks } from '../../../../src/domain/rutiner/text.ts';
import type { ReadState, ReviewState } from '../../../../src/domain/rutiner/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

type AkselColor = NonNullable<TagProps['data-color']>;

/** A routine's text, as React text nodes only: whatever the author typed, no markup is interpreted. */
export function RoutineText({ text }: { text: string }) {
  return (
    <div className="rutine-text">
      {textBlocks(text).map((block, i) => (
        <TextBlockView key={String(i)} block={block} />
      ))}
    </div>
  );
}

function TextBlockView({ block }: { block: TextBlock }): ReactNode {
  switch (block.kind) {
    case 'heading':
      return (
        <Heading level="3" size="xsmall">
          {block.text}
        </Heading>
      );
    case 'bullets':
    case 'numbers':
      return (
        <List as={block.kind === 'bullets' ? 'ul' : 'ol'}>
          {block.items.map((item, j) => (
            <List.Item key={String(j)}>{item}</List.Item>
          ))}
        </List>
      );
    case 'paragraph':
      return (
        <BodyLong>
          {block.lines.flatMap((line, j): ReactNode[] => (j === 0 ? [line] : [<br key={String(j)} />, line]))}
        </BodyLong>
      );
  }
}

const REVIEW_COLOR: Record<ReviewState, AkselColor> = {
  ok: 'success',
  'due-soon': 'warning',
  overdue: 'danger',
};

export function ReviewTag({ state }: { state: ReviewState }) {
  const t = useT();
  return (
    <Tag
      variant="moderate"
      size="small"
      data-color={REVIEW_COLOR[state]}
      icon={state === 'overdue' ? <ExclamationmarkTriangleIcon aria-hidden /> : undefined}
    >
      {t.rutiner.reviewStates[state]}
    </Tag>
  );
}

const READ_COLOR: Record<ReadState, AkselColor> = {
  unconfirmed: 'warning',
  'new-version': 'warning',
  confirmed: 'success',
};

export function ReadTag({ state }: { state: ReadState }) {
  const t = useT();
  return (
    <Tag
      variant="moderate"
      size="small"
      data-color={READ_COLOR[state]}
      icon={state === 'confirmed' ? <CheckmarkIcon aria-hidden /> : undefined}
    >
      {t.rutiner.readStates[state]}
    </Tag>
  );
}
