import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import AjvModule from 'ajv';

type AjvClass = typeof AjvModule.default;
import { PACKAGE_ROOT } from '../package-root.js';

/** The published JSON Schemas (schemas/*.schema.json, shipped with the package). */
export type SchemaName = 'report' | 'run' | 'scenario' | 'snapshot';

// ajv is CommonJS: under NodeNext its default import is the module object, whose .default is the class.
const Ajv: AjvClass = AjvModule.default ?? (AjvModule as unknown as AjvClass);
let ajv: InstanceType<AjvClass> | null = null;
const compiled = new Map<SchemaName, ValidateFunction>();

function loadSchema(name: SchemaName): object {
  return JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object;
}

function validator(name: SchemaName): ValidateFunction {
  const v = compiled.get(name);
  if (v) return v;
  if (!ajv) {
    ajv = new Ajv({ allErrors: false, strict: true });
    // run@1 refers to report@1 by its $id.
    ajv.addSchema(loadSchema('report'));
  }
  const fn = name === 'report' ? ajv.getSchema('urn:goverity:report@1')! : ajv.compile(loadSchema(name));
  compiled.set(name, fn);
  return fn;
}

/** `findings/0/severity` → `findings[0].severity`, the way the rest of goverity names a field. */
function fieldName(root: string, pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), root);
}

function at(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), value);
}

/** A schema violation: the field it is in, and what is wrong with it (with the value when that helps). */
export interface SchemaIssue {
  field: string;
  problem: string;
}

function describe(e: ErrorObject, value: unknown, root: string): SchemaIssue {
  const field = fieldName(root, e.instancePath) || '(root)';
  const got = at(value, e.instancePath);
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'enum' && e.propertyName !== undefined)
    return { field: fieldName(root, `${e.instancePath}/${e.propertyName}`), problem: `is not one of ${(p.allowedValues as unknown[]).join(', ')}` };
  if (e.keyword === 'enum') return { field, problem: `${JSON.stringify(got)} is not one of ${(p.allowedValues as unknown[]).join(', ')}` };
  if (e.keyword === 'const') return { field, problem: `is ${JSON.stringify(got ?? null)}, not ${JSON.stringify(p.allowedValue)}` };
  if (e.keyword === 'required') return { field: fieldName(root, `${e.instancePath}/${String(p.missingProperty)}`), problem: 'is missing' };
  if (e.keyword === 'type') return { field, problem: `must be ${String(p.type).replace(/,/g, ' or ')}` };
  return { field, problem: e.message ?? 'is not valid' };
}

/** The first way `value` breaks the named published schema; null when it conforms. `root` prefixes field names (e.g. `snapshot`). */
export function schemaIssue(name: SchemaName, value: unknown, root = ''): SchemaIssue | null {
  const validate = validator(name);
  if (validate(value)) return null;
  const errors = validate.errors ?? [];
  // For a oneOf (null or an object), the object branch's error says what is wrong; the oneOf summary does not.
  const e = errors.find((x) => x.keyword !== 'oneOf' && !(x.keyword === 'type' && (x.params as { type?: string }).type === 'null')) ?? errors[0];
  return e ? describe(e, value, root) : { field: root || '(root)', problem: 'does not match the schema' };
}

/** schemaIssue as one line, `field problem`. */
export function schemaProblem(name: SchemaName, value: unknown, root = ''): string | null {
  const issue = schemaIssue(name, value, root);
  return issue && `${issue.field} ${issue.problem}`;
}
