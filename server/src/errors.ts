import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorCode } from '../../contracts/errors.js';

// Services throw these; one handler turns them into `{error: {code, message, details}}`.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (code: ErrorCode, message: string, details?: Record<string, unknown>) => new AppError(404, code, message, details);
export const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>) => new AppError(409, code, message, details);
export const forbidden = (code: ErrorCode, message: string, details?: Record<string, unknown>) => new AppError(403, code, message, details);
export const badRequest = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, details);
export const unprocessable = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new AppError(422, code, message, details);

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const keywordCodes: Record<string, ErrorCode> = {
  additionalProperties: 'validation.unknown_field',
  required: 'validation.required',
  type: 'validation.invalid_type',
  pattern: 'validation.invalid_format',
  format: 'validation.invalid_format',
  minLength: 'validation.out_of_range',
  maxLength: 'validation.out_of_range',
  minimum: 'validation.out_of_range',
  maximum: 'validation.out_of_range',
  minItems: 'validation.out_of_range',
  maxItems: 'validation.out_of_range',
  const: 'validation.invalid_value',
  enum: 'validation.invalid_value',
  anyOf: 'validation.invalid_value',
};

// The most telling error first: a misspelt or missing field says more than the union branch it broke.
const precedence = ['additionalProperties', 'required', 'type', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum'];

function validationBody(context: string, errors: AjvError[]) {
  const sorted = [...errors].sort((a, b) => rank(a) - rank(b));
  const first = sorted[0]!;
  const base = first.instancePath.split('/').filter(Boolean).join('.');
  let field = [context, base].filter(Boolean).join('.');
  if (first.keyword === 'additionalProperties') field += `.${String(first.params.additionalProperty)}`;
  if (first.keyword === 'required') field += `.${String(first.params.missingProperty)}`;
  const code = keywordCodes[first.keyword] ?? 'validation.invalid_value';
  const message =
    code === 'validation.unknown_field'
      ? `Unknown field ${field}`
      : code === 'validation.required'
        ? `${field} is required`
        : `${field} ${first.message ?? 'is not valid'}`;
  return { code, message, details: { field, rule: first.keyword, ...pickLimit(first.params) } };
}

const rank = (e: AjvError) => {
  const i = precedence.indexOf(e.keyword);
  return i === -1 ? precedence.length : i;
};

function pickLimit(params: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const key of ['limit', 'pattern', 'format', 'type', 'allowedValues']) if (key in params) out[key] = params[key];
  return out;
}

export function registerErrorHandling(app: FastifyInstance, opts: { spaIndex: boolean }) {
  app.setNotFoundHandler((req, reply) => {
    // the web app routes in the browser: any page address that is not the API gets its shell
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && String(req.headers.accept ?? '').includes('text/html');
    if (opts.spaIndex && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: { code: 'request.not_found', message: `No route for ${req.method} ${req.url.split('?')[0]}` } });
  });

  app.setErrorHandler((err: FastifyError & { validation?: AjvError[]; validationContext?: string }, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (err.validation) {
      return reply.code(400).send({ error: validationBody(err.validationContext ?? 'body', err.validation) });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply
          .code(400)
          .send({ error: { code: 'request.malformed_json', message: 'The request body is not valid JSON', details: { field: 'body' } } });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply
          .code(400)
          .send({ error: { code: 'request.body_too_large', message: 'The request body is too large', details: { field: 'body' } } });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send({
          error: {
            code: 'request.unsupported_media_type',
            message: 'Send JSON with Content-Type: application/json',
            details: { field: 'content-type' },
          },
        });
    }
    if (err instanceof SyntaxError || err.statusCode === 400) {
      return reply.code(400).send({ error: { code: 'request.malformed_json', message: err.message, details: { field: 'body' } } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply
      .code(500)
      .send({ error: { code: 'server.internal', message: 'Something went wrong on our side; the request was not applied' } });
  });
}
