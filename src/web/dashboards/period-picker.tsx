import { useState, type FormEvent } from 'react';
import { query } from '../api.ts';
import { Button, DateInput, ErrorSummary, Radios, Select } from '../govuk/index.ts';
import { offers } from '../access.ts';
import { navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { optionsFor, type PeriodChoice, type PeriodKind } from './period.ts';

const kinds: { value: PeriodKind; text: string; field?: string }[] = [
  { value: 'financial-year', text: 'Financial year', field: 'financialYear' },
  { value: 'quarter', text: 'Quarter', field: 'quarter' },
  { value: 'month', text: 'Month', field: 'month' },
  { value: 'partnership', text: 'Partnership period (September to March, 18 months)', field: 'partnershipPeriod' },
  { value: 'custom', text: 'Dates of my choosing' },
];

const labels: Record<string, string> = { financialYear: 'Financial year', quarter: 'Quarter', month: 'Month', partnershipPeriod: 'Partnership period' };

function dateOf(form: FormData, prefix: string): string | undefined {
  const day = String(form.get(`${prefix}-day`) ?? '').trim();
  const month = String(form.get(`${prefix}-month`) ?? '').trim();
  const year = String(form.get(`${prefix}-year`) ?? '').trim();
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/**
 * Choose a period: the kind as radios, each revealing its own list (or day, month and year boxes
 * for dates of one's choosing). Works with the keyboard alone: arrows choose the kind, Tab moves to
 * its list, Enter shows the figures.
 */
export function PeriodPicker(props: { path: string; choice: PeriodChoice; today: string; buttonText: string; extra?: Record<string, string> }) {
  const { viewer } = useSession();
  // Someone who sees figures under disclosure control is offered only whole periods that are over (the API refuses the rest).
  const anyPeriod = viewer === undefined || offers.anyPeriod(viewer);
  const offered = anyPeriod ? kinds : kinds.filter((k) => k.value !== 'custom');
  const [kind, setKind] = useState<PeriodKind>(props.choice.kind);
  const [errors, setErrors] = useState<{ href: string; text: string }[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = String(form.get('kind') ?? kind) as PeriodKind;
    if (chosen === 'custom') {
      const from = dateOf(form, 'from');
      const to = dateOf(form, 'to');
      const problems = [
        ...(from ? [] : [{ href: '#from-day', text: 'Enter the first day as a real date, for example 1 4 2024' }]),
        ...(to ? [] : [{ href: '#to-day', text: 'Enter the last day as a real date, for example 31 3 2025' }]),
        ...(from && to && from > to ? [{ href: '#to-day', text: 'The last day must be on or after the first day' }] : []),
      ];
      setErrors(problems);
      if (problems.length > 0) return;
      navigate(`${props.path}${query({ ...props.extra, from, to })}`);
      return;
    }
    setErrors([]);
    const field = kinds.find((k) => k.value === chosen)?.field ?? 'financialYear';
    navigate(`${props.path}${query({ ...props.extra, period: String(form.get(field) ?? '') })}`);
  };
  const [fromYear, fromMonth, fromDay] = (props.choice.from ?? '').split('-');
  const [toYear, toMonth, toDay] = (props.choice.to ?? '').split('-');
  const errorFor = (prefix: string) => errors.find((error) => error.href === `#${prefix}-day`)?.text;
  return (
    <form className="app-period-picker" onSubmit={submit} noValidate data-testid="period-picker">
      {errors.length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errors} /> : null}
      <div onChange={(event) => { const target = event.target as HTMLInputElement; if (target.name === 'kind') setKind(target.value as PeriodKind); }}>
        <Radios
          name="kind"
          idPrefix="kind"
          value={kind}
          classes="govuk-radios--small"
          fieldset={{ legend: { text: 'Period', classes: 'govuk-fieldset__legend--s' } }}
          items={offered.map((k) => ({
            value: k.value,
            text: k.text,
            conditional: {
              children: k.field ? (
                <Select id={k.field} name={k.field} label={{ text: labels[k.field]! }}
                  value={props.choice.kind === k.value ? props.choice.period : undefined}
                  items={optionsFor(k.value as Exclude<PeriodKind, 'custom'>, props.today, !anyPeriod)} />
              ) : (
                <>
                  <DateInput id="from" namePrefix="from" fieldset={{ legend: { text: 'First day', classes: 'govuk-fieldset__legend--s' } }}
                    hint={{ text: 'For example, 1 4 2024' }} values={{ 'from-day': fromDay, 'from-month': fromMonth, 'from-year': fromYear }}
                    errorMessage={errorFor('from') ? { text: errorFor('from') } : undefined}
                    day={{ name: 'day', id: 'from-day', label: 'Day' }} month={{ name: 'month', id: 'from-month', label: 'Month' }} year={{ name: 'year', id: 'from-year', label: 'Year' }} />
                  <DateInput id="to" namePrefix="to" fieldset={{ legend: { text: 'Last day', classes: 'govuk-fieldset__legend--s' } }}
                    hint={{ text: 'For example, 31 3 2025' }} values={{ 'to-day': toDay, 'to-month': toMonth, 'to-year': toYear }}
                    errorMessage={errorFor('to') ? { text: errorFor('to') } : undefined}
                    day={{ name: 'day', id: 'to-day', label: 'Day' }} month={{ name: 'month', id: 'to-month', label: 'Month' }} year={{ name: 'year', id: 'to-year', label: 'Year' }} />
                </>
              ),
            },
          }))}
        />
      </div>
      <Button text={props.buttonText} classes="govuk-button--secondary" />
    </form>
  );
}
