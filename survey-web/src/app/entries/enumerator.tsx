/** enumerator.html, served at /e: the enumerator app (built on Preact, vite.respondent.config.ts). */
import EnumeratorPage, { preloadInterview } from '@/features/enumerator/components/enumerator-page';
import { mount } from './mount';

mount(<EnumeratorPage />);
// The list's first render is done (it is laid out and painted after this task): the interview
// screen's chunk downloads meanwhile instead of after the paint, when the page's first effect runs
// (docs/0041). Nothing else the list needs is on the network by now.
void preloadInterview();
