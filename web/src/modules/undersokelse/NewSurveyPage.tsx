/**
 * «Ny undersøkelse» (`/undersokelser/ny`, admin/HR/verneombud): name, dates, the units it is for,
 * items from Nærvær's bank (ikke validert instrument) and own questions (scale, choice, free text).
 * Saved as a draft; published from the overview.
 */
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  HStack,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { DIMENSION_TEXT, ITEM_BANK } from '../../../../src/domain/undersokelse/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { flattenTree, unitTree, useUnits } from '../organisation/index.ts';
import { type SurveyCreate, useSurveyWrites } from './api.ts';
import './undersokelse.css';

type Own = { key: number; kind: 'scale' | 'choice' | 'text'; text: string; options: string };

export function NewSurveyPage() {
  const { t, locale } = useI18n();
  const tu = t.undersokelse;
  const navigate = useNavigate();
  const units = useUnits();
  const { create } = useSurveyWrites();
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [items, setItems] = useState<string[]>(() => ITEM_BANK.map((i) => i.key));
  const [own, setOwn] = useState<Own[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const keys = ['title', 'opensOn', 'closesOn', 'unitIds', 'questions', ...own.map((_, i) => `own.${i}`)];
  const errors = useFormErrors(keys);

  const addOwn = (kind: Own['kind']) => {
    setOwn((list) => [...list, { key: nextKey, kind, text: '', options: '' }]);
    setNextKey((k) => k + 1);
  };
  const optionList = (o: Own) =>
    o.options
      .split('\n')
      .map((x) => x.trim())
      .filter((x) => x.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (!title.trim()) fields.title = tu.errTitle;
    if (opensOn === '' || opensOn === INVALID_DATE) fields.opensOn = tu.errDate;
    if (closesOn === '' || closesOn === INVALID_DATE) fields.closesOn = tu.errDate;
    else if (!fields.opensOn && closesOn < opensOn) fields.closesOn = tu.errCloses;
    if (items.length + own.length === 0) fields.questions = tu.errQuestions;
    own.forEach((o, i) => {
      if (!o.text.trim()) fields[`own.${i}`] = tu.errQuestionText;
      else if (o.kind === 'choice' && optionList(o).length < 2) fields[`own.${i}`] = tu.errOptions;
    });
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(keys, fields);
      return;
    }
    errors.clear();
    const body: SurveyCreate = {
      title: title.trim(),
      intro: intro.trim(),
      opensOn,
      closesOn,
      unitIds,
      questions: [
        ...ITEM_BANK.filter((i) => items.includes(i.key)).map((i) => ({
          kind: 'bank' as const,
          itemKey: i.key,
        })),
        ...own.map((o) =>
          o.kind === 'choice'
            ? { kind: 'choice' as const, text: o.text.trim(), options: optionList(o) }
            : { kind: o.kind, text: o.text.trim() },
        ),
      ],
    };
    create.mutate(body, {
      onSuccess: () => navigate('/undersokelser', { state: { flash: tu.saved } }),
      onError: (error) => errors.setApiError(error),
    });
  };

  const flat = units.data ? flattenTree(unitTree(units.data, locale)) : [];
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{tu.newTitle}</PageHeading>
        <BodyLong className="us-measure">{tu.newIntro}</BodyLong>
      </VStack>
      <form onSubmit={submit} noValidate>
        <VStack gap="space-24" className="us-measure">
          <FormErrorSummary errors={errors.fields} order={keys} attempt={errors.attempt} />
          {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
          <TextField
            id={fieldId('title')}
            label={tu.fieldTitle}
            value={title}
            maxLength={200}
            onChange={(e) => {
              setTitle(e.target.value);
              errors.clearField('title');
            }}
            error={errors.fields.title}
          />
          <Textarea
            id={fieldId('intro')}
            label={tu.fieldIntro}
            value={intro}
            maxLength={2000}
            minRows={2}
            onChange={(e) => setIntro(e.target.value)}
          />
          <HStack gap="space-16" wrap>
            <DateField
              id={fieldId('opensOn')}
              label={tu.fieldOpens}
              value={opensOn}
              onChange={(v) => {
                setOpensOn(v);
                errors.clearField('opensOn');
              }}
              error={errors.fields.opensOn}
              required
            />
            <DateField
              id={fieldId('closesOn')}
              label={tu.fieldCloses}
              value={closesOn}
              onChange={(v) => {
                setClosesOn(v);
                errors.clearField('closesOn');
              }}
              error={errors.fields.closesOn}
              required
            />
          </HStack>
          <CheckboxGroup
            id={fieldId('unitIds')}
            legend={tu.fieldUnits}
            description={tu.fieldUnitsDescription}
            value={unitIds}
            onChange={(v: string[]) => setUnitIds(v)}
            error={errors.fields.unitIds}
          >
            {flat.map((u) => (
              <Checkbox key={u.id} value={u.id} style={{ marginInlineStart: `${u.depth * 1.5}rem` }}>
                {u.name}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <Alert variant="info" size="small">
            {tu.notValidated}
          </Alert>
          <CheckboxGroup
            id={fieldId('questions')}
            legend={tu.bankHeading}
            description={tu.bankDescription}
            value={items}
            onChange={(v: string[]) => {
              setItems(v);
              errors.clearField('questions');
            }}
            error={errors.fields.questions}
          >
            {ITEM_BANK.map((i) => (
              <Checkbox key={i.key} value={i.key} description={DIMENSION_TEXT[i.dimension][locale]}>
                {i.text[locale]}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <VStack as="section" gap="space-12" aria-labelledby="us-own-heading">
            <Heading level="2" size="small" id="us-own-heading">
              {tu.ownHeading}
            </Heading>
            {own.length === 0 ? <BodyLong>{tu.ownEmpty}</BodyLong> : null}
            {own.map((o, i) => (
              <fieldset key={o.key} className="us-question">
                <legend className="us-legend">
                  {tu.ownQuestion(i + 1)} · {tu.ownKinds[o.kind]}
                </legend>
                <VStack gap="space-8">
                  <TextField
                    id={fieldId(`own.${i}`)}
                    label={tu.questionText}
                    value={o.text}
                    maxLength={300}
                    onChange={(e) => {
                      const text = e.target.value;
                      setOwn((list) => list.map((x) => (x.key === o.key ? { ...x, text } : x)));
                      errors.clearField(`own.${i}`);
                    }}
                    error={errors.fields[`own.${i}`]}
                  />
                  {o.kind === 'choice' ? (
                    <Textarea
                      label={tu.options}
                      value={o.options}
                      minRows={3}
                      onChange={(e) => {
                        const options = e.target.value;
                        setOwn((list) => list.map((x) => (x.key === o.key ? { ...x, options } : x)));
                      }}
                    />
                  ) : null}
                  {o.kind === 'text' ? <BodyLong size="small">{tu.freeTextWarning}</BodyLong> : null}
                  <div>
                    <Button
                      type="button"
                      size="small"
                      variant="tertiary"
                      icon={<TrashIcon aria-hidden />}
                      onClick={() => setOwn((list) => list.filter((x) => x.key !== o.key))}
                    >
                      {tu.removeQuestion(i + 1)}
                    </Button>
                  </div>
                </VStack>
              </fieldset>
            ))}
            <HStack gap="space-8" wrap>
              <Button
                type="button"
                size="small"
                variant="secondary"
                icon={<PlusIcon aria-hidden />}
                onClick={() => addOwn('scale')}
              >
                {tu.addScale}
              </Button>
              <Button
                type="button"
                size="small"
                variant="secondary"
                icon={<PlusIcon aria-hidden />}
                onClick={() => addOwn('choice')}
              >
                {tu.addChoice}
              </Button>
              <Button
                type="button"
                size="small"
                variant="secondary"
                icon={<PlusIcon aria-hidden />}
                onClick={() => addOwn('text')}
              >
                {tu.addText}
              </Button>
            </HStack>
          </VStack>
          <HStack gap="space-12" wrap>
            <Button type="submit" loading={create.isPending}>
              {tu.save}
            </Button>
            <ButtonLink to="/undersokelser" variant="secondary">
              {t.common.cancel}
            </ButtonLink>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}
