import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from './db/client';
import { publicUrl, requiresStaffTwoFactor, type Env } from './env';
import { getVersion } from './lib/version';
import { createFileStorage, type FileStorage } from './lib/file-storage';
import { authPlugin } from './plugins/auth';
import { createDatabaseRateLimitStore, SharedCounters } from './plugins/rate-limit-store';
import { errorHandlerPlugin } from './plugins/error-handler';
import { openapiPlugin } from './plugins/openapi';
import { requestContextPlugin } from './plugins/request-context';
import { metricsPlugin } from './plugins/metrics';
import { readCachePlugin } from './plugins/read-cache';
import { workerLogger } from './lib/worker-log';
import { securityPlugin } from './plugins/security';
import { textInputPlugin } from './plugins/text-input';
import { webPlugin } from './plugins/web';
import { geoRoutes } from './modules/geo/geo.routes';
import { indicatorRoutes } from './modules/indicators/indicators.routes';
import { programmeRoutes } from './modules/programmes/programmes.routes';
import { referenceRoutes } from './modules/reference/reference.routes';
import { systemRoutes } from './modules/system/system.routes';
import { accountRoutes, adminUserRoutes } from './modules/accounts/accounts.routes';
import { drivingUnitRoutes } from './modules/driving-units/driving-units.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { organisationRoutes } from './modules/organisations/organisations.routes';
import { proposalRoutes } from './modules/proposals/proposals.routes';
import { callRoutes } from './modules/calls/calls.routes';
import { devMailRoutes } from './modules/notifications/notifications.routes';
import { inboxRoutes } from './modules/notifications/inbox.routes';
import { intakeRoutes } from './modules/intake/intake.routes';
import { reviewerRoutes } from './modules/reviewers/reviewers.routes';
import { reviewRoutes } from './modules/reviews/reviews.routes';
import { decisionRoutes } from './modules/decisions/decisions.routes';
import { contestRoutes } from './modules/contests/contests.routes';
import { peoplesChoiceRoutes } from './modules/peoples-choice/peoples-choice.routes';
import { projectRoutes } from './modules/projects/projects.routes';
import { projectReportRoutes } from './modules/projects/reports.routes';
import { cohortRoutes } from './modules/incubation/cohorts.routes';
import { assessmentRoutes } from './modules/incubation/assessments.routes';
import { networkRoutes } from './modules/network/network.routes';
import { knowledgeRoutes } from './modules/knowledge/knowledge.routes';
import { innovationRoutes } from './modules/innovations/innovations.routes';
import { innovationCatalogueRoutes } from './modules/innovations/innovations.catalogue.routes';
import { diffusionRoutes } from './modules/diffusion/adoptions.routes';
import { needRoutes } from './modules/diffusion/needs.routes';
import { impactLibraryRoutes } from './modules/impact/indicator-library.routes';
import { projectImpactRoutes } from './modules/impact/project-impact.routes';
import { sroiAssessmentRoutes } from './modules/impact/sroi-assessments.routes';
import { impactReportRoutes } from './modules/impact/impact-reports.routes';
import { publicPageData } from './modules/public-site/public-site.page-data';
import { publicSiteRoutes } from './modules/public-site/public-site.routes';
import { publicPageMeta } from './modules/public-site/public-site.service';
import { coverageRoutes } from './modules/coverage/coverage.routes';
import { dashboardRoutes } from './modules/dashboards/dashboards.routes';
import { jobRoutes } from './modules/jobs/jobs.routes';
import { createJobRegistry, startJobWorker } from './modules/jobs/jobs.service';
import { policyReportJob } from './modules/insights/insights.service';
import { boundariesImportJob, indicatorsImportJob } from './modules/data-imports/data-imports.service';
import { dataImportRoutes } from './modules/data-imports/data-imports.routes';
import { intakeExportJob } from './modules/intake/intake.service';
import { disbursementExportJob } from './modules/projects/money.service';
import { resultsExportJob } from './modules/incubation/assessments.service';
import { insightRoutes } from './modules/insights/insights.routes';
import { openDataRoutes } from './modules/open-data/open-data.routes';
import { mentoringRoutes } from './modules/mentoring/mentoring.routes';
import { startReportReminderWorker, type ReportReminderWorker } from './modules/projects/reports.reminders';
import { activityRoutes } from './modules/incubation/activities.routes';
import {
  startActivityReminderWorker,
  type ActivityReminderWorker,
} from './modules/incubation/registrations.reminders';
import { createMailTransport } from './modules/notifications/mail-transport';
import {
  startOutboxWorker,
  type MailTransport,
  type OutboxWorker,
} from './modules/notifications/notifications.service';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    outbox: OutboxWorker;
    /** Sends progress-report reminders once at start and then every REMINDER_POLL_MS. */
    reportReminders: ReportReminderWorker;
    /** Sends activity reminders (about a day before) once at start and then every REMINDER_POLL_MS. */
    activityReminders: ActivityReminderWorker;
    rateLimitFactor: number;
    /** The time now; tests replace it to cross deadlines to the second. */
    clock: () => Date;
    /** Where uploaded files live. */
    fileStorage: FileStorage;
    /** Every route registered, with its guard: for the completeness check and the access matrix. */
    routeCatalogue: Array<{ method: string; url: string; public: boolean; auth: string | null }>;
  }
  interface FastifyContextConfig {
    /** The route needs no session. Every other /api route must declare `auth` (see plugins/auth.ts). */
    public?: boolean;
  }
}

export interface BuildAppOptions {
  database: DatabaseHandle;
  env: Env;
  logger?: FastifyServerOptions['logger'];
  /** Where mail goes; by default SMTP when SMTP_URL is set, else captured for the development mail viewer. */
  mailTransport?: MailTransport;
  /** The time now (default: the system clock). */
  clock?: () => Date;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the application: plugins and modules, without listening (tests use `app.inject`). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { env, database } = options;
  const app = Fastify({
    logger: options.logger ?? { level: env.LOG_LEVEL },
    trustProxy: env.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    genReqId(request) {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('rateLimitFactor', env.RATE_LIMIT_FACTOR);
  app.decorate('clock', options.clock ?? (() => new Date()));
  app.decorate('fileStorage', createFileStorage(env));

  const routeCatalogue: FastifyInstance['routeCatalogue'] = [];
  app.decorate('routeCatalogue', routeCatalogue);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    for (const method of [route.method].flat()) {
      routeCatalogue.push({
        method,
        url,
        public: route.config?.public === true,
        auth: route.config?.auth ?? null,
      });
    }
    const guarded = route.config?.public === true || route.config?.auth !== undefined;
    if (url.startsWith('/api/') && !url.startsWith('/api/docs') && !guarded) {
      throw new Error(`Route ${route.method.toString()} ${url} is neither public nor guarded`);
    }
  });

  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(requestContextPlugin);
  await app.register(metricsPlugin);
  await app.register(readCachePlugin, { enabled: env.READ_CACHE === 'on' });
  await app.register(errorHandlerPlugin);
  await app.register(textInputPlugin);
  await app.register(securityPlugin, { secureCookies: env.TRUST_PROXY });
  const rateCounters = new SharedCounters(database.db);
  await app.register(rateLimit, { global: false, store: createDatabaseRateLimitStore(rateCounters) });
  app.addHook('onClose', async () => {
    await rateCounters
      .close()
      .catch((error: unknown) => app.log.warn({ err: error }, 'rate-limit hits not saved'));
  });
  const accounts = {
    publicUrl: publicUrl(env),
    sessionDays: env.SESSION_DAYS,
    requireStaffTwoFactor: requiresStaffTwoFactor(env),
  };
  await app.register(authPlugin, { accounts, secureCookies: env.TRUST_PROXY });

  const transport = options.mailTransport ?? createMailTransport(env.SMTP_URL, env.MAIL_FROM);
  const outbox = startOutboxWorker(database.db, transport, {
    intervalMs: env.OUTBOX_POLL_MS,
    onError: (error) => workerLogger(app.log, 'outbox').error({ err: error }, 'outbox worker failed'),
  });
  app.decorate('outbox', outbox);
  app.addHook('onClose', async () => {
    await outbox.stop();
  });
  const reportReminders = startReportReminderWorker(database.db, {
    intervalMs: env.REMINDER_POLL_MS,
    clock: () => app.clock(),
    publicUrl: accounts.publicUrl,
    onSent: () => outbox.kick(),
    onError: (error) =>
      workerLogger(app.log, 'report-reminders').error({ err: error }, 'report reminder worker failed'),
  });
  app.decorate('reportReminders', reportReminders);
  app.addHook('onClose', async () => {
    await reportReminders.stop();
  });
  const activityReminders = startActivityReminderWorker(database.db, {
    intervalMs: env.REMINDER_POLL_MS,
    clock: () => app.clock(),
    publicUrl: accounts.publicUrl,
    onSent: () => outbox.kick(),
    onError: (error) =>
      workerLogger(app.log, 'activity-reminders').error({ err: error }, 'activity reminder worker failed'),
  });
  app.decorate('activityReminders', activityReminders);
  app.addHook('onClose', async () => {
    await activityReminders.stop();
  });
  // Long work (exports) as jobs any instance may claim; kicked at once when a job is created.
  const jobWorker = startJobWorker(database.db, {
    registry: createJobRegistry([
      policyReportJob,
      intakeExportJob,
      disbursementExportJob,
      resultsExportJob,
      indicatorsImportJob,
      boundariesImportJob,
    ]),
    storage: app.fileStorage,
    intervalMs: env.OUTBOX_POLL_MS,
    clock: () => app.clock(),
    onError: (error, job) =>
      workerLogger(app.log, 'jobs').error(
        job ? { err: error, jobId: job.id, jobKind: job.kind } : { err: error },
        job ? 'job failed' : 'job worker failed',
      ),
  });
  app.decorate('jobs', jobWorker);
  app.addHook('onClose', async () => {
    await jobWorker.stop();
  });
  await app.register(openapiPlugin, { version: getVersion() });

  await app.register(systemRoutes, {
    prefix: '/api',
    migrationsDir: env.MIGRATIONS_DIR,
    metricsToken: env.METRICS_TOKEN,
    version: getVersion(),
  });
  await app.register(geoRoutes, { prefix: '/api/geo' });
  await app.register(indicatorRoutes, { prefix: '/api' });
  await app.register(referenceRoutes, { prefix: '/api/reference' });
  await app.register(programmeRoutes, { prefix: '/api/programmes' });
  await app.register(accountRoutes, {
    prefix: '/api/auth',
    accounts,
    secureCookies: env.TRUST_PROXY,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(adminUserRoutes, { prefix: '/api/admin' });
  await app.register(drivingUnitRoutes, { prefix: '/api/driving-units' });
  await app.register(auditRoutes, { prefix: '/api/audit-events' });
  await app.register(organisationRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(proposalRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(inboxRoutes, { prefix: '/api' });
  await app.register(intakeRoutes, { prefix: '/api' });
  await app.register(reviewerRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(reviewRoutes, { prefix: '/api' });
  await app.register(decisionRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(contestRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(peoplesChoiceRoutes, { prefix: '/api' });
  await app.register(projectRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(projectReportRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(mentoringRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(activityRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(networkRoutes, { prefix: '/api' });
  await app.register(knowledgeRoutes, { prefix: '/api' });
  await app.register(innovationCatalogueRoutes, { prefix: '/api' });
  await app.register(innovationRoutes, { prefix: '/api' });
  await app.register(diffusionRoutes, { prefix: '/api' });
  await app.register(needRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(cohortRoutes, {
    prefix: '/api',
    publicUrl: accounts.publicUrl,
    onMailQueued: () => outbox.kick(),
  });
  await app.register(assessmentRoutes, { prefix: '/api' });
  await app.register(impactLibraryRoutes, { prefix: '/api' });
  await app.register(projectImpactRoutes, { prefix: '/api' });
  await app.register(sroiAssessmentRoutes, { prefix: '/api' });
  await app.register(impactReportRoutes, { prefix: '/api' });
  await app.register(callRoutes, { prefix: '/api' });
  await app.register(publicSiteRoutes, { publicUrl: accounts.publicUrl });
  await app.register(coverageRoutes, { prefix: '/api' });
  await app.register(dashboardRoutes, { prefix: '/api' });
  await app.register(jobRoutes, { prefix: '/api' });
  await app.register(insightRoutes, { prefix: '/api' });
  await app.register(dataImportRoutes, { prefix: '/api' });
  await app.register(openDataRoutes, { prefix: '/api/open/v1' });
  if (env.NODE_ENV !== 'production' && transport.kind === 'capture') {
    await app.register(devMailRoutes, { prefix: '/api/dev/mail' });
  }
  await app.register(webPlugin, {
    distDir: env.WEB_DIST_DIR,
    pageMeta: (pathname, lang) => publicPageMeta(database.db, pathname, accounts.publicUrl, lang),
    pageData: publicPageData,
  });

  return app;
}
