import { lazy, Suspense, type JSX } from "solid-js";
import { Route, Router } from "@solidjs/router";
import { I18nProvider } from "./i18n";
import Authed, { route as authedRoute } from "./routes/authed";
import { electionRoute, electionsRoute } from "./routes/election-routes";
import { harvestRoute, harvestWeekRoute } from "./routes/harvest-routes";
import { harvestSeasonRoute, harvestWeeksRoute } from "./routes/plan-routes";
import { householdEditRoute, householdRoute, householdsRoute } from "./routes/household-routes";
import { applyStatusRoute, registerRoute, waitlistRoute } from "./routes/membership-routes";
import Home, { route as homeRoute } from "./routes/home";
import Login from "./routes/login";
import NotFound from "./routes/not-found";
import {
  hourTotalsRoute,
  hoursRoute,
  myWorkdaysRoute,
  pendingHoursRoute,
  rosterRoute,
  workdayRoute,
  workdaysRoute,
} from "./routes/workday-routes";

// Screens for a role or for once a week: their code loads when first opened.
const Households = lazy(() => import("./routes/households"));
const HouseholdPage = lazy(() => import("./routes/household"));
const HouseholdEdit = lazy(() => import("./routes/household-edit"));
const HarvestPage = lazy(() => import("./routes/harvest"));
const HarvestWeek = lazy(() => import("./routes/harvest-week"));
const PickList = lazy(() => import("./routes/pick-list"));
const HarvestPickup = lazy(() => import("./routes/harvest-pickup"));
const HarvestWeeks = lazy(() => import("./routes/harvest-weeks"));
const HarvestSeason = lazy(() => import("./routes/harvest-season"));
const Workdays = lazy(() => import("./routes/workdays"));
const MyWorkdays = lazy(() => import("./routes/my-workdays"));
const WorkdayNew = lazy(() => import("./routes/workday-new"));
const WorkdayPage = lazy(() => import("./routes/workday"));
const WorkdayEdit = lazy(() => import("./routes/workday-edit"));
const Roster = lazy(() => import("./routes/roster"));
const Hours = lazy(() => import("./routes/hours"));
const PendingHours = lazy(() => import("./routes/hours-pending"));
const HourTotals = lazy(() => import("./routes/hour-totals"));
const Apply = lazy(() => import("./routes/apply"));
const ApplyStatus = lazy(() => import("./routes/apply-status"));
const ApplyAccept = lazy(() => import("./routes/apply-accept"));
const ApplyConfirm = lazy(() => import("./routes/apply-confirm"));
const Waitlist = lazy(() => import("./routes/waitlist"));
const Certificates = lazy(() => import("./routes/certificates"));
const MyContribution = lazy(() => import("./routes/contribution"));
const ContributionOverview = lazy(() => import("./routes/contribution-overview"));
const PaymentImport = lazy(() => import("./routes/payment-import"));
const SeasonPage = lazy(() => import("./routes/season"));
const Elections = lazy(() => import("./routes/elections"));
const ElectionNew = lazy(() => import("./routes/election-new"));
const ElectionPage = lazy(() => import("./routes/election"));
const ElectionEdit = lazy(() => import("./routes/election-edit"));
const ElectionAudit = lazy(() => import("./routes/election-audit"));
const MyData = lazy(() => import("./routes/my-data"));
const AssembliesManage = lazy(() => import("./routes/assemblies-manage"));
const AssemblyManage = lazy(() => import("./routes/assembly-manage"));
const AssemblyDoor = lazy(() => import("./routes/assembly-door"));
const AssemblyPage = lazy(() => import("./routes/assembly"));
const PublicFarm = lazy(() => import("./routes/public-farm"));
const Documents = lazy(() => import("./routes/documents"));
const NewsPost = lazy(() => import("./routes/news-post"));
const NewsCompose = lazy(() => import("./routes/news-compose"));
const FarmSettings = lazy(() => import("./routes/farm-settings"));
const Messages = lazy(() => import("./routes/messages"));
const MessagePage = lazy(() => import("./routes/message"));
const Polls = lazy(() => import("./routes/polls"));
const PollNew = lazy(() => import("./routes/poll-new"));
const PollEdit = lazy(() => import("./routes/poll-new").then((m) => ({ default: m.PollEdit })));
const PollPage = lazy(() => import("./routes/poll"));
const PollResults = lazy(() => import("./routes/poll-results"));

function Root(props: { children?: JSX.Element }) {
  return <Suspense>{props.children}</Suspense>;
}

export function App() {
  return (
    <I18nProvider>
      <Router root={Root}>
        <Route path="/login" component={Login} />
        <Route path="/apply" component={Apply} />
        <Route path="/farm" component={PublicFarm} />
        <Route path="/apply/status/:token" component={ApplyStatus} {...applyStatusRoute} />
        <Route path="/apply/confirm/:token" component={ApplyConfirm} />
        <Route path="/apply/accept/:token" component={ApplyAccept} />
        <Route path="/" component={Authed} {...authedRoute}>
          <Route path="/" component={Home} {...homeRoute} />
          <Route path="/households" component={Households} {...householdsRoute} />
          <Route path="/households/:id" component={HouseholdPage} {...householdRoute} />
          <Route path="/households/:id/edit" component={HouseholdEdit} {...householdEditRoute} />
          <Route path="/harvest" component={HarvestPage} {...harvestRoute} />
          <Route path="/harvest/weeks" component={HarvestWeeks} {...harvestWeeksRoute} />
          <Route path="/harvest/season" component={HarvestSeason} {...harvestSeasonRoute} />
          <Route path="/harvest/:week" component={HarvestWeek} {...harvestWeekRoute} />
          <Route path="/harvest/:week/picklist" component={PickList} {...harvestWeekRoute} />
          <Route path="/harvest/:week/pickup" component={HarvestPickup} {...harvestWeekRoute} />
          <Route path="/workdays" component={Workdays} {...workdaysRoute} />
          <Route path="/workdays/mine" component={MyWorkdays} {...myWorkdaysRoute} />
          <Route path="/workdays/new" component={WorkdayNew} />
          <Route path="/workdays/:id" component={WorkdayPage} {...workdayRoute} />
          <Route path="/workdays/:id/edit" component={WorkdayEdit} {...workdayRoute} />
          <Route path="/workdays/:id/roster" component={Roster} {...rosterRoute} />
          <Route path="/hours" component={Hours} {...hoursRoute} />
          <Route path="/hours/pending" component={PendingHours} {...pendingHoursRoute} />
          <Route path="/hours/totals" component={HourTotals} {...hourTotalsRoute} />
          <Route path="/elections" component={Elections} {...electionsRoute} />
          <Route path="/elections/new" component={ElectionNew} />
          <Route path="/elections/:id" component={ElectionPage} {...electionRoute} />
          <Route path="/elections/:id/edit" component={ElectionEdit} {...electionRoute} />
          <Route path="/elections/:id/audit" component={ElectionAudit} {...electionRoute} />
          <Route path="/contribution" component={MyContribution} />
          <Route path="/contribution/overview" component={ContributionOverview} />
          <Route path="/contribution/import" component={PaymentImport} />
          <Route path="/contribution/season" component={SeasonPage} />
          <Route path="/waitlist" component={Waitlist} {...waitlistRoute} />
          <Route path="/certificates" component={Certificates} {...registerRoute} />
          <Route path="/my-data" component={MyData} />
          <Route path="/assemblies/manage" component={AssembliesManage} />
          <Route path="/assemblies/manage/:id" component={AssemblyManage} />
          <Route path="/assemblies/manage/:id/door" component={AssemblyDoor} />
          <Route path="/assemblies/:id" component={AssemblyPage} />
          <Route path="/farm/settings" component={FarmSettings} />
          <Route path="/documents" component={Documents} />
          <Route path="/news/new" component={NewsCompose} />
          <Route path="/news/:id" component={NewsPost} />
          <Route path="/news/:id/edit" component={NewsCompose} />
          <Route path="/messages" component={Messages} />
          <Route path="/messages/:id" component={MessagePage} />
          <Route path="/polls" component={Polls} />
          <Route path="/polls/new" component={PollNew} />
          <Route path="/polls/:id" component={PollPage} />
          <Route path="/polls/:id/results" component={PollResults} />
          <Route path="/polls/:id/edit" component={PollEdit} />
          <Route path="*404" component={NotFound} />
        </Route>
      </Router>
    </I18nProvider>
  );
}
