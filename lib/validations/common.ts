import { z } from 'zod';

export const ZModelName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'Use 1–128 letters, digits, ".", "_" or "-", starting with a letter or digit.');

export const ZTag = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w.:/=-]+$/, 'Tags use letters, digits and . _ : / = -');

export const ZSha256Digest = z
  .string()
  .trim()
  .transform((value) => (value.startsWith('sha256:') ? value : `sha256:${value}`).toLowerCase())
  .pipe(z.string().regex(/^sha256:[0-9a-f]{64}$/, 'Expected a sha256 digest: 64 hex digits, optionally prefixed "sha256:".'));

export const ZReason = z.string().trim().min(3, 'Give a short reason (at least 3 characters).').max(2000);

/** A JSON object of plain values, as hyperparameters and resources are. */
export const ZJsonObject = z.record(z.string().max(200), z.json());
