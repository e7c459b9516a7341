// A searchable customer combobox for forms: the server searches name and tax id.
import { useId, useState } from 'react';
import { useQuery } from '../../graphql';
import { langForCountry } from '../../format';
import { useI18n } from '../../i18n';
import { OwnerChip } from '../../shared/OwnerChip';
import { useErrorText } from '../../shared/States';
import { useDebounced } from '../../shared/useDebounced';
import { CustomerPickQuery } from './operations';

export type CustomerRef = { id: string; name: string };

type Props = { value: CustomerRef | null; onChange: (c: CustomerRef | null) => void; invalid?: boolean; describedBy?: string };

export function CustomerPicker({ value, onChange, invalid, describedBy }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebounced(text.trim(), 200);
  const listId = useId();
  const q = useQuery(CustomerPickQuery, { search: search === value?.name ? '' : search }, { skip: !open });
  const options = q.status === 'ok' ? q.data.customers.edges.map((e) => e.node) : [];

  const choose = (c: CustomerRef) => {
    onChange({ id: c.id, name: c.name });
    setText(c.name);
    setOpen(false);
  };

  return (
    <div className="combo wide">
      <input
        type="search"
        className="input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-label={t('dealForm.customer')}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={t('dealForm.customerSearch')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange(null);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          // The list opens on typing or ArrowDown, not on focus: the form
          // focuses this field first and must not start with a list over it.
          if (e.key === 'ArrowDown' && !open) setOpen(true);
          else if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && open && options[active]) choose(options[active]);
          else if (e.key === 'Escape' && open) setOpen(false);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
        data-testid="customer-picker"
      />
      {open && (
        <ul className="combo-list" id={listId} role="listbox">
          {q.status === 'error' && <li className="combo-empty error-message">{errorText(q.error)}</li>}
          {q.status === 'ok' && options.length === 0 && <li className="combo-empty">{t('dealForm.customerNone')}</li>}
          {options.map((c, i) => (
            <li
              key={c.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(c);
              }}
            >
              <span lang={langForCountry(c.country)}>{c.name}</span> <OwnerChip owner={c.owner} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
