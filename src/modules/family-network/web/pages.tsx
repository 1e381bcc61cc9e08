/**
 * The family network's own pages: a household (its members, their roles and involvements, the
 * genogram and its table), adding an adult linked to a child, a household's move, and removing a
 * flag. Each posts to the API, which is the one judge of what is valid; its problems are shown on
 * the questions they belong to.
 */
import { useState, type ReactNode } from 'react';
import { api } from '../../../web/api.ts';
import { formatDate } from '../../../web/format.ts';
import { ProblemSummary, problemsFrom, useProblems } from '../../../web/forms/problems.tsx';
import { BackLink, Button, DateInput, Input, NotificationBanner, Radios, Select, Textarea } from '../../../web/govuk/index.ts';
import { setFlash, takeFlash } from '../../../web/pages/flash.ts';
import { navigate } from '../../../web/router.tsx';
import { dateFrom, type FormValues } from '../../../web/recording/event-forms.ts';
import { useApi } from '../../../web/use-api.ts';
import type { ModulePage, RecordKernel } from '../../../web/web-module.ts';
import type { ChildDetails } from '../../people/index.ts';
import type { HouseholdMembershipState } from '../../people/state.ts';
import { adultRelationshipKinds, type AdultRecord, type HouseholdPage as HouseholdAnswer } from '../adults.ts';
import { relationshipWords } from '../genogram.ts';
import type { FamilyNetworkReadModel } from '../read-model.ts';
import { GenogramDrawing, GenogramTable } from './genogram.tsx';
import { addressText, flagText } from './record-panel.tsx';

type ChildShown = RecordKernel & Partial<FamilyNetworkReadModel> & { details?: ChildDetails; households?: HouseholdMembershipState[] };
type PageProps = Parameters<ModulePage['Page']>[0];

const valuesOf = (form: HTMLFormElement): FormValues => {
  const values: FormValues = {};
  for (const [key, value] of new FormData(form).entries()) values[key] = String(value);
  return values;
};
const text = (values: FormValues, name: string) => {
  const value = String(values[name] ?? '').trim();
  return value === '' ? undefined : value;
};
const yesNo = (values: FormValues, name: string) => (values[name] === 'yes' ? true : values[name] === 'no' ? false : undefined);
const addressOf = (values: FormValues, prefix: string) => {
  const parts = { line1: text(values, `${prefix}.line1`), line2: text(values, `${prefix}.line2`), town: text(values, `${prefix}.town`), postcode: text(values, `${prefix}.postcode`) };
  return Object.values(parts).some(Boolean) ? Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)) : undefined;
};
const withoutUndefined = (object: Record<string, unknown>) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

/** The boxes of an address, named as the API names its fields (`address.line1`…), so its problems land on them. */
function AddressInputs(props: { prefix: string; errorOf: (field: string) => { text: string } | undefined; optional?: boolean }) {
  const { prefix, errorOf } = props;
  const optional = props.optional ? ' (optional)' : '';
  return (
    <>
      <Input id={`${prefix}.line1`} name={`${prefix}.line1`} label={{ text: `Address line 1${optional}` }} autocomplete="address-line1" errorMessage={errorOf(`${prefix}.line1`)} />
      <Input id={`${prefix}.line2`} name={`${prefix}.line2`} label={{ text: 'Address line 2 (optional)' }} autocomplete="address-line2" errorMessage={errorOf(`${prefix}.line2`)} />
      <Input id={`${prefix}.town`} name={`${prefix}.town`} label={{ text: 'Town or city (optional)' }} classes="govuk-!-width-two-thirds" autocomplete="address-level2" errorMessage={errorOf(`${prefix}.town`)} />
      <Input id={`${prefix}.postcode`} name={`${prefix}.postcode`} label={{ text: `Postcode${optional}` }} classes="govuk-input--width-10" autocomplete="postal-code" errorMessage={errorOf(`${prefix}.postcode`)} />
    </>
  );
}

function DateQuestion(props: { name: string; legend: string; hint?: string; errorOf: (field: string) => { text: string } | undefined; large?: boolean }) {
  return (
    <DateInput id={props.name} namePrefix={props.name} fieldset={{ legend: { text: props.legend, classes: props.large ? 'govuk-fieldset__legend--m' : undefined } }}
      hint={props.hint ? { text: props.hint } : undefined} errorMessage={props.errorOf(props.name)} />
  );
}

const yesNoItems = [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }];

function FormPage(props: { back: { href: string; text: string }; caption: string; title: string; problems: ReturnType<typeof useProblems>; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={props.back.href} text={props.back.text} />
        <ProblemSummary problems={props.problems.problems} summaryRef={props.problems.summaryRef} />
        <span className="govuk-caption-l">{props.caption}</span>
        <h1 className="govuk-heading-l">{props.title}</h1>
        {props.children}
      </div>
    </div>
  );
}

const adultFields = ['adult.forename', 'adult.surname', 'adult.dateOfBirth', 'adult.sex', 'adult.address.line1', 'adult.address.line2', 'adult.address.town', 'adult.address.postcode',
  'adult.phone', 'adult.email', 'adult.interpreterNeeded', 'adult.interpreterLanguage', 'adult.professionalInvolved', 'link.relationship', 'link.parentalResponsibility', 'link.livesWithChild', 'link.linkedOn'];

/** Add a parent, carer or other adult, linked to the child. */
function AddAdultPage(props: PageProps) {
  const childId = props.params.childId!;
  const base = `/children/${encodeURIComponent(childId)}`;
  const record = useApi<ChildShown>(base);
  const problems = useProblems();
  const { show, errorOf } = problems;
  const [submitting, setSubmitting] = useState(false);
  const name = record.data?.details ? `${record.data.details.forename} ${record.data.details.surname}` : childId;
  const household = record.data?.households?.find((h) => h.leftOn === undefined)?.householdId;

  const submit = async (form: HTMLFormElement) => {
    const values = valuesOf(form);
    const livesWithChild = yesNo(values, 'link.livesWithChild');
    const interpreterNeeded = yesNo(values, 'adult.interpreterNeeded');
    const body = {
      adult: withoutUndefined({
        forename: text(values, 'adult.forename'), surname: text(values, 'adult.surname'), dateOfBirth: dateFrom(values, 'adult.dateOfBirth'),
        sex: text(values, 'adult.sex'), address: addressOf(values, 'adult.address'), phone: text(values, 'adult.phone'), email: text(values, 'adult.email'),
        interpreterNeeded: interpreterNeeded ?? false, interpreterLanguage: text(values, 'adult.interpreterLanguage'),
        professionalInvolved: text(values, 'adult.professionalInvolved'),
        // Living with the child is living in the child's household, where the council records one.
        householdId: livesWithChild && household ? household : undefined,
      }),
      link: withoutUndefined({
        relationship: text(values, 'link.relationship'), parentalResponsibility: yesNo(values, 'link.parentalResponsibility'), livesWithChild,
      }),
    };
    const missing = [
      !body.adult.forename ? { field: 'adult.forename', message: 'Enter their first name' } : null,
      !body.adult.surname ? { field: 'adult.surname', message: 'Enter their last name' } : null,
      !body.link.relationship ? { field: 'link.relationship', message: 'Select how they are related to the child' } : null,
      body.link.parentalResponsibility === undefined ? { field: 'link.parentalResponsibility', message: 'Select yes if they have parental responsibility for the child' } : null,
      livesWithChild === undefined ? { field: 'link.livesWithChild', message: 'Select yes if they live with the child' } : null,
    ].filter((p): p is { field: string; message: string } => p !== null);
    if (missing.length > 0) { show(missing); return; }
    setSubmitting(true);
    try {
      await api.post(`${base}/adults`, body);
      setFlash(`${body.adult.forename} ${body.adult.surname} is added to ${name}'s network.`);
      navigate(`${base}/family-network`);
    } catch (caught) {
      show(problemsFrom(caught, adultFields, 'The adult could not be added: try again'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormPage back={{ href: `${base}/family-network`, text: 'Back to the family and network' }} caption={name} title="Add a parent, carer or other adult" problems={problems}>
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="add-adult-form">
        <h2 className="govuk-heading-m">Who they are</h2>
        <Input id="adult.forename" name="adult.forename" label={{ text: 'First name' }} autocomplete="off" errorMessage={errorOf('adult.forename')} />
        <Input id="adult.surname" name="adult.surname" label={{ text: 'Last name' }} autocomplete="off" errorMessage={errorOf('adult.surname')} />
        <DateQuestion name="adult.dateOfBirth" legend="Date of birth (optional)" hint="For example, 27 3 1988" errorOf={errorOf} />
        <Radios name="adult.sex" idPrefix="adult.sex" classes="govuk-radios--inline" fieldset={{ legend: { text: 'Sex' } }} hint={{ text: 'The genogram draws a man as a square, a woman as a circle' }}
          items={[{ value: 'F', text: 'Female' }, { value: 'M', text: 'Male' }, { value: 'U', text: 'Not known' }]} errorMessage={errorOf('adult.sex')} />
        <h2 className="govuk-heading-m">Who they are to {name}</h2>
        <Select id="link.relationship" name="link.relationship" label={{ text: 'Relationship to the child' }} errorMessage={errorOf('link.relationship')}
          items={[{ value: '', text: 'Select a relationship' }, ...adultRelationshipKinds.map((kind) => ({ value: kind, text: relationshipWords(kind) }))]} />
        <Radios name="link.parentalResponsibility" idPrefix="link.parentalResponsibility" classes="govuk-radios--inline" items={yesNoItems}
          fieldset={{ legend: { text: `Do they have parental responsibility for ${name}?` } }} errorMessage={errorOf('link.parentalResponsibility')} />
        <Radios name="link.livesWithChild" idPrefix="link.livesWithChild" classes="govuk-radios--inline" items={yesNoItems}
          fieldset={{ legend: { text: `Do they live with ${name}?` } }} hint={household ? { text: `If yes, they are added to the child's household (${household})` } : undefined}
          errorMessage={errorOf('link.livesWithChild')} />
        <h2 className="govuk-heading-m">How to contact them</h2>
        <AddressInputs prefix="adult.address" errorOf={errorOf} optional />
        <Input id="adult.phone" name="adult.phone" type="tel" label={{ text: 'Telephone (optional)' }} classes="govuk-input--width-20" autocomplete="off" errorMessage={errorOf('adult.phone')} />
        <Input id="adult.email" name="adult.email" type="email" label={{ text: 'Email address (optional)' }} autocomplete="off" spellcheck={false} errorMessage={errorOf('adult.email')} />
        <Radios name="adult.interpreterNeeded" idPrefix="adult.interpreterNeeded" classes="govuk-radios--inline" items={yesNoItems}
          fieldset={{ legend: { text: 'Do they need an interpreter?' } }} errorMessage={errorOf('adult.interpreterNeeded')} />
        <Input id="adult.interpreterLanguage" name="adult.interpreterLanguage" label={{ text: 'If so, in which language?' }} classes="govuk-!-width-one-half" errorMessage={errorOf('adult.interpreterLanguage')} />
        <Textarea id="adult.professionalInvolved" name="adult.professionalInvolved" rows={2} label={{ text: 'Professional working with them (optional)' }}
          hint={{ text: 'For example, their probation officer or adult mental health worker' }} errorMessage={errorOf('adult.professionalInvolved')} />
        <Button text="Add to the network" disabled={submitting} preventDoubleClick />
      </form>
    </FormPage>
  );
}

/** A household: who lives in it, their roles and involvements, where it lives, and its genogram with the same as a table. */
function HouseholdPageView(props: PageProps) {
  const householdId = props.params.householdId!;
  const household = useApi<HouseholdAnswer>(`/households/${encodeURIComponent(householdId)}`);
  const [flash] = useState(takeFlash);
  if (household.error) {
    return (<><h1 className="govuk-heading-l">Household not found</h1><p className="govuk-body">{household.error.message}</p></>);
  }
  if (!household.data) return <p className="govuk-body" role="status">Loading…</p>;
  const data = household.data;
  const members = new Set([...data.memberChildIds, ...data.memberPersonIds]);
  const childById = new Map(data.children.map((c) => [c.childId, c]));
  const rolesOf = (personId: string) => data.relationships.filter((r) => r.personId === personId).map((r) => {
    const child = childById.get(r.childId);
    return `${relationshipWords(r.relationship)} of ${child ? `${child.forename} ${child.surname}` : r.childId}${r.parentalResponsibility ? ' (parental responsibility)' : ''}`;
  });
  return (
    <>
      {flash ? <NotificationBanner type="success" text={flash} /> : null}
      <span className="govuk-caption-l">Household {householdId}</span>
      <h1 className="govuk-heading-l">The household</h1>
      <p className="govuk-body" data-testid="household-address">{data.address ? <>Lives at {addressText(data.address)}{data.addressFrom ? `, since ${formatDate(data.addressFrom)}` : ''}.</> : 'No address recorded for the household.'}</p>
      <p className="govuk-body"><a className="govuk-link" href={`/households/${encodeURIComponent(householdId)}/move`}>Change the household's address</a></p>
      <h2 className="govuk-heading-m">Members</h2>
      <div className="app-table-scroll" role="region" aria-label="Members of the household" tabIndex={0}>
        <table className="govuk-table" data-testid="household-members">
          <caption className="govuk-table__caption govuk-visually-hidden">Members of the household</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th><th scope="col" className="govuk-table__header">Role</th>
            <th scope="col" className="govuk-table__header">Date of birth</th><th scope="col" className="govuk-table__header">Current involvements</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {data.children.filter((c) => members.has(c.childId)).map((c) => (
              <tr key={c.childId} className="govuk-table__row">
                <td className="govuk-table__cell"><a className="govuk-link" href={`/children/${encodeURIComponent(c.childId)}/family-network`}>{c.forename} {c.surname}</a></td>
                <td className="govuk-table__cell">Child</td>
                <td className="govuk-table__cell">{formatDate(c.dateOfBirth) || 'Not known'}</td>
                <td className="govuk-table__cell">{props.tagsFor(c)}</td>
              </tr>
            ))}
            {data.adults.filter((a) => members.has(a.personId)).map((a) => (
              <tr key={a.personId} className="govuk-table__row">
                <td className="govuk-table__cell"><a className="govuk-link" href={`/adults/${encodeURIComponent(a.personId)}`}>{a.details.forename} {a.details.surname}</a>{a.details.interpreterNeeded ? <><br /><strong>Interpreter needed: {a.details.interpreterLanguage}</strong></> : null}</td>
                <td className="govuk-table__cell">{rolesOf(a.personId).join('; ') || 'Adult'}</td>
                <td className="govuk-table__cell">{formatDate(a.details.dateOfBirth) || 'Not known'}</td>
                <td className="govuk-table__cell">Not applicable</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.adults.some((a) => !members.has(a.personId)) ? (
        <>
          <h2 className="govuk-heading-m">Related adults living elsewhere</h2>
          <ul className="govuk-list">
            {data.adults.filter((a) => !members.has(a.personId)).map((a) => <li key={a.personId}>{a.details.forename} {a.details.surname}: {rolesOf(a.personId).join('; ')}</li>)}
          </ul>
        </>
      ) : null}
      <h2 className="govuk-heading-m">Genogram</h2>
      <GenogramDrawing network={data} title={`Genogram of household ${householdId}`} />
      <div className="app-table-scroll" role="region" aria-label="The genogram as a table" tabIndex={0}>
        <GenogramTable network={data} caption="The genogram as a table"
          linkOf={(person) => (person.kind === 'child' ? `/children/${encodeURIComponent(person.id)}/family-network` : `/adults/${encodeURIComponent(person.id)}`)} />
      </div>
    </>
  );
}

/** The household moved: one address and date, applied to each member. */
function MoveHouseholdPage(props: PageProps) {
  const householdId = props.params.householdId!;
  const back = `/households/${encodeURIComponent(householdId)}`;
  const problems = useProblems();
  const { show, errorOf } = problems;
  const [submitting, setSubmitting] = useState(false);
  const submit = async (form: HTMLFormElement) => {
    const values = valuesOf(form);
    const body = withoutUndefined({ address: addressOf(values, 'address') ?? {}, movedOn: dateFrom(values, 'movedOn'), reason: text(values, 'reason') });
    const missing = [
      !text(values, 'address.line1') ? { field: 'address.line1', message: 'Enter the first line of the new address' } : null,
      !text(values, 'address.postcode') ? { field: 'address.postcode', message: 'Enter the postcode of the new address' } : null,
      !body.movedOn ? { field: 'movedOn', message: 'Enter the date of the move' } : null,
    ].filter((p): p is { field: string; message: string } => p !== null);
    if (missing.length > 0) { show(missing); return; }
    setSubmitting(true);
    try {
      const moved = await api.post<{ childIds: string[]; personIds: string[] }>(`${back}/moves`, body);
      setFlash(`The household's move is recorded for ${moved.childIds.length} ${moved.childIds.length === 1 ? 'child' : 'children'} and ${moved.personIds.length} ${moved.personIds.length === 1 ? 'adult' : 'adults'}.`);
      navigate(back);
    } catch (caught) {
      show(problemsFrom(caught, ['address.line1', 'address.line2', 'address.town', 'address.postcode', 'movedOn', 'reason'], 'The move could not be recorded: try again'));
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <FormPage back={{ href: back, text: 'Back to the household' }} caption={`Household ${householdId}`} title="Change the household's address" problems={problems}>
      <p className="govuk-body">The move is recorded once and applied to every member of the household: each child's address history and each adult living here.</p>
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="move-household-form">
        <AddressInputs prefix="address" errorOf={errorOf} />
        <DateQuestion name="movedOn" legend="Date of the move" hint="For example, 1 11 2026" errorOf={errorOf} />
        <Textarea id="reason" name="reason" rows={2} label={{ text: 'Why did they move? (optional)' }} errorMessage={errorOf('reason')} />
        <Button text="Record the move" disabled={submitting} preventDoubleClick />
      </form>
    </FormPage>
  );
}

/** Removes a flag from the record, with the reason. */
function RemoveFlagPage(props: PageProps) {
  const { childId, flagId } = props.params as { childId: string; flagId: string };
  const base = `/children/${encodeURIComponent(childId)}`;
  const record = useApi<ChildShown>(base);
  const problems = useProblems();
  const { show, errorOf } = problems;
  const [submitting, setSubmitting] = useState(false);
  const flag = record.data?.familyNetwork?.flags.find((f) => f.flagId === flagId);
  const name = record.data?.details ? `${record.data.details.forename} ${record.data.details.surname}` : childId;
  const submit = async (form: HTMLFormElement) => {
    const values = valuesOf(form);
    const reason = text(values, 'reason');
    const on = dateFrom(values, 'occurredAt');
    const missing = [
      !on ? { field: 'occurredAt', message: 'Enter the date the flag was removed' } : null,
      !reason ? { field: 'reason', message: 'Enter why the flag is removed' } : null,
    ].filter((p): p is { field: string; message: string } => p !== null);
    if (missing.length > 0) { show(missing); return; }
    setSubmitting(true);
    try {
      await api.post(`${base}/events`, { type: 'flag.removed', occurredAt: on, clientId: `flag-removed-${flagId}-${Date.now()}`, data: { flagId, reason } });
      setFlash(`The flag "${flag ? flagText(flag) : ''}" is removed.`);
      navigate(`${base}/family-network`);
    } catch (caught) {
      show(problemsFrom(caught, ['occurredAt', 'reason'], 'The flag could not be removed: try again').map((p) => (p.field === 'data.reason' ? { ...p, field: 'reason' } : p)));
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <FormPage back={{ href: `${base}/family-network`, text: 'Back to the family and network' }} caption={name} title="Remove a flag" problems={problems}>
      {flag ? <p className="govuk-body">Flag: <strong>{flagText(flag)}</strong>, raised {formatDate(flag.raisedOn)}: {flag.reason}</p> : null}
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="remove-flag-form">
        <DateQuestion name="occurredAt" legend="Date the flag was removed" errorOf={errorOf} />
        <Textarea id="reason" name="reason" rows={3} label={{ text: 'Why is the flag removed?' }} errorMessage={errorOf('reason')} />
        <Button text="Remove the flag" disabled={submitting} preventDoubleClick />
      </form>
    </FormPage>
  );
}

/** An adult of a child's network: what is known of them now and before, where they have lived, the children they are linked to, and linking them to another. */
function AdultPage(props: PageProps) {
  const personId = props.params.personId!;
  const adult = useApi<AdultRecord>(`/adults/${encodeURIComponent(personId)}`);
  const problems = useProblems();
  const { show, errorOf } = problems;
  const [submitting, setSubmitting] = useState(false);
  const [flash] = useState(takeFlash);
  if (adult.error) return (<><h1 className="govuk-heading-l">Person not found</h1><p className="govuk-body">{adult.error.message}</p></>);
  if (!adult.data) return <p className="govuk-body" role="status">Loading…</p>;
  const { current, versions, addressHistory, links } = adult.data;
  const d = current.details;
  const name = `${d.forename} ${d.surname}`;
  const submit = async (form: HTMLFormElement) => {
    const values = valuesOf(form);
    const body = withoutUndefined({
      childId: text(values, 'childId'), relationship: text(values, 'relationship'),
      parentalResponsibility: yesNo(values, 'parentalResponsibility'), livesWithChild: yesNo(values, 'livesWithChild'),
    });
    const missing = [
      !body.childId ? { field: 'childId', message: 'Enter the child\'s LA child id' } : null,
      !body.relationship ? { field: 'relationship', message: 'Select how they are related to the child' } : null,
      body.parentalResponsibility === undefined ? { field: 'parentalResponsibility', message: 'Select yes if they have parental responsibility for the child' } : null,
      body.livesWithChild === undefined ? { field: 'livesWithChild', message: 'Select yes if they live with the child' } : null,
    ].filter((p): p is { field: string; message: string } => p !== null);
    if (missing.length > 0) { show(missing); return; }
    setSubmitting(true);
    try {
      await api.post(`/adults/${encodeURIComponent(personId)}/links`, body);
      setFlash(`${name} is linked to ${String(body.childId)}.`);
      navigate(`/children/${encodeURIComponent(String(body.childId))}/family-network`);
    } catch (caught) {
      show(problemsFrom(caught, ['childId', 'relationship', 'parentalResponsibility', 'livesWithChild'], 'They could not be linked to the child: try again'));
    } finally {
      setSubmitting(false);
    }
  };
  const rows: [string, ReactNode][] = [
    ['Date of birth', formatDate(d.dateOfBirth) || 'Not known'],
    ['Address', d.address ? addressText(d.address) : 'Not recorded'],
    ['Telephone', d.phone ?? 'Not recorded'],
    ['Email', d.email ?? 'Not recorded'],
    ['Interpreter', d.interpreterNeeded ? `Needed: ${d.interpreterLanguage}` : 'Not needed'],
    ['Professional working with them', d.professionalInvolved ?? 'None recorded'],
  ];
  return (
    <>
      {flash ? <NotificationBanner type="success" text={flash} /> : null}
      <ProblemSummary problems={problems.problems} summaryRef={problems.summaryRef} />
      <span className="govuk-caption-l">Adult in a child's network</span>
      <h1 className="govuk-heading-l">{name}</h1>
      <dl className="govuk-summary-list" data-testid="adult-details">
        {rows.map(([key, value]) => <div key={key} className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{key}</dt><dd className="govuk-summary-list__value app-break-anywhere">{value}</dd></div>)}
      </dl>
      <h2 className="govuk-heading-m">Children they are linked to</h2>
      <ul className="govuk-list" data-testid="adult-links">
        {links.map((l) => <li key={l.relationshipId}><a className="govuk-link" href={`/children/${encodeURIComponent(l.childId)}/family-network`}>{l.childId}</a>: {relationshipWords(l.relationship)}{l.parentalResponsibility ? ', with parental responsibility' : ''}{l.livesWithChild ? ', lives with them' : ''}</li>)}
      </ul>
      <h2 className="govuk-heading-m">Address history</h2>
      {addressHistory.length === 0 ? <p className="govuk-body">No address recorded.</p> : (
        <ul className="govuk-list">{[...addressHistory].reverse().map((a) => <li key={a.from}>{addressText(a.address)}: from {formatDate(a.from)}{a.to ? ` to ${formatDate(a.to)}` : ''}</li>)}</ul>
      )}
      <h2 className="govuk-heading-m">Changes to their details</h2>
      <ul className="govuk-list">{[...versions].reverse().map((v) => <li key={v.version}>Version {v.version}, {formatDate(v.recordedAt.slice(0, 10))}: {v.changeReason ?? 'first recorded'}</li>)}</ul>
      <h2 className="govuk-heading-m">Link {name} to another child</h2>
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="link-adult-form">
        <Input id="childId" name="childId" label={{ text: 'The child\'s LA child id' }} classes="govuk-input--width-20" autocomplete="off" spellcheck={false} errorMessage={errorOf('childId')} />
        <Select id="relationship" name="relationship" label={{ text: 'Relationship to the child' }} errorMessage={errorOf('relationship')}
          items={[{ value: '', text: 'Select a relationship' }, ...adultRelationshipKinds.map((kind) => ({ value: kind, text: relationshipWords(kind) }))]} />
        <Radios name="parentalResponsibility" idPrefix="parentalResponsibility" classes="govuk-radios--inline" items={yesNoItems}
          fieldset={{ legend: { text: 'Do they have parental responsibility for the child?' } }} errorMessage={errorOf('parentalResponsibility')} />
        <Radios name="livesWithChild" idPrefix="livesWithChild" classes="govuk-radios--inline" items={yesNoItems}
          fieldset={{ legend: { text: 'Do they live with the child?' } }} errorMessage={errorOf('livesWithChild')} />
        <Button text="Link to the child" disabled={submitting} preventDoubleClick />
      </form>
    </>
  );
}

export const familyNetworkPages: readonly ModulePage[] = [
  { pattern: '/adults/:personId', title: 'Adult in a child\'s network', Page: AdultPage },
  { pattern: '/children/:childId/family-network/add-adult', title: 'Add a parent, carer or other adult', Page: AddAdultPage },
  { pattern: '/children/:childId/family-network/flags/:flagId/remove', title: 'Remove a flag', Page: RemoveFlagPage },
  { pattern: '/households/:householdId', title: 'Household', Page: HouseholdPageView },
  { pattern: '/households/:householdId/move', title: 'Change the household\'s address', Page: MoveHouseholdPage },
];
