/** Loads the campaign's figures and one page of suspect responses; `refresh` reloads both. */
import type { Campaign, CampaignResults, SuspectResponses } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '@/lib/i18n';
import {
  getCampaign,
  getCounters,
  getDays,
  getResults,
  getSuspects,
  type CounterResult,
  type DayResult,
} from '../api/results-api';

export interface ResultsData {
  campaign: Campaign | null;
  results: CampaignResults | null;
  counters: CounterResult[];
  days: DayResult[];
  /** SUPPRESS_MIN_CELL: a withheld 'small' rate reads "< minCell". */
  minCell: number;
  suspects: SuspectResponses | null;
}

const EMPTY: ResultsData = { campaign: null, results: null, counters: [], days: [], minCell: 5, suspects: null };

export function useResults(id: string, enabled: boolean) {
  const [data, setData] = useState<ResultsData>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const refresh = useCallback(async () => {
    try {
      const [campaign, results, counters, days, suspects] = await Promise.all([
        getCampaign(id),
        getResults(id),
        getCounters(id),
        getDays(id),
        getSuspects(id, offset),
      ]);
      // After the last item of a page is reviewed, step back to a page that still has items.
      if (suspects.responses.length === 0 && offset > 0) return setOffset(Math.max(0, offset - suspects.limit));
      setData({ campaign, results, counters: counters.counters, days: days.days, minCell: counters.minCell, suspects });
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
    setLoaded(true);
  }, [id, offset]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an asynchronous load: its state changes come after the await
    if (enabled) void refresh();
  }, [enabled, refresh]);
  return { data, loaded, error, refresh, offset, setOffset };
}
