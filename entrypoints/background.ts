import { createHandlers } from '@/lib/background/handlers';
import { listenForMessages } from '@/lib/messaging';

export default defineBackground(() => {
  listenForMessages(createHandlers());
});
