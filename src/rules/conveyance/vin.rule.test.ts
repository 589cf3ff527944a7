import { describe, expect, it } from 'vitest';
import { aTrip, aTruck, issuesOf } from '../../../test/builders.js';

function vinIssues(vinNumber: string | undefined) {
  const truck = aTruck({ vinNumber });
  if (vinNumber === undefined) delete truck.vinNumber;
  return issuesOf(aTrip({ truck }))
    .filter((issue) => issue.code.startsWith('VIN_'))
    .map((issue) => [issue.code, issue.severity, issue.path]);
}

describe('vin rule', () => {
  it("accepts the builder's VIN, whose check digit is X", () => {
    expect(vinIssues('1M8GDM9AXKP042788')).toEqual([]);
  });

  it('accepts a VIN with a numeric check digit, in lower case too', () => {
    expect(vinIssues('1hgcm82633a004352')).toEqual([]);
  });

  it('refuses a truck without a VIN', () => {
    expect(vinIssues(undefined)).toEqual([['VIN_REQUIRED', 'error', '/truck/vinNumber']]);
  });

  it('refuses a VIN that is not 17 characters', () => {
    expect(vinIssues('1M8GDM9AXKP04278')).toEqual([['VIN_FORMAT', 'error', '/truck/vinNumber']]);
  });

  it('refuses a VIN with the letter O, which VINs never use', () => {
    const issues = issuesOf(aTrip({ truck: aTruck({ vinNumber: '1M8GDM9AXKPO42788' }) }));
    const format = issues.find((issue) => issue.code === 'VIN_FORMAT');
    expect(format?.path).toBe('/truck/vinNumber');
    expect(format?.message).toContain('letter O');
  });

  it('refuses a VIN with punctuation', () => {
    expect(vinIssues('1M8GDM9AX-P042788')).toEqual([['VIN_FORMAT', 'error', '/truck/vinNumber']]);
  });

  it('only warns about a wrong check digit', () => {
    expect(vinIssues('1M8GDM9A5KP042788')).toEqual([
      ['VIN_CHECK_DIGIT', 'warning', '/truck/vinNumber'],
    ]);
  });
});
