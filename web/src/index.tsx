import { render } from "solid-js/web";
import { App } from "./app";
import "./style.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
render(() => <App />, root);

// The service worker (public/sw.js) makes the app installable and the week readable offline. When
// it takes over a first visit, it is told what the page loaded before it could see.
const worker = navigator.serviceWorker;
if (worker && import.meta.env.PROD)
  addEventListener("load", () => {
    worker.addEventListener("controllerchange", () =>
      worker.controller?.postMessage(performance.getEntriesByType("resource").map((e) => e.name)),
    );
    void worker.register("/sw.js");
  });
