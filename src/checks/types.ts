export type Severity = 'error' | 'warning';

/**
 * A reporting unit as the rules need it: its code, its full name and its counties. The rules
 * import nothing from the services (which call them): the unit directory's units fit this shape.
 */
export interface RuleUnit {
  code: string;
  name: string;
  counties: string[];
}

/** One quality finding, shown to the editor; `message` is in Chinese and says what to change. */
export interface CheckResult {
  code: string;
  severity: Severity;
  field: string;
  message: string;
}

export const errorsOnly = (results: CheckResult[]) => results.filter((r) => r.severity === 'error');
