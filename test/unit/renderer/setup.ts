// Adds toBeInTheDocument() & co. to vitest's expect.
import '@testing-library/jest-dom/vitest';
