/**
 * «Opplæring» (`/internkontroll/opplaering?enhet=<unit>`): who lacks what — a table of the employees
 * in view (admin/HR everyone, a leader their own people) against the courses the law requires of
 * someone among them or that are recorded — and the registered courses with their certificates.
 * Each cell says its state in words with an icon (never colour alone). Admin and HR register,
 * correct and delete courses.
 */
import { PencilIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import {
  BodyLong,
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  List,
  Modal,
  ReadMore,
  Table,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Flash, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { UnitFilter } from '../organisation/index.ts';
import {
  type CellStateWire,
  type Matrix,
  type MatrixCell,
  type TrainingRecord,
  useTrainingList,
  useTrainingMatrix,
  useTrainingWrites,
} from './api.ts';
import { EditDialog } from './EditDialog.tsx';
import { CertificateLink, formatHours, StateTag, useCourseName } from './parts.tsx';
import './opplaering.css';

const LEGEND: readonly CellStateWire[] = ['ok', 'expiring', 'expired', 'missing-required', 'not-required'];

function MatrixCellView({ cell }: { cell: MatrixCell }) {
  const { t, locale } = useI18n();
  const to = t.opplaering;
  if (cell.state === 'not-required') {
    return (
      <>
        <span aria-hidden="true" className="opp-none">
          –
        </span>
        <span className="sr-only">{to.states['not-required']}</span>
      </>
    );
  }
  return (
    <VStack gap="space-4" align="start">
      <StateTag state={cell.state} />
      {cell.completedOn ? (
        <Detail>
          {to.completed(formatDate(cell.completedOn))}
          {cell.hours !== null ? `, ${to.hours(formatHours(cell.hours, locale))}` : ''}
        </Detail>
      ) : null}
      {cell.expiresOn ? <Detail>{to.expiresOn(formatDate(cell.expiresOn))}</Detail> : null}
      {cell.shortCourse ? <Detail>{to.shortCourse}</Detail> : null}
    </VStack>
  );
}

function MatrixTable({ matrix }: { matrix: Matrix }) {
  const { t } = useI18n();
  const to = t.opplaering;
  if (matrix.rows.length === 0) return <BodyShort>{to.matrixEmpty}</BodyShort>;
  if (matrix.columns.length === 0) return <BodyShort>{to.matrixNoCourses}</BodyShort>;
  return (
    <section className="table-scroll opp-matrix" aria-labelledby="opp-matrix-heading">
      <Table size="small">
        <caption className="sr-only">{to.matrixCaption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{to.colEmployee}</Table.HeaderCell>
            {matrix.columns.map((c) => (
              <Table.HeaderCell scope="col" key={c.course} data-course={c.course}>
                <VStack gap="space-4" align="start">
                  <span>{to.courses[c.course]}</span>
                  {c.required > 0 ? (
                    <Tag variant="outline" size="xsmall" data-color="accent">
                      {`${to.lovkrav}, ${to.requiredOf(c.required)}`}
                    </Tag>
                  ) : null}
                </VStack>
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {matrix.rows.map((row) => (
            <Table.Row key={row.employeeId} data-employee={row.employeeId}>
              <Table.HeaderCell scope="row">
                <VStack gap="space-4" align="start">
                  <span>{row.name}</span>
                  <Detail weight="regular">{row.unitName}</Detail>
                  {row.topLeader ? <Detail weight="regular">{to.roleTopLeader}</Detail> : null}
                  {row.voAmu ? <Detail weight="regular">{to.roleVoAmu}</Detail> : null}
                </VStack>
              </Table.HeaderCell>
              {row.cells.map((cell) => (
                <Table.DataCell key={cell.course} data-course={cell.course} data-state={cell.state}>
                  <MatrixCellView cell={cell} />
                </Table.DataCell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

function RecordsTable({
  items,
  canManage,
  onEdit,
  onDelete,
}: {
  items: TrainingRecord[];
  canManage: boolean;
  onEdit: (record: TrainingRecord) => void;
  onDelete: (record: TrainingRecord) => void;
}) {
  const { t, locale } = useI18n();
  const to = t.opplaering;
  const courseName = useCourseName();
  return (
    <div className="table-scroll">
      <Table size="small" className="opp-records">
        <caption className="sr-only">{to.recordsCaption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{to.colEmployee}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{to.colCourse}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{to.colCompleted}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="hide-small">
              {to.colHours}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="hide-small">
              {to.colProvider}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{to.colExpires}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{to.colCertificate}</Table.HeaderCell>
            {canManage ? <Table.HeaderCell scope="col">{to.colActions}</Table.HeaderCell> : null}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((r) => (
            <Table.Row key={r.id} data-record={r.id}>
              <Table.HeaderCell scope="row">{r.employeeName}</Table.HeaderCell>
              <Table.DataCell>
                <VStack gap="space-4" align="start">
                  <span>{courseName(r.course, r.title)}</span>
                  {r.superseded ? <Detail>{to.superseded}</Detail> : null}
                </VStack>
              </Table.DataCell>
              <Table.DataCell>{formatDate(r.completedOn)}</Table.DataCell>
              <Table.DataCell className="hide-small">{formatHours(r.hours, locale)}</Table.DataCell>
              <Table.DataCell className="hide-small">{r.provider ?? ''}</Table.DataCell>
              <Table.DataCell>
                {r.expiresOn ? (
                  <VStack gap="space-4" align="start">
                    <span>{formatDate(r.expiresOn)}</span>
                    {r.expiry !== 'ok' && !r.superseded ? <StateTag state={r.expiry} /> : null}
                  </VStack>
                ) : (
                  to.noExpiry
                )}
              </Table.DataCell>
              <Table.DataCell className="opp-cert">
                <CertificateLink record={r} />
              </Table.DataCell>
              {canManage ? (
                <Table.DataCell>
                  <Button
                    type="button"
                    size="small"
                    variant="tertiary"
                    icon={<PencilIcon aria-hidden />}
                    aria-label={to.editLabel(courseName(r.course, r.title), r.employeeName)}
                    onClick={() => onEdit(r)}
                  />
                  <Button
                    type="button"
                    size="small"
                    variant="tertiary"
                    icon={<TrashIcon aria-hidden />}
                    aria-label={to.deleteLabel(courseName(r.course, r.title), r.employeeName)}
                    onClick={() => onDelete(r)}
                  />
                </Table.DataCell>
              ) : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export function OpplaeringPage() {
  const { t } = useI18n();
  const to = t.opplaering;
  const session = useSession();
  const canManage = hasAnyRole(session, 'admin', 'hr');
  const [params, setParams] = useSearchParams();
  const unitId = params.get('enhet') ?? '';
  const matrix = useTrainingMatrix(unitId);
  const list = useTrainingList(unitId);
  const writes = useTrainingWrites();
  const courseName = useCourseName();
  const [toDelete, setToDelete] = useState<TrainingRecord | null>(null);
  const [toEdit, setToEdit] = useState<TrainingRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const setUnit = (next: string) => {
    setMessage(null);
    setParams(next ? { enhet: next } : {}, { replace: true });
  };

  const gaps = matrix.data ? matrix.data.rows.reduce((n, r) => n + r.gaps, 0) : 0;

  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <VStack gap="space-12">
        <PageHeading>{to.title}</PageHeading>
        <BodyLong className="lead">{to.intro}</BodyLong>
        <Flash />
        {message ? <SuccessMessage>{message}</SuccessMessage> : null}
        {canManage ? (
          <div>
            <ButtonLink to="/internkontroll/opplaering/ny" icon={<PlusIcon aria-hidden />}>
              {to.register}
            </ButtonLink>
          </div>
        ) : null}
        <UnitFilter label={to.unitFilter} allLabel={to.allUnits} value={unitId} onChange={setUnit} />
      </VStack>

      <VStack gap="space-16">
        <Heading level="2" size="medium" id="opp-matrix-heading">
          {to.matrixHeading}
        </Heading>
        {matrix.isLoading ? <Loading /> : null}
        {matrix.isError ? <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} /> : null}
        {matrix.data ? (
          <>
            {matrix.data.columns.length > 0 ? (
              <BodyShort role="status" className="opp-gaps">
                {to.gapsSummary(gaps)}
              </BodyShort>
            ) : null}
            <ReadMore header={to.legendHeading}>
              <VStack gap="space-12">
                <List>
                  {LEGEND.map((state) => (
                    <List.Item key={state}>
                      <HStack gap="space-8" align="center" wrap>
                        {state === 'not-required' ? (
                          <span aria-hidden="true">–</span>
                        ) : (
                          <StateTag state={state} />
                        )}
                        <span>
                          {state === 'not-required'
                            ? `${to.states[state]}: ${to.stateHelp[state]}`
                            : to.stateHelp[state]}
                        </span>
                      </HStack>
                    </List.Item>
                  ))}
                </List>
                {matrix.data.columns
                  .map((c) => to.courseBasis[c.course])
                  .filter((basis): basis is string => basis !== null)
                  .map((basis) => (
                    <BodyShort key={basis} size="small">
                      {basis}
                    </BodyShort>
                  ))}
              </VStack>
            </ReadMore>
            <MatrixTable matrix={matrix.data} />
          </>
        ) : null}
      </VStack>

      <VStack gap="space-16">
        <Heading level="2" size="medium">
          {to.recordsHeading}
        </Heading>
        {list.isLoading ? <Loading /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && list.data.items.length === 0 ? <BodyShort>{to.recordsEmpty}</BodyShort> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <RecordsTable
              items={list.data.items}
              canManage={canManage}
              onDelete={(r) => {
                setMessage(null);
                writes.remove.reset();
                setToDelete(r);
              }}
              onEdit={(r) => {
                setMessage(null);
                writes.update.reset();
                setToEdit(r);
              }}
            />
            {list.data.total > list.data.items.length ? (
              <Detail>{to.recordsMore(list.data.items.length, list.data.total)}</Detail>
            ) : null}
          </>
        ) : null}
      </VStack>

      {toEdit ? (
        <EditDialog
          record={toEdit}
          pending={writes.update.isPending}
          onClose={() => setToEdit(null)}
          onSubmit={(body) =>
            writes.update.mutateAsync({ id: toEdit.id, ...body }).then((saved) => {
              setToEdit(null);
              setMessage(to.edited(courseName(saved.course, saved.title), saved.employeeName));
            })
          }
        />
      ) : null}
      {toDelete ? (
        <Modal open onClose={() => setToDelete(null)} header={{ heading: to.deleteHeading }} width="small">
          <Modal.Body>
            <VStack gap="space-16">
              <BodyLong>
                {to.deleteBody(courseName(toDelete.course, toDelete.title), toDelete.employeeName)}
              </BodyLong>
              {writes.remove.isError ? <ErrorAlert error={writes.remove.error} /> : null}
            </VStack>
          </Modal.Body>
          <Modal.Footer>
            <Button
              type="button"
              variant="danger"
              loading={writes.remove.isPending}
              onClick={() => {
                writes.remove.mutate(toDelete.id, {
                  onSuccess: () => {
                    setToDelete(null);
                    setMessage(to.deleted);
                  },
                });
              }}
            >
              {t.common.delete}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setToDelete(null)}>
              {t.common.cancel}
            </Button>
          </Modal.Footer>
        </Modal>
      ) : null}
    </VStack>
  );
}
