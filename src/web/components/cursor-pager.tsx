/** Previous page, "Page N" and Next page under a cursor-paged list. */
import { Button, Group, Text } from '@mantine/core';
import type { CursorPages } from '../lib/use-cursor-pages';

export function CursorPager(props: {
  readonly pages: CursorPages;
  /** The shown page's cursor to the next one; null or absent on the last page. */
  readonly nextCursor: string | null | undefined;
  readonly fetching: boolean;
}) {
  const { pages, nextCursor } = props;
  return (
    <Group justify="space-between">
      <Button variant="default" disabled={pages.number < 2} onClick={pages.previous}>
        Previous page
      </Button>
      <Text size="sm" c="dimmed" aria-live="polite">
        Page {pages.number}
        {props.fetching ? ' (loading…)' : ''}
      </Text>
      <Button
        variant="default"
        disabled={nextCursor == null}
        onClick={() => {
          if (nextCursor != null) pages.next(nextCursor);
        }}
      >
        Next page
      </Button>
    </Group>
  );
}
