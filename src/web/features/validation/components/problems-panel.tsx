/**
 * "Problems in this …": the rule engine's issues beside an editor, each named by where it is
 * (IssueList) and a link to its field.
 */
import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ScnAt } from '../../../../rules/field-labels.js';
import type { Issue } from '../../../lib/api-types';
import { IssueList, type IssueTarget } from './issue-list';

const samePage = (issue: Issue): IssueTarget => ({ pointer: issue.path });

export function ProblemsPanel(props: {
  /** The heading's id (the section is labelled by it). */
  readonly id: string;
  /** "Problems in this shipment". */
  readonly title: string;
  readonly issues: readonly Issue[] | undefined;
  /** Where an issue's link goes; by default its field on this page. */
  readonly targetOf?: (issue: Issue) => IssueTarget;
  /** The SCN of a shipment by its index, to name the shipment each problem is in. */
  readonly scnAt?: ScnAt | undefined;
  /** What is said when there is no issue (IssueList's `clean`). */
  readonly clean?: string;
  /** A note under the list (what was checked). */
  readonly children?: ReactNode;
}) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={props.id}>
      <Title order={2} size="h4" id={props.id} mb="xs">
        {props.title}
      </Title>
      <IssueList
        issues={props.issues}
        title={props.title}
        targetOf={props.targetOf ?? samePage}
        clean={props.clean}
        scnAt={props.scnAt}
      />
      {props.children}
    </Paper>
  );
}
