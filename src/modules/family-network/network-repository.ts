/**
 * The data-access layer of the family network, bound to one request's actor: the adults' versions
 * (migration 0030), a child's network and a household's page, a household's move. Every child a
 * page shows is audited as read, as each adult is through the children they are linked to; an
 * adult is visible only to a reader who may see one of the children they are linked to.
 */
import { randomUUID } from 'node:crypto';
import { isPartnerAgency, visibleChildCondition } from '../../access/policy.ts';
import { writeAuditForChildren } from '../../platform/audit/audit.ts';
import { todayInLondon } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { involvementsJsonSql } from '../../record/involvement-list.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';
import { addressHistoryOf, AdultDetails, type AdultLink, type AdultRecord, type AdultVersion, type HouseholdPage, type Network, type NetworkRelationship } from './adults.ts';
import type { Address } from './events.ts';

type Records = Pick<ChildRecordRepository, 'assertMaySee' | 'recordEvent'>;

export interface HouseholdMove {
  address: Address;
  movedOn: string;
  reason?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const versionOf = (row: any): AdultVersion => ({
  personId: row.person_id, version: row.version, details: AdultDetails.parse(row.data), changeReason: row.change_reason,
  recordedBy: row.recorded_by_user, recordedAt: new Date(row.recorded_at).toISOString(),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const relationshipOf = (row: any): NetworkRelationship => ({
  childId: row.child_id, relationshipId: row.relationship_id, relationship: row.relationship, relatedChildId: row.related_child_id, personId: row.related_person_id,
  personName: row.related_person_name, parentalResponsibility: row.parental_responsibility, livesWithChild: row.lives_with_child,
  recordedOn: typeof row.recorded_on === 'string' ? row.recorded_on : new Date(row.recorded_on).toISOString().slice(0, 10),
});

const dateText = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value.slice(0, 10) : (value as Date).toISOString().slice(0, 10));

export class FamilyNetworkRepository {
  constructor(private readonly db: Database, private readonly context: RequestContext, private readonly records: Records) {}

  /** A partner agency sees the partner view of a shared record, which leaves the family network out. */
  private refusePartnerAgency(): void {
    if (isPartnerAgency(this.context.access)) {
      throw new DomainError('forbidden', `A ${this.context.access!.role.replace(/-/g, ' ')} cannot see the family network of a child`);
    }
  }

  private auditChildren(action: 'read' | 'write', resource: string, childIds: readonly string[], detail: Record<string, unknown>) {
    return writeAuditForChildren(this.db.pool, {
      laCode: this.context.laCode, actor: this.context.actor, correlationId: this.context.correlationId, action, resource, outcome: 'ok', detail,
    }, [...new Set(childIds)]);
  }

  /** The children of `childIds` the reader may see. */
  private async visibleOf(childIds: readonly string[]): Promise<string[]> {
    if (childIds.length === 0) return [];
    const visible = visibleChildCondition(this.context.access, 'c', 3);
    const result = await this.db.pool.query(
      `SELECT c.child_id FROM child c WHERE c.la_code = $1 AND c.child_id = ANY($2::text[]) AND (${visible.sql}) ORDER BY c.child_id`,
      [this.context.laCode, childIds, ...visible.params],
    );
    return result.rows.map((row) => row.child_id as string);
  }

  /** The children an adult is linked to that the reader may see; not_found when there are none (an adult is known only through them). */
  private async visibleChildrenOfAdult(personId: string): Promise<string[]> {
    const linked = await this.db.pool.query(
      'SELECT DISTINCT child_id FROM child_relationship WHERE la_code = $1 AND related_person_id = $2',
      [this.context.laCode, personId],
    );
    const visible = await this.visibleOf(linked.rows.map((row) => row.child_id as string));
    if (visible.length === 0) throw DomainError.notFound(`No adult with person id ${personId}`, 'personId');
    return visible;
  }

  private async versionsOf(personId: string): Promise<AdultVersion[]> {
    const result = await this.db.pool.query(
      'SELECT * FROM family_adult_version WHERE la_code = $1 AND person_id = $2 ORDER BY version',
      [this.context.laCode, personId],
    );
    return result.rows.map(versionOf);
  }

  private async insertVersion(personId: string, version: number, details: AdultDetails, changeReason: string | null): Promise<AdultVersion> {
    const recordedAt = new Date().toISOString();
    try {
      await this.db.pool.query(
        `INSERT INTO family_adult_version (la_code, person_id, version, data, household_id, change_reason, recorded_by_user, recorded_by_role, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [this.context.laCode, personId, version, JSON.stringify(details), details.householdId ?? null, changeReason, this.context.actor.userId, this.context.actor.role, recordedAt],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new DomainError('conflict', 'Someone else changed this person\'s details while you were editing them: look at their details again and make your change');
      }
      throw error;
    }
    return { personId, version, details, changeReason, recordedBy: this.context.actor.userId, recordedAt };
  }

  private linkCommand(personId: string, details: AdultDetails, link: AdultLink) {
    return {
      type: 'relationship.recorded' as const, occurredAt: link.linkedOn ?? todayInLondon(), clientId: `adult-link-${personId}-${randomUUID()}`,
      data: {
        relationship: link.relationship, relatedPerson: { personId, name: `${details.forename} ${details.surname}`, ...(details.dateOfBirth ? { dateOfBirth: details.dateOfBirth } : {}) },
        parentalResponsibility: link.parentalResponsibility, livesWithChild: link.livesWithChild,
      },
    };
  }

  /**
   * Records a new adult, linked to a child: the relationship is recorded on the child's record first
   * (refused, and nothing kept, if the actor may not record there), then the adult's first version.
   */
  async addAdult(childId: string, details: AdultDetails, link: AdultLink): Promise<{ adult: AdultVersion; relationshipId: string }> {
    this.refusePartnerAgency();
    const personId = randomUUID();
    const recorded = await this.records.recordEvent(childId, this.linkCommand(personId, details, link));
    const adult = await this.insertVersion(personId, 1, details, null);
    await this.auditChildren('write', 'family-adult', [childId], { personId, version: 1 });
    return { adult, relationshipId: recorded.event.eventId };
  }

  /** Links an adult the actor may see to another child (a relationship recorded on that child's record). */
  async linkAdult(personId: string, childId: string, link: AdultLink): Promise<{ relationshipId: string }> {
    this.refusePartnerAgency();
    await this.visibleChildrenOfAdult(personId);
    const current = (await this.versionsOf(personId)).at(-1)!;
    const recorded = await this.records.recordEvent(childId, this.linkCommand(personId, current.details, link));
    return { relationshipId: recorded.event.eventId };
  }

  /** A new version of what is known of an adult, made from the version the actor saw (a conflict if another came since). */
  async changeAdult(personId: string, basedOnVersion: number, details: AdultDetails, changeReason: string): Promise<AdultVersion> {
    this.refusePartnerAgency();
    if (this.context.access && !this.context.access.records) {
      throw new DomainError('forbidden', `A ${this.context.access.role.replace(/-/g, ' ')} does not record on children's records`);
    }
    const children = await this.visibleChildrenOfAdult(personId);
    const latest = (await this.versionsOf(personId)).at(-1)!;
    if (latest.version !== basedOnVersion) {
      throw new DomainError('conflict', 'Someone else changed this person\'s details while you were editing them: look at their details again and make your change');
    }
    const version = await this.insertVersion(personId, basedOnVersion + 1, details, changeReason);
    await this.auditChildren('write', 'family-adult', children, { personId, version: version.version });
    return version;
  }

  /** An adult's versions, address history and links to the children the reader may see; a read of each of those children. */
  async getAdult(personId: string): Promise<AdultRecord> {
    this.refusePartnerAgency();
    const children = await this.visibleChildrenOfAdult(personId);
    const versions = await this.versionsOf(personId);
    const links = await this.db.pool.query(
      `SELECT * FROM child_relationship WHERE la_code = $1 AND related_person_id = $2 AND child_id = ANY($3::text[]) AND ended_on IS NULL ORDER BY recorded_on, child_id`,
      [this.context.laCode, personId, children],
    );
    await this.auditChildren('read', 'family-adult', children, { personId });
    return { current: versions.at(-1)!, versions, addressHistory: addressHistoryOf(versions), links: links.rows.map(relationshipOf) };
  }

  /** The network of the given children (all visible): who they are, their current relationships, and the adults linked to them. */
  private async networkOf(childIds: readonly string[], extraPersonIds: readonly string[] = []): Promise<Network> {
    const children = await this.db.pool.query(
      `SELECT c.child_id, c.forename, c.surname, c.date_of_birth, c.sex, c.status, ${involvementsJsonSql('c.la_code', 'c.child_id')} AS involvements
         FROM child c WHERE c.la_code = $1 AND c.child_id = ANY($2::text[]) ORDER BY c.date_of_birth NULLS LAST, c.child_id`,
      [this.context.laCode, childIds],
    );
    const relationships = await this.db.pool.query(
      `SELECT * FROM child_relationship WHERE la_code = $1 AND child_id = ANY($2::text[]) AND ended_on IS NULL ORDER BY child_id, recorded_on, relationship_id`,
      [this.context.laCode, childIds],
    );
    const personIds = [...new Set([...relationships.rows.map((row) => row.related_person_id as string | null).filter((id): id is string => id !== null), ...extraPersonIds])];
    const adults = personIds.length === 0 ? { rows: [] } : await this.db.pool.query(
      `SELECT DISTINCT ON (person_id) * FROM family_adult_version WHERE la_code = $1 AND person_id::text = ANY($2::text[]) ORDER BY person_id, version DESC`,
      [this.context.laCode, personIds],
    );
    return {
      children: children.rows.map((row) => ({
        childId: row.child_id, forename: row.forename, surname: row.surname, dateOfBirth: dateText(row.date_of_birth), sex: row.sex, status: row.status,
        involvements: row.involvements ?? [],
      })),
      adults: adults.rows.map(versionOf).sort((a, b) => a.details.surname.localeCompare(b.details.surname) || a.details.forename.localeCompare(b.details.forename)),
      // Links to children the reader may not see are left out: they would name them.
      relationships: relationships.rows.map(relationshipOf).filter((r) => r.relatedChildId === null || childIds.includes(r.relatedChildId)),
    };
  }

  /**
   * A child's network: the child, their siblings and the other children of their current
   * households (those the reader may see), and the adults linked to any of them.
   */
  async childNetwork(childId: string): Promise<Network> {
    this.refusePartnerAgency();
    await this.records.assertMaySee(childId, 'family-network');
    const today = todayInLondon();
    const related = await this.db.pool.query(
      `SELECT related_child_id AS child_id FROM child_relationship WHERE la_code = $1 AND child_id = $2 AND related_child_id IS NOT NULL AND ended_on IS NULL
       UNION SELECT child_id FROM child_relationship WHERE la_code = $1 AND related_child_id = $2 AND ended_on IS NULL
       UNION SELECT other.child_id FROM household_membership mine
               JOIN household_membership other ON other.la_code = mine.la_code AND other.household_id = mine.household_id
              WHERE mine.la_code = $1 AND mine.child_id = $2 AND (mine.left_on IS NULL OR mine.left_on > $3) AND (other.left_on IS NULL OR other.left_on > $3)`,
      [this.context.laCode, childId, today],
    );
    const shown = [childId, ...(await this.visibleOf(related.rows.map((row) => row.child_id as string).filter((id) => id !== childId)))];
    const network = await this.networkOf(shown);
    await this.auditChildren('read', 'family-network', shown, { of: childId });
    return network;
  }

  /** The current member children of a household, all of them (whether the reader may see them or not). */
  private async memberChildrenOf(householdId: string): Promise<string[]> {
    const today = todayInLondon();
    const result = await this.db.pool.query(
      `SELECT DISTINCT child_id FROM household_membership WHERE la_code = $1 AND household_id = $2 AND joined_on <= $3 AND (left_on IS NULL OR left_on > $3) ORDER BY child_id`,
      [this.context.laCode, householdId, today],
    );
    return result.rows.map((row) => row.child_id as string);
  }

  /** The adults whose current version places them in the household. */
  private async memberAdultsOf(householdId: string): Promise<string[]> {
    const result = await this.db.pool.query(
      `SELECT person_id FROM (SELECT DISTINCT ON (person_id) person_id, household_id FROM family_adult_version WHERE la_code = $1
         AND person_id IN (SELECT person_id FROM family_adult_version WHERE la_code = $1 AND household_id = $2) ORDER BY person_id, version DESC) latest
        WHERE household_id = $2`,
      [this.context.laCode, householdId],
    );
    return result.rows.map((row) => String(row.person_id));
  }

  /**
   * A household's page: its member children the reader may see, the adults living in it or with
   * them, everyone they are related to, and where the household lives; not_found when the reader
   * may see none of its children.
   */
  async household(householdId: string): Promise<HouseholdPage> {
    this.refusePartnerAgency();
    const members = await this.visibleOf(await this.memberChildrenOf(householdId));
    if (members.length === 0) throw DomainError.notFound(`No household with id ${householdId}`, 'householdId');
    const residentAdults = await this.memberAdultsOf(householdId);
    const network = await this.networkOf(members, residentAdults);
    // Adults known only through children the reader may not see stay hidden.
    const linkedToShown = new Set(network.relationships.map((r) => r.personId));
    network.adults = network.adults.filter((adult) => linkedToShown.has(adult.personId));
    const livesWithMember = new Set(network.relationships.filter((r) => r.livesWithChild && r.personId !== null).map((r) => r.personId!));
    const memberPersonIds = network.adults.filter((a) => residentAdults.includes(a.personId) || (a.details.householdId === undefined && livesWithMember.has(a.personId))).map((a) => a.personId);
    const address = await this.db.pool.query(
      `SELECT * FROM child_address WHERE la_code = $1 AND child_id = ANY($2::text[]) AND to_on IS NULL ORDER BY (household_id = $3) DESC NULLS LAST, from_on DESC LIMIT 1`,
      [this.context.laCode, members, householdId],
    );
    const row = address.rows[0];
    await this.auditChildren('read', 'household', members, { householdId });
    return {
      ...network, householdId, memberChildIds: members, memberPersonIds,
      address: row ? { line1: row.line1, ...(row.line2 ? { line2: row.line2 } : {}), ...(row.town ? { town: row.town } : {}), postcode: row.postcode } : null,
      addressFrom: row ? dateText(row.from_on) : null,
    };
  }

  /**
   * A household moves: recorded once, applied to each member. Each child in it gets an
   * `address.changed` with the same move id; each adult living in it a new version at the new
   * address. Refused unless the actor may see every child in the household, so that nobody is
   * moved unseen, and checked against every child's date of birth before any is written.
   */
  async moveHousehold(householdId: string, move: HouseholdMove): Promise<{ moveId: string; childIds: string[]; personIds: string[] }> {
    this.refusePartnerAgency();
    if (this.context.access && !this.context.access.records) {
      throw new DomainError('forbidden', `A ${this.context.access.role.replace(/-/g, ' ')} does not record on children's records`);
    }
    if (move.movedOn > todayInLondon()) throw DomainError.invalidField('movedOn', 'The date of the move must be today or in the past');
    const members = await this.memberChildrenOf(householdId);
    const visible = await this.visibleOf(members);
    if (visible.length === 0) throw DomainError.notFound(`No household with id ${householdId}`, 'householdId');
    if (visible.length < members.length) {
      throw new DomainError('forbidden', 'You cannot move this household: some of its children\'s records are outside what you may see. Ask their team manager');
    }
    const unborn = await this.db.pool.query(
      'SELECT forename, surname, date_of_birth::text AS born FROM child WHERE la_code = $1 AND child_id = ANY($2::text[]) AND date_of_birth > $3 ORDER BY date_of_birth DESC LIMIT 1',
      [this.context.laCode, members, move.movedOn],
    );
    if (unborn.rows.length > 0) {
      const { forename, surname, born } = unborn.rows[0];
      throw DomainError.invalidField('movedOn', `The date of the move must be on or after ${forename} ${surname}'s date of birth, ${born}`);
    }
    const moveId = randomUUID();
    for (const childId of members) {
      await this.records.recordEvent(childId, {
        type: 'address.changed', occurredAt: move.movedOn, clientId: `move-${moveId}-${childId}`,
        data: { address: move.address, householdId, moveId, ...(move.reason ? { reason: move.reason } : {}) },
      });
    }
    const personIds = await this.memberAdultsOf(householdId);
    for (const personId of personIds) {
      const latest = (await this.versionsOf(personId)).at(-1)!;
      await this.insertVersion(personId, latest.version + 1, { ...latest.details, address: move.address, addressFrom: move.movedOn }, move.reason ? `The household moved: ${move.reason}` : 'The household moved');
    }
    await this.auditChildren('write', 'household-move', members, { householdId, moveId, adults: personIds });
    return { moveId, childIds: members, personIds };
  }
}
