/**
 * Live validation: the document goes to the rule engine in a Web Worker after every change,
 * and the latest answer comes back as issues. `undefined` until the first answer.
 */
import { useEffect, useRef, useState } from 'react';
import type { Issue } from '../../lib/api-types';
import type { ValidationReply, ValidationRequest } from './validation-messages';

export function useLiveValidation(document: unknown, scac: string | undefined) {
  const worker = useRef<Worker | null>(null);
  const lastId = useRef(0);
  const [issues, setIssues] = useState<Issue[] | undefined>(undefined);

  useEffect(() => {
    const created = new Worker(new URL('./live-validation.worker.ts', import.meta.url), {
      type: 'module',
      name: 'live-validation',
    });
    created.onmessage = (event: MessageEvent<ValidationReply>) => {
      if (event.data.id === lastId.current) setIssues(event.data.issues);
    };
    worker.current = created;
    return () => {
      created.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (document === undefined) return;
    lastId.current += 1;
    const request: ValidationRequest = {
      id: lastId.current,
      document,
      now: new Date().toISOString(),
      scac,
    };
    // The worker is created by the effect above, which runs first on mount.
    worker.current?.postMessage(request);
  }, [document, scac]);

  return issues;
}
