import { useId, useRef } from 'react';

/** A visible, labelled file input; the value is cleared so the same file can be chosen again. */
export function FileInput({ label, accept, onFile }: { label: string; accept: string; onFile: (file: File) => void }) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        type="file"
        accept={accept}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          if (ref.current) ref.current.value = '';
        }}
      />
    </div>
  );
}
