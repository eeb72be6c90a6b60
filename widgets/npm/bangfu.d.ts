// Types of the `bangfu` package: the loader's exports, the JSON interface's envelope (docs/api.md
// in the repository) and the four custom elements with their attributes and events.

/** Money, ratios and dates cross the boundary as strings ("7800.00", "0.60", "2024-05-01"). */
export type Calculator = "income" | "eligibility" | "deadlines" | "subsidy" | "working_days";

export interface Request {
  calculator: Calculator;
  /** Default `minqin-2024`. */
  rule_set?: string;
  /** Portal parameter values (本地配置): `"monitoring_range.2025": "8600"` or `{ value, source }`. */
  overrides?: Record<string, string | string[] | { value: string | string[]; source?: string }>;
  /** Default true; `false` answers with an empty `explanation` (batch screening). */
  explain?: boolean;
  input: Record<string, unknown>;
}

export type Confidence = "plan" | "official" | "secondary" | "unconfirmed" | "local";

export interface ParamUse {
  name: string;
  label: string;
  value: string;
  confidence?: Confidence | null;
  source: string;
}

export interface Step {
  label: string;
  value: string;
  formula: string;
  source: string;
  parameters: ParamUse[];
}

export interface Warning {
  code: string;
  message: string;
  field?: string;
}

export interface FieldError {
  /** Path in the request, e.g. `input.items[2].amount`; empty for the whole request. */
  field: string;
  code: string;
  /** Plain Chinese, to show next to the field. */
  message: string;
}

export interface Success {
  ok: true;
  rule_set: string;
  /** The calculator's result: see docs/api.md for each calculator's fields. */
  result: Record<string, unknown>;
  explanation: Step[];
  warnings: Warning[];
}

export interface Failure {
  ok: false;
  errors: FieldError[];
}

export type Response = Success | Failure;

/** Evaluates a request; loads the engine on first use (shared with every widget on the page). */
export function evaluate(request: Request): Promise<Response>;

/** Resolves once the engine is loaded; rejects where WebAssembly cannot run. */
export function ready(): Promise<void>;

/** The same answer as `evaluate`, synchronously; only after `ready()` has resolved. */
export function evaluateSync(request: Request): Response;

/** Which engine build this browser runs: `compat` for Chromium 80–95. */
export function engineVariant(): "modern" | "compat";

/** Attributes every element reads (all strings, as in HTML). */
export interface BangfuCommonAttributes {
  /** 长辈 mode: larger text and touch targets (present = on). */
  "large-text"?: string;
  /** The rule set, default `minqin-2024`. */
  "rule-set"?: string;
  /** A page shown as a link where the engine cannot run. */
  "fallback-url"?: string;
  /** JSON parameter overrides, as in a request. */
  overrides?: string;
  /** `full`: `bangfu-result` carries the whole response, typed text included (default: figures only). */
  "result-detail"?: "full";
}

export interface BangfuIncomeAttributes extends BangfuCommonAttributes {
  /** Accounting year, default 2024. */
  year?: string;
  mode?: "cadre" | "simple";
  /** The eligibility checker's page; a button opens it pre-filled (`#bangfu-income=`). */
  "eligibility-url"?: string;
  /** `cadre` mode: days a draft stays on the device after its last change (1–365, default 30). */
  "keep-days"?: string;
}

export interface BangfuEligibilityAttributes extends BangfuCommonAttributes {
  mode?: "public" | "cadre";
  /** The date of the check (YYYY-MM-DD); default the device's date. */
  date?: string;
  /** The portal's 一键报贫 page. */
  "report-url"?: string;
  /** The subsidy estimator's page (`#bangfu-household=`). */
  "subsidy-url"?: string;
  "per-capita-net-income"?: string;
  "per-capita-after-rigid"?: string;
}

export interface BangfuDeadlinesAttributes extends BangfuCommonAttributes {
  /** "Today" for the statuses (YYYY-MM-DD); default the device's date. */
  date?: string;
  /** Days the saved cases stay on the device after the last change (1–365, default 30). */
  "keep-days"?: string;
}

export interface BangfuSubsidyAttributes extends BangfuCommonAttributes {
  year?: string;
  /** JSON per-programme defaults and overrides. */
  config?: string;
  /** JSON household facts. */
  household?: string;
}

/**
 * `event.detail` of `bangfu-result`, dispatched (bubbles, composed) after every new result. By
 * default `response` holds `ok`, `rule_set` and only the top-level figures of `result` (no typed
 * text); with `result-detail="full"` on the element it is the whole response.
 */
export interface BangfuResultDetail {
  calculator: Calculator;
  response: Pick<Success, "ok" | "rule_set" | "result"> & Partial<Success>;
}

export interface BangfuElementEventMap extends HTMLElementEventMap {
  "bangfu-result": CustomEvent<BangfuResultDetail>;
  /** The print button was pressed; the loader prints the sheet itself. */
  "bangfu-print": CustomEvent<Record<string, never>>;
}

export interface BangfuElement extends HTMLElement {
  addEventListener<K extends keyof BangfuElementEventMap>(
    type: K,
    listener: (this: BangfuElement, ev: BangfuElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "bangfu-income": BangfuElement;
    "bangfu-eligibility": BangfuElement;
    "bangfu-deadlines": BangfuElement;
    "bangfu-subsidy": BangfuElement;
  }
  interface HTMLElementEventMap {
    "bangfu-result": CustomEvent<BangfuResultDetail>;
  }
}
