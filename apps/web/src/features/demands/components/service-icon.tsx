/** The tab-bar icon of the service menu (a hand holding a heart), drawn like components/ui/icons. Decorative. */
export function ServiceIcon() {
  return (
    <svg
      width="1em"
      height="1em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 11.5 9.2 8.8a1.9 1.9 0 0 1 2.8-2.6 1.9 1.9 0 0 1 2.8 2.6Z" />
      <path d="M3 14h3l3.5 2.5H15a1.5 1.5 0 0 0 0-3h-3" />
      <path d="M6 20h9l6-5.5a1.6 1.6 0 0 0-2.3-2.2L15 15" />
    </svg>
  );
}
