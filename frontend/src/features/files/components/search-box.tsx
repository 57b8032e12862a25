import { useEffect, useId, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { SearchIcon } from '@/components/file-icons';
import { filesPaths } from '../utils/paths';

const DEBOUNCE_MS = 300;

/** Searches file names as you type; the results page keeps the query in its address. */
export function SearchBox() {
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onResultsPage = location.pathname === '/files/search';
  const urlQuery = onResultsPage ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Follow the address when it changes from outside (back button, leaving the results page).
  const [lastUrlQuery, setLastUrlQuery] = useState(urlQuery);
  if (urlQuery !== lastUrlQuery) {
    setLastUrlQuery(urlQuery);
    setValue(urlQuery);
  }

  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );

  function go(query: string, replace: boolean) {
    clearTimeout(timer.current);
    if (query.trim() === '') {
      if (onResultsPage) {
        void navigate(filesPaths.root);
      }
      return;
    }
    void navigate(filesPaths.search(query.trim()), { replace });
  }

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        go(value, onResultsPage);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Search files
      </label>
      <SearchIcon className="search-box__icon" width={18} height={18} />
      <input
        id={id}
        className="search-box__input"
        type="search"
        placeholder="Search files"
        autoComplete="off"
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          setValue(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            go(next, onResultsPage);
          }, DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault();
            setValue('');
            go('', true);
          }
        }}
      />
    </form>
  );
}
