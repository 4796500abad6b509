/** The platform's mark: two people and the horizon they share (decorative; the name beside it is the label). */
export function LogoMark({ size = 40 }: { size?: number }) {
  return (
    <svg
      className="logo-mark"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="7" fill="#0b3a5b" />
      <circle cx="11" cy="12" r="4" fill="#f2b134" />
      <circle cx="21" cy="12" r="4" fill="#ffffff" />
      <path
        d="M6 24c2-4 6-6 10-6s8 2 10 6"
        fill="none"
        stroke="#ffffff"
        strokeWidth="2.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
