/**
 * Results of a closed survey (`/undersokelser/:id/resultater`): per shown group (≥ 5 answers; a
 * smaller unit counted in the unit above it, said on the page) the mean per dimension with the
 * previous round beside it, own scale questions, choices and free text (HR/VO/AMU), and «Lag tiltak»
 * (admin/HR): a measure in the HMS handlingsplan from a result in one step.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Heading,
  Link,
  Select,
  Table,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { MEASURE_OWNER_ROLES, type MeasureOwnerRole } from '../../../../src/domain/hms-mal/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type SurveyResult, useSurveyResults, useSurveyWrites } from './api.ts';
import './undersokelse.css';

type Group = SurveyResult['groups'][number];
type Target = { dimension: Group['dimensions'][number]['dimension'] | null; label: string; group: string };

export function ResultsPage() {
  const { id = '' } = useParams();
  const tu = useI18n().t.undersokelse;
  const results = useSurveyResults(id);
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      {results.isPending ? <Loading /> : null}
      {results.isError ? (
        <>
          <PageHeading>{tu.results}</PageHeading>
          <ErrorAlert error={results.error} />
          <div>
            <ButtonLink to="/undersokelser" variant="secondary">
              {tu.back}
            </ButtonLink>
          </div>
        </>
      ) : null}
      {results.data ? <Results data={results.data} /> : null}
    </VStack>
  );
}

function groupName(g: Group, tu: ReturnType<typeof useI18n>['t']['undersokelse']): string {
  if (g.kind === 'alle') return tu.groupAll;
  if (g.kind === 'ovrige') return tu.groupRest;
  return g.name ?? tu.groupRest;
}

function Results({ data }: { data: SurveyResult }) {
  const { t, locale } = useI18n();
  const tu = t.undersokelse;
  const [target, setTarget] = useState<Target | null>(null);
  const { measure } = useSurveyWrites();
  return (
    <VStack gap="space-24">
      <VStack gap="space-8">
        <PageHeading>{tu.resultsTitle(data.survey.title)}</PageHeading>
        <BodyLong className="us-measure">{tu.resultsIntro(data.k)}</BodyLong>
        <BodyShort>{tu.respondents(data.respondents)}</BodyShort>
        {data.view === 'egen' ? <BodyShort>{tu.ownView}</BodyShort> : null}
        {data.previous ? (
          <BodyShort>{tu.previousRound(data.previous.title, formatDate(data.previous.closesOn))}</BodyShort>
        ) : null}
      </VStack>
      {measure.isSuccess ? (
        <SuccessMessage>
          {tu.measureCreated}{' '}
          <Link as={RouterLink} to={measure.data.link}>
            {tu.toPlan}
          </Link>
        </SuccessMessage>
      ) : null}
      {!data.shown ? <Alert variant="info">{tu.notShown(data.k)}</Alert> : null}
      {data.groups.map((g) => {
        const name = groupName(g, tu);
        const headingId = `us-group-${g.key}`;
        return (
          <VStack as="section" key={g.key} gap="space-8" aria-labelledby={headingId}>
            <Heading level="2" size="medium" id={headingId}>
              {name} ({tu.respondents(g.respondents)})
            </Heading>
            {g.includes.length > 0 ? (
              <BodyShort size="small">{tu.includes(g.includes.join(', '))}</BodyShort>
            ) : null}
            <div className="us-table-wrap">
              <Table size="small">
                <caption className="navds-sr-only">{name}</caption>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{tu.dimension}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      {tu.mean}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      {tu.previous}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      {tu.change}
                    </Table.HeaderCell>
                    {data.canCreateMeasure ? (
                      <Table.HeaderCell scope="col">{tu.colActions}</Table.HeaderCell>
                    ) : null}
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {g.dimensions.map((d) => (
                    <Table.Row key={d.dimension}>
                      <Table.HeaderCell scope="row">{d.label[locale]}</Table.HeaderCell>
                      <Table.DataCell align="right">
                        {d.mean.toLocaleString(locale === 'en' ? 'en-GB' : 'nb-NO')}
                      </Table.DataCell>
                      <Table.DataCell align="right">
                        {d.previous === null
                          ? tu.none
                          : d.previous.toLocaleString(locale === 'en' ? 'en-GB' : 'nb-NO')}
                      </Table.DataCell>
                      <Table.DataCell align="right">
                        {d.change === null
                          ? tu.none
                          : `${d.change > 0 ? '+' : ''}${d.change.toLocaleString(locale === 'en' ? 'en-GB' : 'nb-NO')}`}
                      </Table.DataCell>
                      {data.canCreateMeasure ? (
                        <Table.DataCell>
                          <Button
                            size="xsmall"
                            variant="secondary"
                            aria-label={tu.makeMeasureLabel(d.label[locale], name)}
                            onClick={() =>
                              setTarget({ dimension: d.dimension, label: d.label[locale], group: name })
                            }
                          >
                            {tu.makeMeasure}
                          </Button>
                        </Table.DataCell>
                      ) : null}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            {g.questions.length > 0 ? (
              <div className="us-table-wrap">
                <Table size="small">
                  <caption className="navds-sr-only">{`${tu.ownQuestionsHeading}: ${name}`}</caption>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{tu.question}</Table.HeaderCell>
                      <Table.HeaderCell scope="col" align="right">
                        {tu.mean}
                      </Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {g.questions.map((q) => (
                      <Table.Row key={q.questionId}>
                        <Table.HeaderCell scope="row">{q.text}</Table.HeaderCell>
                        <Table.DataCell align="right">
                          {q.mean.toLocaleString(locale === 'en' ? 'en-GB' : 'nb-NO')}
                        </Table.DataCell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            ) : null}
          </VStack>
        );
      })}
      {data.choices.length > 0 ? (
        <VStack as="section" gap="space-8" aria-labelledby="us-choices-heading">
          <Heading level="2" size="medium" id="us-choices-heading">
            {tu.choicesHeading}
          </Heading>
          {data.choices.map((c) => (
            <div className="us-table-wrap" key={c.questionId}>
              <Table size="small">
                <caption>{c.text}</caption>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{tu.option}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" align="right">
                      {tu.count}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {c.options.map((o) => (
                    <Table.Row key={o.label}>
                      <Table.HeaderCell scope="row">{o.label}</Table.HeaderCell>
                      <Table.DataCell align="right">{o.count}</Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          ))}
        </VStack>
      ) : null}
      {data.texts.length > 0 ? (
        <VStack as="section" gap="space-8" aria-labelledby="us-texts-heading">
          <Heading level="2" size="medium" id="us-texts-heading">
            {tu.textsHeading}
          </Heading>
          {data.texts.map((x) => (
            <VStack key={x.questionId} gap="space-4">
              <Heading level="3" size="small">
                {x.text}
              </Heading>
              {x.answers === null ? (
                <BodyShort>{tu.textsHidden(data.k)}</BodyShort>
              ) : (
                <ul className="us-texts">
                  {x.answers.map((a, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: two people may write the same words
                    <li key={i}>{a}</li>
                  ))}
                </ul>
              )}
            </VStack>
          ))}
        </VStack>
      ) : null}
      <div>
        <ButtonLink to="/undersokelser" variant="secondary">
          {tu.back}
        </ButtonLink>
      </div>
      {target ? (
        <MeasureDialog
          surveyId={data.survey.id}
          surveyTitle={data.survey.title}
          target={target}
          measure={measure}
          onClose={() => setTarget(null)}
        />
      ) : null}
    </VStack>
  );
}

const MEASURE_KEYS = ['text', 'due', 'ownerRole'];

function MeasureDialog({
  surveyId,
  surveyTitle,
  target,
  measure,
  onClose,
}: {
  surveyId: string;
  surveyTitle: string;
  target: Target;
  /** The parent's mutation: its success message stays after the dialog closes. */
  measure: ReturnType<typeof useSurveyWrites>['measure'];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const tu = t.undersokelse;
  const [text, setText] = useState(tu.measureDefault(target.label, surveyTitle));
  const [due, setDue] = useState('');
  const [ownerRole, setOwnerRole] = useState<MeasureOwnerRole>('hr');
  const errors = useFormErrors(MEASURE_KEYS);
  const submit = () => {
    const fields: FieldErrors = {};
    if (!text.trim()) fields.text = tu.errQuestionText;
    if (due === '' || due === INVALID_DATE) fields.due = tu.errDate;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(MEASURE_KEYS, fields);
      return;
    }
    errors.clear();
    measure.mutate(
      { id: surveyId, body: { text: text.trim(), due, ownerRole, dimension: target.dimension } },
      { onSuccess: onClose, onError: (error) => errors.setApiError(error) },
    );
  };
  return (
    <FormDialog
      heading={tu.measureHeading}
      formId="us-measure-form"
      confirm={tu.measureCreate}
      pending={measure.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
      <Textarea
        id={fieldId('text')}
        label={tu.measureText}
        value={text}
        maxLength={1000}
        minRows={2}
        onChange={(e) => {
          setText(e.target.value);
          errors.clearField('text');
        }}
        error={errors.fields.text}
      />
      <DateField
        id={fieldId('due')}
        label={tu.measureDue}
        value={due}
        onChange={(v) => {
          setDue(v);
          errors.clearField('due');
        }}
        error={errors.fields.due}
        required
      />
      <Select
        id={fieldId('ownerRole')}
        label={tu.measureOwner}
        value={ownerRole}
        onChange={(e) => {
          const role = MEASURE_OWNER_ROLES.find((r) => r === e.target.value);
          if (role) setOwnerRole(role);
        }}
        error={errors.fields.ownerRole}
      >
        {MEASURE_OWNER_ROLES.map((r) => (
          <option key={r} value={r}>
            {t.roles[r]}
          </option>
        ))}
      </Select>
    </FormDialog>
  );
}
