import { screenMessages } from '../messages-types';

export const paletteMessages = screenMessages(
  {
    'palette.title': 'Go to',
    'palette.hint': 'Ctrl+K to jump anywhere',
    'palette.placeholder': 'Customer, dealer or conflict…',
    'palette.screens': 'Screens',
    'palette.customers': 'Customers',
    'palette.conflicts': 'Live conflicts',
    'palette.dealers': 'Dealers',
    'palette.none': 'Nothing matches',
    'palette.searching': 'Searching…',
    'palette.keys': '↑/↓ choose · Enter go · Esc close',
  },
  {
    'palette.title': 'Перейти',
    'palette.hint': 'Ctrl+K — быстрый переход',
    'palette.placeholder': 'Клиент, дилер или конфликт…',
    'palette.screens': 'Разделы',
    'palette.customers': 'Клиенты',
    'palette.conflicts': 'Активные конфликты',
    'palette.dealers': 'Дилеры',
    'palette.none': 'Ничего не найдено',
    'palette.searching': 'Поиск…',
    'palette.keys': '↑/↓ — выбор · Enter — перейти · Esc — закрыть',
  },
);
