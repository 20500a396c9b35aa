import { useSubmit } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";

/**
 * A button of the rules form that changes its shape (the server sends the form back reshaped). With
 * JavaScript, reshaping skips the browser's validation (a half-filled form may still be reshaped).
 */
export function ReshapeButton({
  value,
  children,
  className = "btn-secondary",
}: {
  value: string;
  children?: ReactNode;
  className?: string;
}) {
  const submit = useSubmit();
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    submit(event.currentTarget, { method: "post", preventScrollReset: true });
  };
  return (
    <button
      type="submit"
      name="intent"
      value={value}
      className={className}
      onClick={onClick}
      tabIndex={children ? undefined : -1}
    >
      {children}
    </button>
  );
}
