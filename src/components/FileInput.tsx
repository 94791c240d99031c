import { useId, useRef } from 'react';

/** A visible, labelled file input; the value is cleared so the same file can be chosen again. */
export function FileInput({ label, accept, onFile, onFiles }: { label: string; accept: string; onFile: (file: File) => void; onFiles?: (files: File[]) => void }) {
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
        multiple={onFiles !== undefined}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          if (onFiles && files.length > 0) onFiles(files);
          else if (files[0]) onFile(files[0]);
          if (ref.current) ref.current.value = '';
        }}
      />
    </div>
  );
}
