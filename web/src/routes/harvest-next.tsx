import { createEffect } from "solid-js";
import { createAsync, useNavigate } from "@solidjs/router";
import { Loads } from "../components/feedback";
import { useFarmerText } from "../i18n/farmer";
import { getHarvests } from "../lib/harvest";
import { weekToEnter } from "../lib/harvest-farmer";
import { addWeeks, currentWeek } from "../lib/week";

/** `/harvest/next`: on to the week the farmer enters next, in the address as that week. */
export default function HarvestNext() {
  const f = useFarmerText();
  const navigate = useNavigate();
  const published = createAsync(() => getHarvests());
  createEffect(() => {
    const list = published();
    if (!list) return;
    const week = weekToEnter(currentWeek(), list.map((h) => h.week), addWeeks);
    navigate(`/harvest/${week}`, { replace: true });
  });
  return (
    <Loads>
      <p class="muted" role="status">
        {f().next.finding}
      </p>
    </Loads>
  );
}
