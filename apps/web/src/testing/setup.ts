import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Node's Request (used under jsdom) rejects relative URLs; browsers resolve them against the page.
class PageRelativeRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, window.location.href) : input, init);
  }
}
globalThis.Request = PageRelativeRequest;

// waitFor and findBy* wait for a condition, never for a time: a longer bound costs nothing when it
// holds, and a loaded machine (every file in parallel on two cores) needs more than 1 s at times.
configure({ asyncUtilTimeout: 3000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
