import { Suspense, type JSX } from "solid-js";
import { Route, Router } from "@solidjs/router";
import { I18nProvider } from "./i18n";
import Authed, { route as authedRoute } from "./routes/authed";
import Home, { route as homeRoute } from "./routes/home";
import HouseholdPage, { route as householdRoute } from "./routes/household";
import HouseholdEdit, { route as householdEditRoute } from "./routes/household-edit";
import Households, { route as householdsRoute } from "./routes/households";
import Login from "./routes/login";
import NotFound from "./routes/not-found";

function Root(props: { children?: JSX.Element }) {
  return <Suspense>{props.children}</Suspense>;
}

export function App() {
  return (
    <I18nProvider>
      <Router root={Root}>
        <Route path="/login" component={Login} />
        <Route path="/" component={Authed} {...authedRoute}>
          <Route path="/" component={Home} {...homeRoute} />
          <Route path="/households" component={Households} {...householdsRoute} />
          <Route path="/households/:id" component={HouseholdPage} {...householdRoute} />
          <Route path="/households/:id/edit" component={HouseholdEdit} {...householdEditRoute} />
          <Route path="*404" component={NotFound} />
        </Route>
      </Router>
    </I18nProvider>
  );
}
