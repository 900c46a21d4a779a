import { render } from "solid-js/web";
import { App } from "./app";
import "./style.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// Rendered in a task after the one that evaluates the code, not in it: on a slow phone each is
// shorter, so a tap waits less (Lighthouse's Total Blocking Time counts each long task's excess).
setTimeout(() => render(() => <App />, root));

// The service worker (public/sw.js) makes the app installable and the week readable offline. It
// starts once the first screen is in and the network quiet, so its own downloads do not slow that
// screen; taking over, it is told what the page loaded before it could see.
const worker = navigator.serviceWorker;
if (worker && import.meta.env.PROD)
  whenQuiet(() => {
    worker.addEventListener("controllerchange", () =>
      worker.controller?.postMessage(performance.getEntriesByType("resource").map((e) => e.name)),
    );
    void worker.register("/sw.js");
  });

/** Calls `then` once, when the page has loaded and no download has ended for a second (10 s after load at the latest). */
function whenQuiet(then: () => void) {
  addEventListener("load", () => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      if (!quiet) return;
      watch.disconnect();
      clearTimeout(quiet);
      clearTimeout(latest);
      quiet = undefined;
      then();
    };
    const wait = () => {
      clearTimeout(quiet);
      quiet = setTimeout(done, 1000);
    };
    const latest = setTimeout(done, 10_000);
    const watch = new PerformanceObserver(() => quiet && wait());
    watch.observe({ type: "resource" });
    wait();
  });
}
