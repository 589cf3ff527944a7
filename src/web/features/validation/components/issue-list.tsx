/**
 * The rule engine's findings as a list: errors first, each saying where it is (the shipment,
 * commodity, driver… its pointer names: "Shipment 2 (SCN DEMO0000000004) · Commodity 1"), what
 * is wrong, where the rule comes from, and linking to the field to fix (on this page, or on the
 * shipment's page). A trip of 40 shipments says "The shipment has no shipper." 40 times: the
 * place is what tells them apart.
 */
import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { placeOfPath, type ScnAt } from '../../../../rules/field-labels.js';
import type { Issue } from '../../../lib/api-types';
import { fieldId, focusField } from '../../../lib/field-id';
import { sourceText } from '../source-text';

/**
 * The most entries listed: a 10,000-shipment trip can have thousands of problems, and a list
 * of them all would take the main thread for seconds on every answer of the worker.
 */
export const MOST_ISSUES_LISTED = 100;

export interface IssueTarget {
  /** Another page (a shipment of the trip), with the field's pointer there. */
  readonly to?: string;
  /** The pointer of the field on this page. */
  readonly pointer: string;
}

export function IssueList(props: {
  readonly issues: readonly Issue[] | undefined;
  readonly title: string;
  readonly targetOf: (issue: Issue) => IssueTarget;
  readonly label?: string;
  /** What is said when there is no issue; by default that every rule passes. */
  readonly clean?: string;
  /** The SCN of a shipment of the document the issues' pointers are in, to name it by. */
  readonly scnAt?: ScnAt | undefined;
}) {
  const { issues } = props;
  if (issues === undefined) {
    return <Text c="dimmed">Checking…</Text>;
  }
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const listed = [...errors, ...warnings].slice(0, MOST_ISSUES_LISTED);
  if (issues.length === 0) {
    return (
      <Text fw={600} role="status">
        {props.clean ??
          '✓ No problems found: the rules of CBP ACE that can be checked before filing all pass.'}
      </Text>
    );
  }
  return (
    <section aria-label={props.label ?? props.title}>
      <Text fw={600} role="status">
        {errors.length} {errors.length === 1 ? 'error' : 'errors'}, {warnings.length}{' '}
        {warnings.length === 1 ? 'warning' : 'warnings'}
      </Text>
      {/* A long word (300 characters without a space) wraps instead of widening the page. */}
      <List spacing={4} size="sm" aria-label={props.title} style={{ overflowWrap: 'anywhere' }}>
        {listed.map((issue, index) => {
          const target = props.targetOf(issue);
          const hash = `#${fieldId(target.pointer)}`;
          const place = placeOfPath(issue.path, props.scnAt);
          return (
            <List.Item key={`${issue.code}${issue.path}${String(index)}`}>
              <Text span fw={600} c={issue.severity === 'error' ? 'red.9' : '#8a3c00'}>
                {issue.severity === 'error' ? 'Error' : 'Warning'}:
              </Text>{' '}
              {place !== undefined && <Text span fw={600}>{`${place}: `}</Text>}
              {target.to === undefined ? (
                <Anchor
                  href={hash}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(target.pointer);
                  }}
                >
                  {issue.message}
                </Anchor>
              ) : (
                <Anchor component={Link} to={`${target.to}${hash}`}>
                  {issue.message}
                </Anchor>
              )}
              {issue.source !== undefined && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({sourceText(issue.source)})
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
      {listed.length < errors.length + warnings.length && (
        <Text size="sm" mt="xs">
          The first {listed.length} are listed; fix them and the next ones appear.
        </Text>
      )}
    </section>
  );
}
