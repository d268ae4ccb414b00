'use client';

import { useId } from 'react';
import { METADATA_FIELDS, type Gate, type MetadataField } from '@/lib/registry';
import { Field, invalidProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ListInput, NumberInput } from './draft-inputs';

const METADATA_LABELS: Record<MetadataField, string> = {
  artifactDigest: 'Artifact digest',
  trainingDataHash: 'Training data hash',
  codeCommit: 'Code commit',
};

interface GateFieldsProps {
  gate: Gate;
  onChange: (gate: Gate) => void;
  /** The validation error of one of this gate's fields, by field name. */
  error: (field: string) => string | undefined;
}

/** The fields of one gate, by kind; every field labelled, every error beside its field. */
export function GateFields({ gate, onChange, error }: GateFieldsProps) {
  const id = useId();
  const f = (name: string) => ({ id: `${id}-${name}`, error: error(name) });
  const aria = (name: string) => invalidProps(`${id}-${name}`, error(name));

  switch (gate.kind) {
    case 'metric-threshold':
      return (
        <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_6rem_minmax(0,1fr)_minmax(0,2fr)]">
          <Field {...f('metric')} label="Metric">
            <Input id={`${id}-metric`} value={gate.metric} placeholder="auc" onChange={(e) => onChange({ ...gate, metric: e.target.value.trim() })} {...aria('metric')} />
          </Field>
          <Field {...f('op')} label="Must be">
            <Select id={`${id}-op`} value={gate.op} onChange={(e) => onChange({ ...gate, op: e.target.value === '<=' ? '<=' : '>=' })}>
              <option value=">=">≥</option>
              <option value="<=">≤</option>
            </Select>
          </Field>
          <Field {...f('value')} label="Value">
            <NumberInput id={`${id}-value`} value={gate.value} onChange={(value) => onChange({ ...gate, value })} {...aria('value')} />
          </Field>
          <Field {...f('evaluationSet')} label="Evaluation set" optional>
            <Input
              id={`${id}-evaluationSet`}
              value={gate.evaluationSet ?? ''}
              placeholder="any"
              onChange={(e) => onChange({ ...gate, evaluationSet: e.target.value.trim() || undefined })}
              {...aria('evaluationSet')}
            />
          </Field>
        </div>
      );
    case 'no-regression':
      return (
        <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-start">
          <Field {...f('metrics')} label="Metrics" hint="Comma-separated; empty: the primary metric.">
            <ListInput id={`${id}-metrics`} value={gate.metrics} placeholder="primary metric" onChange={(metrics) => onChange({ ...gate, metrics })} {...aria('metrics')} />
          </Field>
          <Field {...f('tolerance')} label="Tolerance" hint="0.05: up to 5 % below Production.">
            <NumberInput id={`${id}-tolerance`} value={gate.tolerance} onChange={(tolerance) => onChange({ ...gate, tolerance })} {...aria('tolerance')} />
          </Field>
          <label className="flex items-center gap-2 pt-7 text-sm">
            <input type="checkbox" checked={gate.perSlice} onChange={(e) => onChange({ ...gate, perSlice: e.target.checked })} className="size-4 accent-accent" />
            Check every data slice
          </label>
        </div>
      );
    case 'required-metadata':
      return (
        <fieldset aria-describedby={error('fields') ? `${id}-fields-error` : undefined}>
          <legend className="text-sm font-medium text-ink">Fields the version must have</legend>
          <div className="mt-1.5 flex flex-wrap gap-x-5 gap-y-2">
            {METADATA_FIELDS.map((field) => (
              <label key={field} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={gate.fields.includes(field)}
                  onChange={(e) => onChange({ ...gate, fields: e.target.checked ? METADATA_FIELDS.filter((x) => x === field || gate.fields.includes(x)) : gate.fields.filter((x) => x !== field) })}
                  className="size-4 accent-accent"
                />
                {METADATA_LABELS[field]}
              </label>
            ))}
          </div>
          {error('fields') && (
            <p id={`${id}-fields-error`} className="mt-1 text-xs text-red-700 dark:text-red-300">
              Choose at least one field.
            </p>
          )}
        </fieldset>
      );
    case 'model-card-complete':
      return (
        <Field {...f('sections')} label="Sections" hint="Comma-separated headings the model card must fill in.">
          <ListInput id={`${id}-sections`} value={gate.sections} onChange={(sections) => onChange({ ...gate, sections })} {...aria('sections')} />
        </Field>
      );
    case 'model-size':
      return (
        <Field {...f('maxBytes')} label="Largest size (MB)" hint="Decimal megabytes of the registered artifact; a version without a recorded size fails." className="max-w-xs">
          <NumberInput id={`${id}-maxBytes`} value={gate.maxBytes / 1e6} onChange={(mb) => onChange({ ...gate, maxBytes: Math.round(mb * 1e6) })} {...aria('maxBytes')} />
        </Field>
      );
    case 'approvals':
      return (
        <Field {...f('count')} label="Approvals required" hint="Approvers other than the requester must approve the Production request." className="max-w-xs">
          <NumberInput id={`${id}-count`} value={gate.count} onChange={(count) => onChange({ ...gate, count })} {...aria('count')} />
        </Field>
      );
  }
}
