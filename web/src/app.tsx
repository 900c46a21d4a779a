import { lazy, Suspense, type JSX } from "solid-js";
import { Route, Router } from "@solidjs/router";
import { I18nProvider } from "./i18n";
import Authed, { route as authedRoute } from "./routes/authed";
import { harvestRoute, harvestWeekRoute } from "./routes/harvest-routes";
import Home, { route as homeRoute } from "./routes/home";
import HouseholdPage, { route as householdRoute } from "./routes/household";
import HouseholdEdit, { route as householdEditRoute } from "./routes/household-edit";
import Households, { route as householdsRoute } from "./routes/households";
import Login from "./routes/login";
import NotFound from "./routes/not-found";

// Screens for a role or for once a week: their code loads when first opened.
const HarvestPage = lazy(() => import("./routes/harvest"));
const HarvestWeek = lazy(() => import("./routes/harvest-week"));
const PickList = lazy(() => import("./routes/pick-list"));

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
          <Route path="/harvest" component={HarvestPage} {...harvestRoute} />
          <Route path="/harvest/:week" component={HarvestWeek} {...harvestWeekRoute} />
          <Route path="/harvest/:week/picklist" component={PickList} {...harvestWeekRoute} />
          <Route path="*404" component={NotFound} />
        </Route>
      </Router>
    </I18nProvider>
  );
}
