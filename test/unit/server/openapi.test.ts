// server/openapi.yaml is generated from the zod schemas of common/api; this keeps them equal.
// After changing a schema or a route: npm run server -- openapi --out server/openapi.yaml
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../server/openapi/document.js';
import { API_ROUTES } from '../../../common/api/routes.js';

const committed = YAML.parse(readFileSync('server/openapi.yaml', 'utf8')) as Record<string, unknown>;
const generated = openApiDocument();

function refs(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) refs(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value);
      else refs(value, found);
    }
  }
  return found;
}

describe('server/openapi.yaml', () => {
  it('is exactly the document generated from common/api', () => {
    expect(committed).toEqual(generated);
  });

  it('describes every route of the route table', () => {
    const paths = committed.paths as Record<string, Record<string, { operationId: string }>>;
    for (const route of Object.values(API_ROUTES)) {
      expect(paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.operationId);
    }
  });

  it('has no dangling $ref', () => {
    const components = committed.components as Record<string, Record<string, unknown>>;
    for (const ref of refs(committed)) {
      const [, , section, name] = ref.split('/');
      expect(components[section ?? '']?.[name ?? ''], ref).toBeDefined();
    }
  });
});
