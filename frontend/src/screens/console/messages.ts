import { screenMessages } from '../../messages-types';

export const consoleMessages = screenMessages(
  {
    'console.title': 'Analyst console',
    'console.examples': 'Saved queries',
    'console.examplesPick': 'Open a saved query…',
    'console.example.dealers': 'Dealers by open conflicts',
    'console.example.share': 'Direct share by region',
    'console.example.stake': 'Money at stake by conflict kind',
    'console.example.plan': 'Plan attainment and bonuses this year',
    'console.example.coverage': 'Territory gaps and exclusive overlaps',
    'console.hint': 'Ctrl+Enter runs the query · Ctrl+Space completes',
    'console.default': '# Write a GraphQL query, or open a saved one above.\n# Ctrl+Enter runs it; Ctrl+Space suggests fields.\n',
  },
  {
    'console.title': 'Консоль аналитика',
    'console.examples': 'Сохранённые запросы',
    'console.examplesPick': 'Открыть сохранённый запрос…',
    'console.example.dealers': 'Дилеры по открытым конфликтам',
    'console.example.share': 'Доля прямых продаж по регионам',
    'console.example.stake': 'Деньги под угрозой по видам конфликтов',
    'console.example.plan': 'Выполнение плана и бонусы за год',
    'console.example.coverage': 'Пробелы в территориях и пересечения эксклюзива',
    'console.hint': 'Ctrl+Enter выполняет запрос · Ctrl+Space подсказывает',
    'console.default': '# Напишите запрос GraphQL или откройте сохранённый выше.\n# Ctrl+Enter выполняет; Ctrl+Space подсказывает поля.\n',
  },
);
