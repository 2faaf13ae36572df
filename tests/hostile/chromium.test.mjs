// The hostile suite in headless Chromium (Debian's /usr/bin/chromium through playwright-core).
import { suite } from './harness.mjs';

suite('chromium');
