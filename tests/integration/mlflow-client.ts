import { NextRequest } from 'next/server';
import { db } from '@/lib/db/prisma';
import type { Role } from '@/lib/registry';
import type { Actor } from '@/lib/services/actor';
import * as modelAlias from '@/app/api/2.0/mlflow/registered-models/alias/route';
import * as modelCreate from '@/app/api/2.0/mlflow/registered-models/create/route';
import * as modelDelete from '@/app/api/2.0/mlflow/registered-models/delete/route';
import * as modelDeleteTag from '@/app/api/2.0/mlflow/registered-models/delete-tag/route';
import * as modelGet from '@/app/api/2.0/mlflow/registered-models/get/route';
import * as modelLatest from '@/app/api/2.0/mlflow/registered-models/get-latest-versions/route';
import * as modelRename from '@/app/api/2.0/mlflow/registered-models/rename/route';
import * as modelSearch from '@/app/api/2.0/mlflow/registered-models/search/route';
import * as modelSetTag from '@/app/api/2.0/mlflow/registered-models/set-tag/route';
import * as modelUpdate from '@/app/api/2.0/mlflow/registered-models/update/route';
import * as versionCreate from '@/app/api/2.0/mlflow/model-versions/create/route';
import * as versionDelete from '@/app/api/2.0/mlflow/model-versions/delete/route';
import * as versionDeleteTag from '@/app/api/2.0/mlflow/model-versions/delete-tag/route';
import * as versionDownload from '@/app/api/2.0/mlflow/model-versions/get-download-uri/route';
import * as versionGet from '@/app/api/2.0/mlflow/model-versions/get/route';
import * as versionSearch from '@/app/api/2.0/mlflow/model-versions/search/route';
import * as versionSetTag from '@/app/api/2.0/mlflow/model-versions/set-tag/route';
import * as versionTransition from '@/app/api/2.0/mlflow/model-versions/transition-stage/route';
import * as versionUpdate from '@/app/api/2.0/mlflow/model-versions/update/route';
import * as unknownEndpoint from '@/app/api/2.0/mlflow/[...path]/route';
import { seedToken, seedUser } from '../fixtures';

type Handler = (req: NextRequest) => Promise<Response> | Response;

/** Every MLflow endpoint as "METHOD path", the way MLflow's protos list them. */
export const ROUTES: Record<string, Handler> = {
  'POST registered-models/create': modelCreate.POST,
  'GET registered-models/get': modelGet.GET,
  'POST registered-models/rename': modelRename.POST,
  'PATCH registered-models/update': modelUpdate.PATCH,
  'DELETE registered-models/delete': modelDelete.DELETE,
  'GET registered-models/search': modelSearch.GET,
  'POST registered-models/get-latest-versions': modelLatest.POST,
  'GET registered-models/get-latest-versions': modelLatest.GET,
  'POST registered-models/set-tag': modelSetTag.POST,
  'DELETE registered-models/delete-tag': modelDeleteTag.DELETE,
  'POST registered-models/alias': modelAlias.POST,
  'DELETE registered-models/alias': modelAlias.DELETE,
  'GET registered-models/alias': modelAlias.GET,
  'POST model-versions/create': versionCreate.POST,
  'GET model-versions/get': versionGet.GET,
  'PATCH model-versions/update': versionUpdate.PATCH,
  'DELETE model-versions/delete': versionDelete.DELETE,
  'GET model-versions/search': versionSearch.GET,
  'POST model-versions/transition-stage': versionTransition.POST,
  'GET model-versions/get-download-uri': versionDownload.GET,
  'POST model-versions/set-tag': versionSetTag.POST,
  'DELETE model-versions/delete-tag': versionDeleteTag.DELETE,
  'GET unknown': unknownEndpoint.GET,
};

export interface SendOptions {
  /** Extra request headers; null removes one the client would send (e.g. content-type). */
  headers?: Record<string, string | null>;
  /** The body exactly as given, instead of the JSON of `params`; null for none at all. */
  rawBody?: string | null;
}

export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are checked field by field
  json: any;
  headers: Headers;
}

/**
 * Sends one request as MLflow's Python client does (mlflow/utils/rest_utils.py call_endpoint): GET
 * parameters in the query string (lists as repeated parameters), every other method a JSON body.
 */
export async function send(route: string, params: Record<string, unknown> = {}, authorization?: string, options: SendOptions = {}): Promise<Reply> {
  const handler = ROUTES[route];
  if (!handler) throw new Error(`No such route in the test client: ${route}`);
  const [method, path] = route.split(' ') as [string, string];
  const url = new URL(`http://modelgate.test/api/2.0/mlflow/${path}`);
  const headers = new Headers({ 'user-agent': 'mlflow-python-client/2.x' });
  if (authorization) headers.set('authorization', authorization);
  let body: string | undefined;
  if (method === 'GET') {
    for (const [key, value] of Object.entries(params)) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
  } else {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(params);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  if (options.rawBody !== undefined) body = options.rawBody ?? undefined;
  const response = await handler(new NextRequest(url, { method, headers, body }));
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

export interface MlflowUser {
  actor: Actor;
  email: string;
  password: string;
  token: string;
  bearer: string;
  basic: string;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A user of `role` with a password and an API token, and the Authorization headers an MLflow client would send. */
export async function mlflowUser(_admin: Actor, role: Role, options: { model?: string } = {}): Promise<MlflowUser> {
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const actor = await seedUser({ role, password });
  // The user's own token (admins create tokens only for themselves and service accounts).
  const token = await seedToken(actor, { model: options.model });
  return { actor, email: actor.label, password, token, bearer: `Bearer ${token}`, basic: basic(actor.label, password) };
}

export { basic as basicAuth };

/** A client bound to one caller: `as(user).post('registered-models/create', {...})`. */
export function as(authorization: string) {
  return {
    get: (path: string, params?: Record<string, unknown>) => send(`GET ${path}`, params, authorization),
    post: (path: string, params?: Record<string, unknown>) => send(`POST ${path}`, params, authorization),
    patch: (path: string, params?: Record<string, unknown>) => send(`PATCH ${path}`, params, authorization),
    delete: (path: string, params?: Record<string, unknown>) => send(`DELETE ${path}`, params, authorization),
  };
}

/** A lenient policy for MLflow-registered versions (no metrics, no model card): only approvals count. */
export async function setProductionApprovals(model: string, count: number): Promise<void> {
  const { id } = await db.registeredModel.findUniqueOrThrow({ where: { name: model }, select: { id: true } });
  const gates = { staging: [], production: count > 0 ? [{ kind: 'approvals', count }] : [] };
  await db.modelPolicy.upsert({ where: { modelId: id }, create: { modelId: id, gates }, update: { gates } });
}
