import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  OPEN_DATA_LICENCE,
  OPEN_DATA_LIMITS,
  OPEN_DATASETS,
  OpenCatalogueSchema,
  OpenDictionarySchema,
  OpenPageQuerySchema,
  OpenPageSchema,
  OpenBulkMetaSchema,
  openRecordSchema,
} from '@shared/contracts/open-data';
import { contentDisposition } from '@server/lib/files';
import { errorResponses, rateLimit, sendCached } from '@server/lib/http';
import { toBulkJson, toCsv } from './open-data.formats';
import * as service from './open-data.service';

const tags = ['open-data'];
const OpenCatalogueResponse = z.object({ data: OpenCatalogueSchema });

/**
 * Open data: the versioned read-only public API (`/api/open/v1`), the dataset catalogue, data dictionaries and bulk
 * downloads. Public, rate-limited per client IP, readable from other origins (no cookies are read or set), cached
 * briefly by browsers and proxies.
 */
export const openDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const config = {
    public: true,
    rateLimit: rateLimit(OPEN_DATA_LIMITS.requestsPerMinute, '1 minute'),
  };

  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('Access-Control-Allow-Origin', '*');
    void reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (reply.statusCode === 200) {
      void reply.header('Cache-Control', 'public, max-age=300');
    }
    return payload;
  });

  app.get(
    '/datasets',
    {
      config,
      schema: {
        tags,
        summary:
          'The open datasets: title and description (Thai and English), licence and attribution, version, record count, last change and links',
        response: { 200: OpenCatalogueResponse, ...errorResponses(429) },
      },
    },
    async (_request, reply) =>
      sendCached(reply, app.readCache, ['open-data'], OpenCatalogueResponse, async () => ({
        data: await service.getCatalogue(db),
      })),
  );

  for (const def of OPEN_DATASETS) {
    const links = service.datasetLinks(def.name);
    const base = `/datasets/${def.name}`;
    const pageResponse = z.object({ data: z.array(openRecordSchema(def.name)), page: OpenPageSchema });

    app.get(
      base,
      {
        config,
        schema: {
          tags,
          summary: `${def.titleEn}: records, paged (page from 1, pageSize up to ${OPEN_DATA_LIMITS.pageSizeMax})`,
          description: def.descriptionEn,
          querystring: OpenPageQuerySchema,
          response: {
            200: pageResponse,
            ...errorResponses(400, 429),
          },
        },
      },
      async (request, reply) =>
        sendCached(reply, app.readCache, ['open-data', def.name, request.query], pageResponse, () =>
          service.listRecords(db, def, request.query),
        ),
    );

    app.get(
      `${base}/dictionary`,
      {
        config,
        schema: {
          tags,
          summary: `${def.titleEn}: the data dictionary (field, type, description in Thai and English)`,
          response: { 200: z.object({ data: OpenDictionarySchema }), ...errorResponses(429) },
        },
      },
      () => ({ data: service.getDictionary(def) }),
    );

    app.get(
      `${base}.csv`,
      {
        config,
        schema: {
          tags,
          summary: `${def.titleEn}: every record as CSV (UTF-8; two # licence lines, then the header row)`,
          response: { 200: z.unknown().describe('text/csv'), ...errorResponses(429) },
        },
      },
      async (_request, reply) => {
        const csv = toCsv(def, await service.listAllRecords(db, def), app.clock());
        return reply
          .header('Content-Type', 'text/csv; charset=utf-8')
          .header('Content-Disposition', contentDisposition(`si-platform-${def.name}-v1.csv`, false))
          .header(
            'Link',
            `<${OPEN_DATA_LICENCE.url}>; rel="license", <${links.dictionary}>; rel="describedby"`,
          )
          .send(csv);
      },
    );

    app.get(
      `${base}.json`,
      {
        config,
        schema: {
          tags,
          summary: `${def.titleEn}: every record as one JSON document { meta (licence, fields), data }`,
          response: {
            200: z
              .object({ meta: OpenBulkMetaSchema, data: z.array(openRecordSchema(def.name)) })
              .describe('application/json'),
            ...errorResponses(429),
          },
        },
      },
      async (_request, reply) => {
        const json = toBulkJson(def, await service.listAllRecords(db, def), app.clock());
        return reply
          .header('Content-Type', 'application/json; charset=utf-8')
          .header('Content-Disposition', contentDisposition(`si-platform-${def.name}-v1.json`, false))
          .header(
            'Link',
            `<${OPEN_DATA_LICENCE.url}>; rel="license", <${links.dictionary}>; rel="describedby"`,
          )
          .send(json);
      },
    );
  }
};
