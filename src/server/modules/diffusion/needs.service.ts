import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { highlightText, parseTextSearch } from '@server/lib/text-search';
import { toSearchText } from '@server/lib/thai-text';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import {
  INTEREST_ORGANISATION_TYPES,
  NEED_LIMITS,
  type CreatedNeed,
  type CreateNeedBody,
  type ExpressInterestBody,
  type InterestOptions,
  type InterestResult,
  type MatchList,
  type MatchTarget,
  type NeedActionBody,
  type NeedDetail,
  type NeedList,
  type NeedListQuery,
  type NeedRequesterType,
  type NeedStatus,
  type NeedSummary,
  type UpdateNeedBody,
} from '@shared/contracts/needs';
import type { Language } from '@shared/i18n/index';
import { bangkokDate } from '@shared/projects/plan';
import { PROVINCES } from '@shared/reference/provinces';
import type { ThemeCode } from '@shared/reference/themes';
import { openInterestAdoption, siteIssues } from './adoptions.service';
import * as matchingRepo from './matching.repo';
import { rankMatches, type MatchSubject } from './matching';
import * as repo from './needs.repo';
import {
  isNeedOfficer,
  isUnitStaff,
  needActionsFrom,
  needPolicy,
  nextNeedStatus,
  type ModerationArea,
} from './needs.policy';

// The needs register (ความต้องการนวัตกรรม): communities post needs through a public form; staff moderate them; the
// public sees published needs without who posted them. Matching ranks diffusion-ready innovations for a need or a
// problem statement; a local government (or a community body) expresses interest, which opens an adoption.

const notFound = () => new AppError('NOT_FOUND');
const iso = (value: Date | string) => new Date(value).toISOString();
const langOf = (locale: string): Language => (locale === 'en' ? 'en' : 'th');
const needPath = (id: string) => `/needs/${id}`;
const adoptionPath = (id: string) => `/adoptions/${id}`;

function assertVersion(current: number, sent: number): void {
  if (current !== sent) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current });
  }
}

/** The provinces whose needs the actor moderates: officers all, a unit's staff their unit's, others none. */
export async function moderationArea(db: DbOrTx, actor: Actor | null): Promise<ModerationArea> {
  if (isNeedOfficer(actor)) {
    return 'all';
  }
  if (isUnitStaff(actor)) {
    return new Set(await repo.unitProvinceCodes(db, actor.drivingUnitId));
  }
  return new Set();
}

function scopeOf(area: ModerationArea): repo.NeedScope {
  if (area === 'all') {
    return { kind: 'all' };
  }
  return area.size > 0 ? { kind: 'provinces', codes: [...area] } : { kind: 'public' };
}

function needSearchText(need: {
  titleTh: string;
  descriptionTh: string;
  villageName: string;
  provinceCode: number;
}): string {
  const province = PROVINCES.find((p) => p.code === need.provinceCode);
  return toSearchText(need.titleTh, need.descriptionTh, need.villageName, province?.nameTh, province?.nameEn);
}

function toSummary(row: repo.NeedRow, search: ReturnType<typeof parseTextSearch>): NeedSummary {
  return {
    id: row.id,
    theme: row.theme as ThemeCode,
    titleTh: row.titleTh,
    title: highlightText(row.titleTh, search),
    descriptionTh: row.descriptionTh,
    peopleAffected: row.peopleAffected,
    provinceCode: row.provinceCode,
    districtCode: row.districtCode,
    subdistrictCode: row.subdistrictCode,
    villageNo: row.villageNo,
    villageName: row.villageName,
    requesterType: row.requesterType as NeedRequesterType,
    status: row.status as NeedStatus,
    createdAt: iso(row.createdAt),
  };
}

function snapshot(row: repo.NeedRow): Record<string, unknown> {
  return {
    status: row.status,
    theme: row.theme,
    titleTh: row.titleTh,
    descriptionTh: row.descriptionTh,
    peopleAffected: row.peopleAffected,
    provinceCode: row.provinceCode,
    districtCode: row.districtCode,
    subdistrictCode: row.subdistrictCode,
    villageNo: row.villageNo,
    villageName: row.villageName,
    moderationNote: row.moderationNote,
  };
}

async function assertSite(
  db: DbOrTx,
  site: {
    provinceCode: number;
    districtCode: number | null;
    subdistrictCode: number | null;
    villageNo: number | null;
    villageName: string;
  },
): Promise<void> {
  const issues = await siteIssues(db, site, 'body');
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, { issues });
  }
}

// ---- The register ------------------------------------------------------------------------------------------------

/**
 * Records a need from the public form (no sign-in needed). It waits as pending; the officers and the staff of the
 * units covering its province are told in the app. Nothing personal comes back.
 */
export async function createNeed(
  db: Database,
  actor: Actor | null,
  body: CreateNeedBody,
  meta: RequestMeta,
  now: Date,
): Promise<CreatedNeed> {
  await assertSite(db, body);
  return db.transaction(async (tx) => {
    const row = await repo.insertNeed(tx, {
      theme: body.theme,
      provinceCode: body.provinceCode,
      districtCode: body.districtCode,
      subdistrictCode: body.subdistrictCode,
      villageNo: body.villageNo,
      villageName: body.villageName,
      titleTh: body.titleTh,
      descriptionTh: body.descriptionTh,
      peopleAffected: body.peopleAffected,
      requesterName: body.requesterName,
      requesterOrganisation: body.requesterOrganisation,
      requesterType: body.requesterType,
      contactEmail: body.contactEmail.toLowerCase(),
      contactPhone: body.contactPhone,
      contactConsentedAt: now,
      submittedBy: actor?.userId ?? null,
      status: 'pending',
      searchText: needSearchText(body),
    });
    await recordAudit(tx, meta, {
      action: 'need.created',
      entityType: 'innovation_need',
      entityId: row.id,
      after: snapshot(row),
    });
    const moderators = [
      ...(await repo.activeUserIdsWithRole(tx, 'programme_officer')),
      ...(await repo.unitStaffIds(tx, { provinceCode: row.provinceCode })),
    ];
    const province = PROVINCES.find((p) => p.code === row.provinceCode);
    await notifyUsers(tx, moderators, {
      kind: 'need_submitted',
      params: (lang) => ({
        title: row.titleTh,
        province: (lang === 'en' ? province?.nameEn : province?.nameTh) ?? String(row.provinceCode),
      }),
      link: needPath(row.id),
    });
    return { id: row.id, status: row.status as NeedStatus };
  });
}

/** Needs the actor may see: published and addressed for everyone; staff also those of their area in any status. */
export async function listNeeds(db: Database, actor: Actor | null, query: NeedListQuery): Promise<NeedList> {
  const search = parseTextSearch(query.q);
  const offset = query.cursor ?? 0;
  const area = await moderationArea(db, actor);
  const { rows, total } = await repo.listNeeds(
    db,
    scopeOf(area),
    { search, theme: query.theme, provinceCode: query.provinceCode, status: query.status },
    query.limit,
    offset,
  );
  return {
    data: rows.map((r) => toSummary(r, search)),
    page: { total, nextCursor: offset + rows.length < total ? offset + rows.length : null },
  };
}

async function loadVisible(db: DbOrTx, actor: Actor | null, id: string, lock = false) {
  const row = await repo.findNeed(db, id, lock);
  const area = await moderationArea(db, actor);
  if (!row || !needPolicy.view(area, { status: row.status as NeedStatus, provinceCode: row.provinceCode })) {
    throw notFound();
  }
  return { row, area };
}

/** A need's page: the public part for everyone; staff of its area also see who posted it and how to reach them. */
export async function getNeed(db: Database, actor: Actor | null, id: string): Promise<NeedDetail> {
  const { row, area } = await loadVisible(db, actor, id);
  const access = { status: row.status as NeedStatus, provinceCode: row.provinceCode };
  const moderate = needPolicy.moderate(area, access);
  const adoptions = await repo.listNeedAdoptions(db, id);
  return {
    ...toSummary(row, null),
    version: row.version,
    private: moderate
      ? {
          requesterName: row.requesterName,
          requesterOrganisation: row.requesterOrganisation,
          contactEmail: row.contactEmail,
          contactPhone: row.contactPhone,
          contactConsentedAt: row.contactConsentedAt ? iso(row.contactConsentedAt) : null,
          moderationNote: row.moderationNote,
          moderatedAt: row.moderatedAt ? iso(row.moderatedAt) : null,
        }
      : null,
    adoptions,
    abilities: { moderate, actions: moderate ? needActionsFrom(access.status) : [] },
  };
}

async function loadToModerate(tx: DbOrTx, actor: Actor, id: string) {
  const { row, area } = await loadVisible(tx, actor, id, true);
  if (!needPolicy.moderate(area, { status: row.status as NeedStatus, provinceCode: row.provinceCode })) {
    throw new AppError('FORBIDDEN');
  }
  return { row, area };
}

/** Staff fix a need's wording, theme or area (pending or published needs; a stale version gets 409). Audited. */
export async function updateNeed(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateNeedBody,
  meta: RequestMeta,
): Promise<NeedDetail> {
  await db.transaction(async (tx) => {
    const { row, area } = await loadToModerate(tx, actor, id);
    if (!needPolicy.edit(area, { status: row.status as NeedStatus, provinceCode: row.provinceCode })) {
      throw new AppError('INVALID_STATE', 'errors.needs.NEED_NOT_EDITABLE');
    }
    assertVersion(row.version, body.version);
    const { version: _version, ...changes } = body;
    const merged = { ...row, ...changes };
    if (area !== 'all' && !area.has(merged.provinceCode)) {
      throw invalidField('body.provinceCode', 'errors.FORBIDDEN');
    }
    await assertSite(tx, merged);
    const after = await repo.updateNeed(tx, id, { ...changes, searchText: needSearchText(merged) });
    await recordAudit(tx, meta, {
      action: 'need.updated',
      entityType: 'innovation_need',
      entityId: id,
      before: snapshot(row),
      after: snapshot(after),
    });
  });
  return getNeed(db, actor, id);
}

/**
 * Moderates a need: publish or reject (with a note) a pending one; mark a published one addressed or close it
 * (a stale version gets 409). Audited.
 */
export async function actOnNeed(
  db: Database,
  actor: Actor,
  id: string,
  body: NeedActionBody,
  meta: RequestMeta,
  now: Date,
): Promise<NeedDetail> {
  await db.transaction(async (tx) => {
    const { row } = await loadToModerate(tx, actor, id);
    assertVersion(row.version, body.version);
    const from = row.status as NeedStatus;
    const to = nextNeedStatus(from, body.action);
    if (to === null) {
      throw new AppError('INVALID_STATE', 'errors.needs.TRANSITION_NOT_ALLOWED', undefined, {
        action: body.action,
        status: from,
      });
    }
    if (body.action === 'reject' && body.note === '') {
      throw new AppError('VALIDATION_FAILED', undefined, {
        issues: [fieldIssue('body.note', 'required', 'errors.needs.REJECT_NOTE_REQUIRED')],
      });
    }
    const after = await repo.updateNeed(tx, id, {
      status: to,
      moderatedBy: actor.userId,
      moderatedAt: now,
      ...(body.note !== '' ? { moderationNote: body.note } : {}),
    });
    await recordAudit(tx, meta, {
      action: `need.${body.action}`,
      entityType: 'innovation_need',
      entityId: id,
      before: snapshot(row),
      after: snapshot(after),
    });
  });
  return getNeed(db, actor, id);
}

// ---- Matching ----------------------------------------------------------------------------------------------------

async function matchesFor(db: DbOrTx, target: MatchTarget): Promise<MatchList> {
  const [candidates, levels] = await Promise.all([
    matchingRepo.listCandidates(db),
    matchingRepo.povertyLevels(db),
  ]);
  const subject: MatchSubject = { theme: target.theme, provinceCode: target.provinceCode };
  const matches = rankMatches(
    subject,
    candidates,
    { povertyOf: (code) => levels.get(code) ?? 'other' },
    NEED_LIMITS.matchesMax,
  );
  return { target, matches };
}

/** Diffusion-ready innovations ranked for a need, explained (public for a published need; staff for their area's). */
export async function getNeedMatches(db: Database, actor: Actor | null, id: string): Promise<MatchList> {
  const { row } = await loadVisible(db, actor, id);
  return matchesFor(db, {
    kind: 'need',
    id: row.id,
    titleTh: row.titleTh,
    titleEn: '',
    theme: row.theme as ThemeCode,
    provinceCode: row.provinceCode,
    districtCode: row.districtCode,
    subdistrictCode: row.subdistrictCode,
    villageNo: row.villageNo,
    villageName: row.villageName,
  });
}

/** Diffusion-ready innovations ranked for a problem statement of a call (officers and units' staff). */
export async function getStatementMatches(db: Database, actor: Actor, id: string): Promise<MatchList> {
  if (!isNeedOfficer(actor) && !isUnitStaff(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const row = await matchingRepo.findProblemStatement(db, id);
  if (!row) {
    throw notFound();
  }
  return matchesFor(db, {
    kind: 'problem_statement',
    id: row.id,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    theme: row.theme as ThemeCode | null,
    provinceCode: row.provinceCode,
    districtCode: row.districtCode,
    subdistrictCode: null,
    villageNo: null,
    villageName: '',
  });
}

// ---- "We want to adopt this" -------------------------------------------------------------------------------------

/**
 * What the "we want to adopt this" button needs: whether the innovation is diffusion-ready, the organisations the
 * actor may act for, and an adoption already open by one of them (public; NOT_FOUND unless published).
 */
export async function getInterestOptions(
  db: Database,
  actor: Actor | null,
  innovationId: string,
): Promise<InterestOptions> {
  const innovation = await repo.findInnovationForInterest(db, innovationId);
  if (!innovation || innovation.status !== 'published') {
    throw notFound();
  }
  const organisations = actor
    ? await repo.interestOrganisations(db, actor.userId, INTEREST_ORGANISATION_TYPES)
    : [];
  return {
    organisations,
    existingAdoptionId: await repo.openAdoptionOf(
      db,
      innovationId,
      organisations.map((o) => o.id),
    ),
    isDiffusionReady: innovation.isDiffusionReady,
  };
}

/**
 * A local government (or another community body) says "we want to adopt this": opens an adoption at `interested` for
 * the organisation the actor owns or edits, at the site given, linked to a need or a problem statement; the
 * innovation's owners and the supervising staff (the innovation's unit and the site's units; the programme officers
 * when there are none) are told in the app and by email.
 */
export async function expressInterest(
  db: Database,
  actor: Actor,
  innovationId: string,
  body: ExpressInterestBody,
  meta: RequestMeta,
  now: Date,
  publicUrl: string,
): Promise<InterestResult> {
  const organisations = await repo.interestOrganisations(db, actor.userId, INTEREST_ORGANISATION_TYPES);
  const organisation = organisations.find((o) => o.id === body.organisationId);
  if (!organisation) {
    throw new AppError('FORBIDDEN', 'errors.needs.NOT_ELIGIBLE_ORGANISATION');
  }
  const innovation = await repo.findInnovationForInterest(db, innovationId);
  if (!innovation || innovation.status !== 'published') {
    throw notFound();
  }
  if (body.needId !== null) {
    const need = await repo.findNeed(db, body.needId);
    if (!need || (need.status !== 'published' && need.status !== 'addressed')) {
      throw invalidField('body.needId', 'errors.needs.UNKNOWN_NEED');
    }
  }
  if (body.problemStatementId !== null) {
    const statement = await matchingRepo.findProblemStatement(db, body.problemStatementId);
    if (!statement || statement.status !== 'published') {
      throw invalidField('body.problemStatementId', 'errors.needs.UNKNOWN_PROBLEM_STATEMENT');
    }
  }
  const linkBase = publicUrl.replace(/\/$/, '');
  return db.transaction(async (tx) => {
    await repo.lockOrganisation(tx, organisation.id);
    if (await repo.openAdoptionOf(tx, innovationId, [organisation.id])) {
      throw new AppError('CONFLICT', 'errors.needs.ALREADY_INTERESTED');
    }
    const { id } = await openInterestAdoption(
      tx,
      {
        innovationId,
        provinceCode: body.provinceCode,
        districtCode: body.districtCode,
        subdistrictCode: body.subdistrictCode,
        villageNo: body.villageNo,
        villageName: body.villageName,
        adopterOrganisationId: organisation.id,
        adopterName: organisation.nameTh,
        adopterType: organisation.type,
        needId: body.needId,
        problemStatementId: body.problemStatementId,
        note: body.note,
        actorId: actor.userId,
        today: bangkokDate(now),
      },
      meta,
    );
    const owners = await repo.innovationOwnerUserIds(tx, innovationId);
    let supervisors = await repo.unitStaffIds(tx, {
      provinceCode: body.provinceCode,
      drivingUnitIds: innovation.drivingUnitId ? [innovation.drivingUnitId] : [],
    });
    if (supervisors.length === 0) {
      supervisors = await repo.activeUserIdsWithRole(tx, 'programme_officer');
    }
    const recipients = [...new Set([...owners, ...supervisors])].filter((u) => u !== actor.userId);
    const province = PROVINCES.find((p) => p.code === body.provinceCode);
    const params = (lang: Language) => ({
      adopter: lang === 'en' && organisation.nameEn ? organisation.nameEn : organisation.nameTh,
      innovation: lang === 'en' && innovation.titleEn ? innovation.titleEn : innovation.titleTh,
      area: [
        body.villageName,
        (lang === 'en' ? province?.nameEn : province?.nameTh) ?? String(body.provinceCode),
      ]
        .filter((part) => part !== '')
        .join(', '),
    });
    await notifyUsers(tx, recipients, { kind: 'interest_expressed', params, link: adoptionPath(id) });
    for (const contact of await repo.listContacts(tx, recipients)) {
      if (contact.email) {
        const lang = langOf(contact.locale);
        await queueEmail(tx, {
          to: contact.email,
          template: 'interest_expressed',
          lang,
          params: { name: contact.name, ...params(lang) },
          link: `${linkBase}${adoptionPath(id)}`,
        });
      }
    }
    return { adoptionId: id };
  });
}

/** The needs a person posted while signed in, with the contact details they gave: part of their PDPA export. */
export async function personalDataOfNeeds(db: DbOrTx, userId: string) {
  return repo.listNeedsSubmittedBy(db, userId);
}

/**
 * PDPA erasure of a person: the needs they posted stay (the community's need is not theirs), without the requester's
 * name and contact details. Returns how many needs were changed.
 */
export async function eraseNeedRequester(db: DbOrTx, userId: string): Promise<number> {
  return repo.eraseRequesterOf(db, userId);
}
