import { jest } from '@jest/globals';

// Integration tests start real workers and bundle workflow code: seconds, not milliseconds.
jest.setTimeout(120_000);
