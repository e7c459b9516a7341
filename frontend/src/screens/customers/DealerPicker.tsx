// A searchable dealer combobox: the server searches code and name, so it
// works the same for the demo's 40 dealers and for thousands.
import { useId, useState } from 'react';
import { useQuery } from '../../graphql';
import { useI18n } from '../../i18n';
import { useErrorText } from '../../shared/States';
import { useDebounced } from '../../shared/useDebounced';
import { DealerSearchQuery } from './operations';

export type DealerRef = { id: string; name: string };

export function DealerPicker({ value, onChange }: { value: DealerRef | null; onChange: (d: DealerRef | null) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebounced(text, 200);
  const listId = useId();
  const q = useQuery(DealerSearchQuery, { search: search === value?.name ? '' : search }, { skip: !open });
  const options = q.status === 'ok' ? q.data.dealers.edges.map((e) => e.node) : [];

  const choose = (d: DealerRef) => {
    onChange({ id: d.id, name: d.name });
    setText(d.name);
    setOpen(false);
  };

  return (
    <div className="combo">
      <input
        type="search"
        className="input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-label={t('customers.filter.dealer')}
        placeholder={t('customers.filter.dealerSearch')}
        value={text}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (e.target.value === '') onChange(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && options[active]) choose(options[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {open && (
        <ul className="combo-list" id={listId} role="listbox">
          {q.status === 'error' && <li className="combo-empty error-message">{errorText(q.error)}</li>}
          {q.status === 'ok' && options.length === 0 && <li className="combo-empty">{t('customers.filter.dealerNone')}</li>}
          {options.map((d, i) => (
            <li
              key={d.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(d);
              }}
            >
              <span className="mono dim">{d.code}</span> {d.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
