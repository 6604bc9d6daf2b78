import { libraryBuild } from '@partner-center/tsconfig/library-build'
import { defineConfig } from 'tsdown'

export default defineConfig(libraryBuild(['src/index.ts', 'src/testing/index.ts']))
