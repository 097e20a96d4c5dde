/**
 * A route option that serialises the route's own responses with plain `JSON.stringify`, instead of
 * the app-wide zod serializer (fastify-type-provider-zod), which parses every response against its
 * schema before writing it. For large read-only figures built by typed code (GET /campaigns/:id/sipas,
 * /results: up to ~120 KB, re-checked on every request although the types already fix them), the
 * schema stays on the route — the OpenAPI document at /docs is unchanged — and the tests parse
 * the responses with the same shared schema (docs/0033-results-page-cost.md).
 */
const stringify = (data: unknown): string => JSON.stringify(data);

export const plainJsonResponses = { serializerCompiler: () => stringify } as const;
