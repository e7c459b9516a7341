// "Download CSV" on the Customers, Deals and Dealers screens (shared/exportUrl.ts).
import { screenMessages } from '../messages-types';

export const exportMessages = screenMessages(
  {
    'export.action': 'Download CSV',
    'export.hint': 'Download the list as filtered on screen as a CSV file',
  },
  {
    'export.action': 'Скачать CSV',
    'export.hint': 'Скачать список с текущими фильтрами в файле CSV',
  },
  {
    'export.action': 'Изтегли CSV',
    'export.hint': 'Изтеглете списъка с текущите филтри като CSV файл',
  },
);
