import { beforeEach, expect } from 'vitest'

// Every test must assert something that can fail (brief: "honest tests").
beforeEach(() => {
  expect.hasAssertions()
})
