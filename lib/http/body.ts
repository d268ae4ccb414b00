import { RegistryError } from '@/lib/registry';

export const MAX_BODY_BYTES = 1_000_000;

const tooLarge = () => new RegistryError('PAYLOAD_TOO_LARGE', 'Request bodies are limited to 1 MB.');

/**
 * Reads a request body as text, at most `maxBytes` of it. A declared Content-Length over the limit is
 * refused before reading; a chunked body (which declares none) is read chunk by chunk and the stream
 * cancelled as soon as it passes the limit, so a client cannot make the server buffer more than that.
 */
export async function readBodyText(req: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new RegistryError('INVALID_ARGUMENT', 'The request body could not be read (the client stopped sending?).');
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Reads a JSON body with the size limit; a malformed or oversized body is the client's mistake, not a 500. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await readBodyText(req);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new RegistryError('INVALID_ARGUMENT', 'The request body is not valid JSON.');
  }
}
