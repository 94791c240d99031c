import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface AnalysisView {
  /** stable id: used in element ids and tests */
  id: string;
  /** the tab's label */
  title: string;
  view: LazyExoticComponent<ComponentType>;
}

/**
 * The analysis views below the cards, one tab each, in this order. A feature adds one line here;
 * views load lazily so the first paint stays small.
 */
export const ANALYSIS_VIEWS: readonly AnalysisView[] = [
  { id: 'charts', title: 'Charts', view: lazy(() => import('../features/charts/ChartsView')) },
  { id: 'options', title: 'Options', view: lazy(() => import('../features/options/OptionsView')) },
  { id: 'stress', title: 'Stress & VaR', view: lazy(() => import('../features/stress/StressView')) },
  { id: 'cascade', title: 'Cascade', view: lazy(() => import('../features/cascade/CascadeView')) },
  { id: 'venues', title: 'Venues', view: lazy(() => import('../features/venues/VenuesView')) },
  { id: 'alerts', title: 'Alerts', view: lazy(() => import('../features/alerts/AlertsView')) },
];
