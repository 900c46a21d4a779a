import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@solidjs/testing-library";
import { query } from "@solidjs/router";
import { afterEach, vi } from "vitest";

// findBy/waitFor wait up to 4 s, not 1: on a loaded 2-core CI machine a lazy screen's first render can take longer.
configure({ asyncUtilTimeout: 4000 });

// jsdom has no layout; the router scrolls to the top after each navigation.
window.scrollTo = () => undefined;

afterEach(() => {
  cleanup();
  // The router's query cache lives as long as the module: start every test empty.
  query.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  document.documentElement.lang = "";
});
