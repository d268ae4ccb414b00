import { DEFAULT_CARD_SECTIONS, type Policy } from '@/lib/registry';

// The demo registry: three models with realistic histories. Each version lists what happened to it, in
// order; the seed replays those steps through the real services so every row has its audit trail.

export type Step =
  | { do: 'promote' }
  | { do: 'deploy'; comment: string }
  | { do: 'request'; comment: string }
  | { do: 'archive'; reason: string }
  | { do: 'demote'; reason: string }
  | { do: 'rollback'; reason: string };

export interface DemoVersion {
  dataVersion: string;
  featureSet: number;
  /** How good this version is, 0..1, which shapes its metrics. */
  quality: number;
  /** Per-slice adjustments, e.g. a regression hidden by the average. */
  sliceShift?: Record<string, number>;
  steps: Step[];
  description: string;
}

export interface DemoModel {
  name: string;
  description: string;
  tags: string[];
  framework: string;
  dataSource: string;
  evaluationSet: string;
  metrics: { key: string; direction: 'higher' | 'lower'; isPrimary?: boolean; at: (q: number, r: number) => number }[];
  slices: string[];
  features: string[][];
  hyperparameters: (i: number) => Record<string, string | number | boolean>;
  /** The model's promotion policy; the default applies when absent. */
  policy?: Policy;
  versions: DemoVersion[];
}

const promote: Step = { do: 'promote' };
const deploy = (comment: string): Step => ({ do: 'deploy', comment });
const archive = (reason: string): Step => ({ do: 'archive', reason });

export const DEMO_MODELS: DemoModel[] = [
  {
    name: 'fraud-detector',
    description: 'Scores card transactions for fraud in real time; blocks above 0.92, reviews above 0.7.',
    tags: ['payments', 'realtime', 'tier-1'],
    framework: 'xgboost 2.1',
    dataSource: 's3://datalake/payments/transactions',
    evaluationSet: 'holdout-2026-09',
    metrics: [
      { key: 'auc', direction: 'higher', isPrimary: true, at: (q, r) => 0.9 + 0.07 * q + 0.004 * r },
      { key: 'precision', direction: 'higher', at: (q, r) => 0.78 + 0.15 * q + 0.01 * r },
      { key: 'recall', direction: 'higher', at: (q, r) => 0.7 + 0.18 * q + 0.01 * r },
      { key: 'latency_p95_ms', direction: 'lower', at: (q, r) => 95 - 25 * q + 6 * r },
      { key: 'memory_mb', direction: 'lower', at: (q, r) => 410 + 90 * q + 20 * r },
    ],
    slices: ['region=EU', 'region=US', 'region=APAC', 'channel=mobile'],
    features: [
      ['amount', 'merchant_category', 'hour_of_day', 'card_age_days', 'country_mismatch'],
      ['amount', 'merchant_category', 'hour_of_day', 'card_age_days', 'country_mismatch', 'device_fingerprint_risk', 'velocity_1h'],
    ],
    hyperparameters: (i) => ({ max_depth: 6 + (i % 3), eta: 0.1 - 0.005 * (i % 4), n_estimators: 400 + 50 * i, subsample: 0.8 }),
    // Whole-set regression check only: the August release shows why per-slice checks matter.
    policy: {
      staging: [
        { kind: 'required-metadata', fields: ['artifactDigest'] },
        { kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.9 },
      ],
      production: [
        { kind: 'metric-threshold', metric: 'auc', op: '>=', value: 0.9 },
        { kind: 'metric-threshold', metric: 'latency_p95_ms', op: '<=', value: 120 },
        { kind: 'no-regression', metrics: ['auc'], tolerance: 0.05, perSlice: false },
        { kind: 'required-metadata', fields: ['artifactDigest', 'trainingDataHash', 'codeCommit'] },
        { kind: 'model-card-complete', sections: DEFAULT_CARD_SECTIONS },
        { kind: 'approvals', count: 1 },
      ],
      // Experiments that sat in Testing half a year go, but the newest three always stay.
      retention: { archiveTestingOlderThanDays: 180, keepNewestTesting: 3 },
    },
    versions: [
      { dataVersion: '2026-05-01', featureSet: 0, quality: 0.2, steps: [promote, deploy('Baseline model, approved for launch.')], description: 'First production baseline.' },
      { dataVersion: '2026-05-01', featureSet: 0, quality: 0.25, steps: [archive('Superseded before review.')], description: 'Tuned learning rate.' },
      { dataVersion: '2026-06-01', featureSet: 0, quality: 0.4, steps: [promote, deploy('June data refresh; +2 pts AUC.')], description: 'Retrained on June data.' },
      { dataVersion: '2026-06-01', featureSet: 0, quality: 0.38, steps: [archive('No gain over v3.')], description: 'Deeper trees experiment.' },
      { dataVersion: '2026-07-01', featureSet: 1, quality: 0.6, steps: [promote, deploy('New device and velocity features; risk team signed off.')], description: 'Adds device fingerprint risk and 1h velocity.' },
      {
        dataVersion: '2026-08-01', featureSet: 1, quality: 0.68, sliceShift: { 'region=EU': -0.09, 'channel=mobile': -0.05 },
        steps: [promote, deploy('August refresh, better overall AUC.'), { do: 'rollback', reason: 'Precision dropped 8% on EU mobile traffic after release.' }],
        description: 'August refresh.',
      },
      { dataVersion: '2026-08-01', featureSet: 1, quality: 0.64, steps: [promote, { do: 'demote', reason: 'Needs recalibration on EU traffic.' }], description: 'EU recalibration, first attempt.' },
      { dataVersion: '2026-08-15', featureSet: 1, quality: 0.55, steps: [archive('Worse than production on every slice.')], description: 'Class-weight experiment.' },
      { dataVersion: '2026-09-01', featureSet: 1, quality: 0.74, steps: [promote], description: 'September refresh with EU recalibration.' },
      { dataVersion: '2026-09-01', featureSet: 1, quality: 0.77, steps: [promote, { do: 'request', comment: 'Best AUC so far and EU slices recovered; ready for Q4 traffic.' }], description: 'Monotonic constraints on amount.' },
      { dataVersion: '2026-10-01', featureSet: 1, quality: 0.8, steps: [], description: 'October data, candidate for Q4.' },
      { dataVersion: '2026-10-01', featureSet: 1, quality: 0.79, steps: [], description: 'October data, fewer trees for latency.' },
    ],
  },
  {
    name: 'churn-predictor',
    description: 'Weekly churn propensity for subscription customers, used by the retention team.',
    tags: ['marketing', 'batch'],
    framework: 'lightgbm 4.5',
    dataSource: 'bigquery://analytics/subscriptions',
    evaluationSet: 'customers-2026-q3',
    metrics: [
      { key: 'auc', direction: 'higher', isPrimary: true, at: (q, r) => 0.78 + 0.1 * q + 0.005 * r },
      { key: 'logloss', direction: 'lower', at: (q, r) => 0.48 - 0.12 * q + 0.01 * r },
      { key: 'lift_top_decile', direction: 'higher', at: (q, r) => 2.4 + 1.1 * q + 0.05 * r },
    ],
    slices: ['plan=basic', 'plan=premium', 'tenure=<1y', 'tenure=>=1y'],
    features: [['tenure_months', 'plan', 'support_tickets_90d', 'logins_30d', 'discount_active']],
    hyperparameters: (i) => ({ num_leaves: 31 + 4 * i, learning_rate: 0.05, min_data_in_leaf: 40, objective: 'binary' }),
    versions: [
      { dataVersion: '2026-04', featureSet: 0, quality: 0.2, steps: [promote, deploy('First churn model for the retention pilot.')], description: 'Pilot.' },
      { dataVersion: '2026-04', featureSet: 0, quality: 0.22, steps: [archive('Duplicate of v1 with a different seed.')], description: 'Seed variation.' },
      { dataVersion: '2026-06', featureSet: 0, quality: 0.45, steps: [promote, deploy('Q2 data; retention team approved.')], description: 'Q2 retrain.' },
      { dataVersion: '2026-08', featureSet: 0, quality: 0.6, steps: [promote, deploy('Summer data; lift up in the top decile.')], description: 'Summer retrain.' },
      { dataVersion: '2026-08', featureSet: 0, quality: 0.5, steps: [archive('Overfit on premium plans.')], description: 'More leaves.' },
      { dataVersion: '2026-10', featureSet: 0, quality: 0.7, steps: [promote], description: 'October retrain.' },
      { dataVersion: '2026-10', featureSet: 0, quality: 0.66, steps: [], description: 'Tenure buckets.' },
      { dataVersion: '2026-11', featureSet: 0, quality: 0.72, steps: [], description: 'November data.' },
      { dataVersion: '2026-11', featureSet: 0, quality: 0.74, steps: [], description: 'November data, tuned.' },
    ],
  },
  {
    name: 'property-valuation',
    description: 'Estimates the market value of residential properties for mortgage pre-approval.',
    tags: ['lending', 'regression', 'tier-1'],
    framework: 'scikit-learn 1.6',
    dataSource: 'postgres://warehouse/property_sales',
    evaluationSet: 'sales-2026-h1',
    metrics: [
      { key: 'rmse', direction: 'lower', isPrimary: true, at: (q, r) => 41000 - 12000 * q + 900 * r },
      { key: 'mae', direction: 'lower', at: (q, r) => 28000 - 8000 * q + 600 * r },
      { key: 'r2', direction: 'higher', at: (q, r) => 0.82 + 0.1 * q + 0.004 * r },
      { key: 'latency_p95_ms', direction: 'lower', at: (q, r) => 40 - 8 * q + 3 * r },
    ],
    slices: ['area=urban', 'area=suburban', 'area=rural'],
    features: [
      ['living_area_m2', 'rooms', 'year_built', 'postcode', 'lot_size_m2'],
      ['living_area_m2', 'rooms', 'year_built', 'postcode', 'lot_size_m2', 'energy_label', 'distance_to_transit_m'],
    ],
    hyperparameters: (i) => ({ model: 'GradientBoostingRegressor', n_estimators: 300 + 25 * i, max_depth: 5, loss: 'huber' }),
    versions: [
      { dataVersion: '2025-H2', featureSet: 0, quality: 0.2, steps: [promote, deploy('Initial valuation model, validated by the credit risk office.')], description: 'Initial model.' },
      { dataVersion: '2026-Q1', featureSet: 0, quality: 0.35, steps: [promote, deploy('Q1 sales data.')], description: 'Q1 refresh.' },
      { dataVersion: '2026-Q1', featureSet: 0, quality: 0.3, steps: [archive('Rural error too high.')], description: 'Quantile loss experiment.' },
      { dataVersion: '2026-Q1', featureSet: 0, quality: 0.33, steps: [archive('No improvement.')], description: 'More estimators.' },
      { dataVersion: '2026-Q2', featureSet: 1, quality: 0.55, steps: [promote, deploy('Energy label and transit distance; fair-lending review passed.')], description: 'New features: energy label, transit distance.' },
      { dataVersion: '2026-Q3', featureSet: 1, quality: 0.65, steps: [promote], description: 'Q3 refresh.' },
      { dataVersion: '2026-Q3', featureSet: 1, quality: 0.6, steps: [promote, { do: 'demote', reason: 'Suburban bias found in review.' }], description: 'Postcode target encoding.' },
      { dataVersion: '2026-Q3', featureSet: 1, quality: 0.62, steps: [], description: 'Debiased postcode encoding.' },
      { dataVersion: '2026-Q4', featureSet: 1, quality: 0.7, steps: [], description: 'Q4 early data.' },
      { dataVersion: '2026-Q4', featureSet: 1, quality: 0.71, steps: [], description: 'Q4 with monotone constraints.' },
    ],
  },
];

export function modelCard(model: DemoModel, v: DemoVersion, number: number): string {
  return `## Intended use
${model.description} Version ${number}: ${v.description}

## Limitations
Trained on data up to ${v.dataVersion}. Performance degrades on segments with fewer than 500 examples in training.

## Evaluation data
Evaluated on \`${model.evaluationSet}\`, a held-out set sampled after the training window, with slices ${model.slices.map((s) => `\`${s}\``).join(', ')}.

## Ethical considerations
Reviewed for disparate impact across the slices above; no protected attributes are used as features.
`;
}
