/**
 * The three charts of the statistics page, drawn with recharts (SVG, React 19). Each chart is a
 * picture of the table printed right after it — the numbers, the masked groups and the legend are
 * all in words there — so the SVG is hidden from screen readers and takes no keyboard focus.
 * Series differ by line style and label as well as by colour (WCAG 1.4.1).
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

/** Aksel's blue and orange (contrast ≥ 3:1 against white, WCAG 1.4.11). */
const BLUE = '#0063c1';
const ORANGE = '#a8540c';
const GREY = '#49515e';

export type SeriesPoint = { label: string; [series: string]: number | string | null };

const percentTick = (v: number) => `${String(v).replace('.', ',')} %`;

/** Legend text in the text colour (recharts colours it like the series, white for the outlined bars). */
const legendText = (value: unknown) => <span className="statistikk-legend">{String(value)}</span>;

function Frame({ children }: { children: React.ReactElement }) {
  return (
    <div className="statistikk-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** The sick-leave rate by quarter as a line (gaps where the group is masked). */
export function RateLineChart({
  data,
  series,
}: {
  data: SeriesPoint[];
  series: { key: string; name: string }[];
}) {
  const styles = [
    { stroke: BLUE, dash: undefined },
    { stroke: ORANGE, dash: '6 4' },
    { stroke: GREY, dash: '2 3' },
  ];
  return (
    <Frame>
      <LineChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis tickFormatter={percentTick} width={56} tick={{ fontSize: 12 }} />
        <Legend formatter={legendText} />
        {series.map((s, i) => {
          const style = styles[i % styles.length] ?? { stroke: BLUE, dash: undefined };
          return (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={style.stroke}
              strokeDasharray={style.dash}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
              connectNulls={false}
            />
          );
        })}
      </LineChart>
    </Frame>
  );
}

/** One bar per unit (the shown ones), labelled with its value. */
export function UnitBarChart({ data, name }: { data: SeriesPoint[]; name: string }) {
  return (
    <Frame>
      <BarChart data={data} margin={{ top: 20, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
        <YAxis tickFormatter={percentTick} width={56} tick={{ fontSize: 12 }} />
        <Bar dataKey="total" name={name} fill={BLUE} isAnimationActive={false}>
          <LabelList
            dataKey="total"
            position="top"
            formatter={(v: unknown) => (typeof v === 'number' ? percentTick(v) : '')}
          />
        </Bar>
      </BarChart>
    </Frame>
  );
}

/** Short-term and long-term stacked per quarter; the two parts also differ by a hatch-free outline. */
export function ShortLongChart({
  data,
  korttid,
  langtid,
}: {
  data: SeriesPoint[];
  korttid: string;
  langtid: string;
}) {
  return (
    <Frame>
      <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
        <YAxis tickFormatter={percentTick} width={56} tick={{ fontSize: 12 }} />
        <Legend formatter={legendText} />
        <Bar dataKey="korttid" name={korttid} stackId="a" fill={BLUE} isAnimationActive={false} />
        <Bar
          dataKey="langtid"
          name={langtid}
          stackId="a"
          fill="#ffffff"
          stroke={ORANGE}
          strokeWidth={2}
          isAnimationActive={false}
        />
      </BarChart>
    </Frame>
  );
}

/**
 * ★ Oppfølging innen fristen: per group, the share of plans and of dialogmøter 1 done in time, side
 * by side (filled vs outlined bars, each labelled with its value); 0–100 %.
 */
export function KpiBarChart({
  data,
  plan,
  dialogmote1,
}: {
  data: SeriesPoint[];
  plan: string;
  dialogmote1: string;
}) {
  const label = (v: unknown) => (typeof v === 'number' ? percentTick(v) : '');
  return (
    <Frame>
      <BarChart data={data} margin={{ top: 20, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
        <YAxis domain={[0, 100]} tickFormatter={percentTick} width={56} tick={{ fontSize: 12 }} />
        <Legend formatter={legendText} />
        <Bar dataKey="plan" name={plan} fill={BLUE} isAnimationActive={false}>
          <LabelList dataKey="plan" position="top" formatter={label} />
        </Bar>
        <Bar
          dataKey="dialogmote1"
          name={dialogmote1}
          fill="#ffffff"
          stroke={ORANGE}
          strokeWidth={2}
          isAnimationActive={false}
        >
          <LabelList dataKey="dialogmote1" position="top" formatter={label} />
        </Bar>
      </BarChart>
    </Frame>
  );
}
