'use client';

import type { PortfolioCounts, PortfolioItemResult } from '@/lib/registry/portfolio';
import type { PortfolioAction, PortfolioSelection } from '@/lib/validations/portfolio';
import { getJson } from './api-error';
import { postJson, sendJsonWithHeaders } from './send-json';

export interface PortfolioPreviewAnswer {
  total: number;
  counts: PortfolioCounts;
  items: PortfolioItemResult[];
}

export interface PortfolioOperationAnswer extends PortfolioPreviewAnswer {
  id: string;
  status: 'running' | 'done';
}

export type PortfolioProgress = Omit<PortfolioOperationAnswer, 'items'>;

/** The input of a bulk action as the form holds it (the action's defaults filled in by the server). */
export type PortfolioActionInput = PortfolioAction | { type: 'add-tag'; key: string; value?: string };

export function previewPortfolio(selection: PortfolioSelection, action: PortfolioActionInput): Promise<PortfolioPreviewAnswer> {
  return postJson('/api/v1/portfolio/preview', { selection, action });
}

/** Applies what the preview showed: items that changed since, or that it did not list, are refused by the server. */
export function applyPortfolio(selection: PortfolioSelection, action: PortfolioActionInput, preview: PortfolioPreviewAnswer, idempotencyKey: string): Promise<PortfolioOperationAnswer> {
  const expected = Object.fromEntries(preview.items.map((i) => [i.key, i.before ?? '']));
  return sendJsonWithHeaders('POST', '/api/v1/portfolio/operations', { selection, action, expected }, { 'Idempotency-Key': idempotencyKey });
}

export async function portfolioProgress(idempotencyKey: string, signal?: AbortSignal): Promise<PortfolioProgress | null> {
  const answer = await getJson<{ operations: PortfolioProgress[] }>(`/api/v1/portfolio/operations?idempotencyKey=${encodeURIComponent(idempotencyKey)}`, signal);
  return answer.operations[0] ?? null;
}

export function portfolioResultUrl(id: string, format: 'csv' | 'json'): string {
  return `/api/v1/portfolio/operations/${encodeURIComponent(id)}/result?format=${format}`;
}
