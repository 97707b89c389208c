"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { describedBy, FieldError, FieldHint, messagesOf, type FieldMessages } from "@/components/ui/TextField";

/** The value after the person has stopped typing for `delay` ms (fewer requests on a slow network). */
export function useDebounced<T>(value: T, delay = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

type ComboboxProps<T> = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldMessages;
  query: string;
  onQueryChange: (query: string) => void;
  items: T[];
  itemKey: (item: T) => string;
  /** what the option shows (may hold a second line) */
  renderItem: (item: T) => ReactNode;
  onSelect: (item: T) => void;
  loading: boolean;
  /** more suggestions exist than are listed: the person is asked to type on */
  more?: boolean;
  /** no search under this many characters */
  minChars?: number;
  /** "commune", "métier": for the status sentences */
  noun: { one: string; many: string; feminine?: boolean };
  inputMode?: "text" | "search" | "numeric";
  disabled?: boolean;
};

/**
 * An input with a list of suggestions (ARIA 1.2 combobox with a listbox): arrows move in
 * the list (aria-activedescendant), Enter picks, Escape closes; a tap on a suggestion picks it.
 * How many suggestions there are is said in a polite live region.
 */
export function Combobox<T>({
  id,
  label,
  hint,
  error,
  query,
  onQueryChange,
  items,
  itemKey,
  renderItem,
  onSelect,
  loading,
  more = false,
  minChars = 2,
  noun,
  inputMode = "search",
  disabled,
}: ComboboxProps<T>) {
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const optionPrefix = useId().replace(/:/g, "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(closeTimer.current), []);
  const errors = messagesOf(error);
  const searching = query.trim().length >= minChars;
  const expanded = open && searching && items.length > 0;

  // A new list: nothing highlighted yet.
  const itemsKey = items.map(itemKey).join("|");
  useEffect(() => setActive(-1), [itemsKey]);

  function pick(item: T) {
    onSelect(item);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!items.length) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + items.length) % items.length);
    } else if (event.key === "Enter") {
      if (expanded) {
        event.preventDefault(); // never submits the step while the list is open
        const item = items[active >= 0 ? active : 0];
        if (item !== undefined) pick(item);
      }
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query) {
        onQueryChange("");
      }
    }
  }

  const found = noun.feminine ? "trouvée" : "trouvé";
  let status = "";
  if (searching && loading) status = "Recherche…";
  else if (searching && open && items.length === 0) status = `Aucun${noun.feminine ? "e" : ""} ${noun.one} ${found}. Vérifiez ce que vous avez écrit.`;
  else if (expanded && more)
    status = `Plus de ${items.length} ${noun.many} ${found}s : écrivez la suite du nom ou le code postal.`;
  else if (expanded)
    status = `${items.length} ${items.length > 1 ? noun.many : noun.one} ${found}${items.length > 1 ? "s" : ""} : touchez ${noun.feminine ? "la" : "le"} vôtre.`;

  return (
    <div className={errors.length ? "field field--invalid combobox" : "field combobox"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <input
        ref={inputRef}
        id={id}
        type="text"
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${optionPrefix}-${active}` : undefined}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        inputMode={inputMode}
        enterKeyHint="search"
        disabled={disabled}
        value={query}
        onChange={(event) => {
          onQueryChange(event.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          clearTimeout(closeTimer.current);
          setOpen(true);
        }}
        // Closing a moment later: the list vanishing at once would move the page under the
        // finger, and the tap on the button below would land elsewhere.
        onBlur={() => {
          closeTimer.current = setTimeout(() => setOpen(false), 250);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="combobox__list" aria-label={`Suggestions : ${noun.many}`} hidden={!expanded}>
        {expanded
          ? items.map((item, index) => (
              <li
                key={itemKey(item)}
                id={`${optionPrefix}-${index}`}
                role="option"
                aria-selected={index === active}
                className="combobox__option"
                // keep the focus in the input: the list stays open until the tap is done
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(item)}
              >
                {renderItem(item)}
              </li>
            ))
          : null}
      </ul>
      <p id={statusId} className="combobox__status" role="status">
        {status}
      </p>
    </div>
  );
}
