import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts'],
		// Dates are calendar days; a fixed zone proves no code depends on the machine's.
		env: { TZ: 'Pacific/Auckland' },
	},
});
