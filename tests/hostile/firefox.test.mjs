// The hostile suite in headless Firefox (geckodriver, tests/e2e/webdriver.mjs).
import { suite } from './harness.mjs';

suite('firefox');
