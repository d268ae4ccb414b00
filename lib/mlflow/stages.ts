import type { Stage } from '@/lib/registry';
import { MlflowError } from './errors';

/** MLflow's four stages, in MLflow's spelling. Our Testing is MLflow's "None" (just registered). */
export const MLFLOW_STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type MlflowStage = (typeof MLFLOW_STAGES)[number];

const TO_MLFLOW: Record<Stage, MlflowStage> = { testing: 'None', staging: 'Staging', production: 'Production', archived: 'Archived' };
const FROM_MLFLOW: Record<MlflowStage, Stage> = { None: 'testing', Staging: 'staging', Production: 'production', Archived: 'archived' };

export function toMlflowStage(stage: Stage): MlflowStage {
  return TO_MLFLOW[stage];
}

/** MLflow accepts stages in any letter case ("production", "STAGING"); anything else is refused. */
export function parseMlflowStage(value: string): MlflowStage {
  const stage = MLFLOW_STAGES.find((s) => s.toLowerCase() === value.trim().toLowerCase());
  if (!stage) throw new MlflowError('INVALID_PARAMETER_VALUE', `Invalid Model Version stage: ${value}. Value must be one of ${MLFLOW_STAGES.join(', ')}.`);
  return stage;
}

export function fromMlflowStage(stage: MlflowStage): Stage {
  return FROM_MLFLOW[stage];
}
