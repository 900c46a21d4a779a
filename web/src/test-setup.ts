import "@testing-library/jest-dom/vitest";
import { cleanup } from "@solidjs/testing-library";
import { query } from "@solidjs/router";
import { afterEach, vi } from "vitest";

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
