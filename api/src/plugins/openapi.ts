/**
 * OpenAPI generated from the route schemas (zod), served at /docs (UI) and /docs/json. A file upload
 * (a CSV or XLSX body: its route declares `consumes` and no body schema, the bytes are read by the
 * import) is documented as a binary body of each type it accepts.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export default fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'hailong API',
          description: 'Khảo sát CBCCVC và Chỉ số hài lòng (SIPAS) — staff survey and citizen satisfaction survey',
          version: '1.0.0',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'hl_session' },
            device: { type: 'http', scheme: 'bearer' },
          },
        },
      },
      transform: (input) => {
        const out = jsonSchemaTransform(input);
        if (out.schema.consumes && !out.schema.body) out.schema.body = { type: 'string', format: 'binary' };
        return out;
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'openapi' },
);
