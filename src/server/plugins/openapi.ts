import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** The OpenAPI document, generated from the routes' Zod schemas, at /api/openapi.json; a docs page at /api/docs. */
export const openapiPlugin = fp(
  async (app, opts: { version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'SI Platform API',
          description:
            'Social-innovation programmes: reference data, geography, area indicators and programmes. ' +
            'Errors have the shape { "error": { "code", "message", "details" } }; messages follow the `lang` cookie or Accept-Language (Thai by default).',
          version: opts.version,
        },
        tags: [
          { name: 'system', description: 'Health and metadata' },
          { name: 'geo', description: 'Regions, provinces, districts, subdistricts and boundaries' },
          { name: 'indicators', description: 'Area indicators such as poverty figures' },
          { name: 'reference', description: 'Themes, SDGs, organisation types, province groups' },
          { name: 'programmes', description: 'Programmes of the Flagship plan' },
          {
            name: 'open-data',
            description:
              'Open data v1 (/api/open/v1): read-only public datasets with paging (page, pageSize ≤ 500), data dictionaries and CSV/JSON bulk downloads; CC BY 4.0; 120 requests a minute per client IP; no personal data',
          },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // Same-origin only: no upgrade to https on plain-http installs, no external validator or fonts.
      transformStaticCSP: (header) =>
        header
          .replace(/upgrade-insecure-requests;?/g, '')
          .replace(/ https:/g, '')
          .replace(/ validator\.swagger\.io/g, '')
          // Swagger UI sets inline styles; the docs page shows no user content.
          .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    });
    app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());
  },
  { name: 'openapi' },
);
