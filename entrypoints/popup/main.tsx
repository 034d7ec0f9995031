import { startEarlyDraftRequest } from '@/lib/popup-early-draft';
import '@/components/style.css';

performance.mark('helpdraft:script-start');

// The draft is asked for before React and the schemas load: the capture runs meanwhile.
startEarlyDraftRequest(window.location.search);
void import('./app');
