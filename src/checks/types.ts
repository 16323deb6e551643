export type Severity = 'error' | 'warning';

/** One quality finding, shown to the editor; `message` is in Chinese and says what to change. */
export interface CheckResult {
  code: string;
  severity: Severity;
  field: string;
  message: string;
}

export const errorsOnly = (results: CheckResult[]) => results.filter((r) => r.severity === 'error');
