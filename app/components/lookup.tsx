import { Form, useFetcher, useLocation, useNavigate } from "@remix-run/react";
import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { loader as searchLoader } from "../routes/zoeken";
import { MAX_SEARCH_LENGTH, resultPath } from "../services/search-query";
import { useInBrowser } from "./use-in-browser";

/** How long typing must pause before the box asks the server: fewer requests, still "as you type". */
const DEBOUNCE_MS = 120;
/** Suggestions shown under the box; the results page has them all. */
const SUGGESTIONS = 8;

const INPUT_ID = "lookup-input";
const LISTBOX_ID = "lookup-listbox";
const optionId = (index: number) => `lookup-option-${index}`;

type Answer = NonNullable<ReturnType<typeof useFetcher<typeof searchLoader>>["data"]>;
type Option = { kind: "result"; result: Answer["results"][number] } | { kind: "all" };

/** Input types in which "/" is something the user types, not the shortcut. */
const NON_TEXT_INPUTS = new Set([
  "button",
  "checkbox",
  "color",
  "file",
  "hidden",
  "image",
  "radio",
  "range",
  "reset",
  "submit",
]);
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/**
 * The search box in the header. Without JavaScript it is a GET form to the results page; with
 * it, an ARIA 1.2 combobox that suggests people, organisations and bodies as you type, and the
 * shortcuts "/" and Ctrl+K (Cmd+K) put the cursor in it.
 */
export function Lookup({ className = "" }: { className?: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<typeof searchLoader>();
  const navigate = useNavigate();
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const enhanced = useInBrowser();
  const [text, setText] = useState("");
  const [focused, setFocused] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // what the box last asked for: an answer to any other question arrived too late and is ignored
  const [asked, setAsked] = useState("");
  const { load } = fetcher;

  useEffect(() => {
    const query = text.trim();
    if (!query || query === asked) return;
    const timer = setTimeout(() => {
      setAsked(query);
      load(`/zoeken?q=${encodeURIComponent(query)}`);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, asked, load]);

  // An answer that arrives, and a navigation, change what the box shows: taken in while rendering
  // (React's way to adjust state to a change) rather than in an effect that renders twice.
  const [answered, setAnswered] = useState(fetcher.data);
  if (fetcher.data !== answered) {
    setAnswered(fetcher.data);
    if (fetcher.data && fetcher.data.query === asked) {
      setAnswer(fetcher.data);
      setActive(-1);
      setOpen(focused);
    }
  }
  const [shownAt, setShownAt] = useState(location);
  if (location !== shownAt) {
    setShownAt(location);
    setOpen(false);
  }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const commandK =
        (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k";
      const slash =
        event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(event.target);
      if (!commandK && !slash) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const query = text.trim();
  const results = answer?.results ?? [];
  const options: Option[] =
    results.length > 0
      ? [...results.slice(0, SUGGESTIONS).map((result) => ({ kind: "result" as const, result })), { kind: "all" }]
      : [];
  const expanded = open && options.length > 0;
  const searchPath = `/zoeken?q=${encodeURIComponent(answer?.query ?? query)}`;

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const choose = (option: Option) => {
    setOpen(false);
    setText("");
    setAnswer(null);
    setAsked("");
    // the box has the focus (a click on an option keeps it there): let go of it before leaving
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    navigate(option.kind === "all" ? searchPath : resultPath(option.result));
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        if (options.length === 0) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(0);
        } else {
          setActive((active + 1) % options.length);
        }
        return;
      case "ArrowUp":
        if (!expanded) return;
        event.preventDefault();
        setActive(active <= 0 ? options.length - 1 : active - 1);
        return;
      case "Enter": {
        const option = expanded ? options[active] : undefined;
        if (!option) return;
        event.preventDefault();
        choose(option);
        return;
      }
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        return;
    }
  };

  const announcement = !answer
    ? ""
    : answer.results.length === 0
      ? t("lookup.nothingFound", { query: answer.query })
      : answer.more
        ? t("lookup.moreThan", { count: answer.results.length })
        : t("lookup.count", { count: answer.results.length });

  return (
    <Form
      method="get"
      action="/zoeken"
      role="search"
      aria-label={t("lookup.label")}
      className={`relative ${className}`}
      onSubmit={() => setOpen(false)}
    >
      <label htmlFor={INPUT_ID} className="sr-only">
        {t("lookup.label")}
      </label>
      <div className="flex">
        <div className="relative flex-1">
          <input
            ref={input}
            id={INPUT_ID}
            name="q"
            type="search"
            value={text}
            maxLength={MAX_SEARCH_LENGTH}
            autoComplete="off"
            spellCheck={false}
            placeholder={t("lookup.placeholder")}
            className="block w-full rounded-l-md border border-slate-400 bg-white py-1.5 pl-3 pr-9 text-sm placeholder:text-slate-500"
            onChange={(event) => {
              setText(event.target.value);
              if (event.target.value.trim() === "") {
                // nothing to look up: whatever was found for the last text goes
                setAsked("");
                setAnswer(null);
                setOpen(false);
              } else {
                setOpen(true);
              }
            }}
            onFocus={() => {
              setFocused(true);
              if (answer) setOpen(true);
            }}
            onBlur={() => {
              setFocused(false);
              setOpen(false);
              setActive(-1);
            }}
            {...(enhanced
              ? {
                  role: "combobox",
                  "aria-autocomplete": "list" as const,
                  "aria-expanded": expanded,
                  "aria-controls": LISTBOX_ID,
                  "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
                  "aria-keyshortcuts": "/ Control+K Meta+K",
                  title: t("lookup.shortcut"),
                  onKeyDown,
                }
              : {})}
          />
          {enhanced && !focused && !text ? (
            <kbd
              aria-hidden="true"
              className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded border border-slate-300 bg-slate-50 px-1.5 text-xs text-slate-700 sm:block"
            >
              /
            </kbd>
          ) : null}
        </div>
        <button
          type="submit"
          className="rounded-r-md border border-l-0 border-slate-400 bg-white px-2.5 text-slate-700 hover:bg-slate-100"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="h-4 w-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <circle cx="8.5" cy="8.5" r="5.5" />
            <path d="m13 13 4.5 4.5" strokeLinecap="round" />
          </svg>
          <span className="sr-only">{t("lookup.submit")}</span>
        </button>
      </div>
      <ul
        id={LISTBOX_ID}
        role="listbox"
        aria-label={t("lookup.suggestions")}
        hidden={!expanded}
        // keeps the focus in the box, so a click picks the option instead of closing the list first
        onMouseDown={(event) => event.preventDefault()}
        className="absolute right-0 z-40 mt-1 max-h-[70vh] w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg sm:w-96"
      >
        {expanded
          ? options.map((option, index) => (
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the keyboard chooses through the combobox (arrow keys, Enter), whose focus never leaves the input
              <li
                key={option.kind === "all" ? "all" : `${option.result.kind}-${option.result.id}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                onClick={() => choose(option)}
                onMouseMove={() => index !== active && setActive(index)}
                className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand-100 text-brand-900" : "text-slate-900"} ${
                  option.kind === "all" ? "border-t border-slate-200 font-medium text-brand-800" : ""
                }`}
              >
                {option.kind === "all" ? (
                  t("lookup.showAll", { query: answer?.query ?? query })
                ) : (
                  <>
                    <span className="block font-medium">
                      {option.result.title}
                      {option.result.archived ? (
                        <span className="font-normal text-slate-600"> · {t("lookup.archived")}</span>
                      ) : null}
                    </span>
                    <span className="sr-only">, </span>
                    <span className="block text-xs text-slate-600">
                      {t(`lookup.kinds.${option.result.kind}`)}
                      {option.result.subtitle ? ` · ${option.result.subtitle}` : null}
                    </span>
                  </>
                )}
              </li>
            ))
          : null}
      </ul>
      {open && answer?.results.length === 0 ? (
        <p className="absolute right-0 z-40 mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-lg sm:w-96">
          {announcement}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
    </Form>
  );
}
