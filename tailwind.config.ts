import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // Contrast ratios checked against white (AA for normal text).
        brand: { 50: "#eef6f4", 100: "#d5ebe5", 600: "#17695b", 700: "#11574b", 800: "#0c4339", 900: "#08302a" },
      },
    },
  },
  plugins: [],
} satisfies Config;
